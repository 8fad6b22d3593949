import { describe, expect, it } from 'vitest';
import { lognormalParams, sampler } from '../../../src/engine/sim/dist.js';
import { standardExponential } from '../../../src/engine/sim/exponential.js';
import { Rng } from '../../../src/engine/sim/rng.js';

/** z with Φ(z) = 0.99 (tables: 2.32635). */
const Z99 = 2.3263478740408408;

/** A generator that returns the given uniforms: Box–Muller's two draws set the normal it makes exactly. */
function fixed(open: number, uniform: number): Rng {
  return { nextOpen: () => open, next: () => uniform } as unknown as Rng;
}

describe('lognormalParams', () => {
  it.each([
    [10, 100],
    [5, 40],
    [60, 400],
    [1, 14],
  ])('mean %d, P99 %d: e^(μ+σ²/2) is the mean, e^(μ+zσ) the P99, on the smaller root σ < z', (mean, p99) => {
    const p = lognormalParams(mean, p99)!;
    expect(Math.exp(p.mu + (p.sigma * p.sigma) / 2)).toBeCloseTo(mean, 9);
    expect(Math.exp(p.mu + Z99 * p.sigma)).toBeCloseTo(p99, 9);
    expect(p.sigma).toBeGreaterThan(0);
    expect(p.sigma).toBeLessThan(Z99);
  });

  it('mean 10, P99 100: σ = z − √(z² − 2 ln 10) = 1.42817 by hand', () => {
    expect(lognormalParams(10, 100)!.sigma).toBeCloseTo(1.42817, 5);
  });

  // A P99 at or below the mean is no lognormal; past e^(z²/2) ≈ 14.97 × the mean neither root is real.
  it.each([
    [10, 10],
    [10, 9],
    [1, 15],
    [1, 100],
  ])('mean %d, P99 %d: no lognormal fits', (mean, p99) => {
    expect(lognormalParams(mean, p99)).toBeUndefined();
  });
});

describe('sampler', () => {
  it('constant: the mean, every time', () => {
    const draw = sampler({ dist: 'constant', mean: 7 }, new Rng(1));
    expect([draw(), draw(), draw()]).toEqual([7, 7, 7]);
  });

  it('exponential: the mean times a standard exponential from the same stream', () => {
    const draw = sampler({ dist: 'exponential', mean: 20 }, new Rng(5));
    const reference = new Rng(5);
    for (let i = 0; i < 5; i += 1) expect(draw()).toBeCloseTo(20 * standardExponential(reference), 12);
  });

  // Box–Muller: z = √(−2 ln u₁) · cos(2π u₂). u₁ = e^(−z99²/2) gives |z| = z99; u₂ picks the sign.
  const u99 = Math.exp(-(Z99 * Z99) / 2);
  // The expected values are worked out inside each test: a mutant that throws while the file is collected
  // would empty it, which Stryker counts as survived.
  it.each([
    ['z = +z99 gives the P99', 0, () => 100],
    ['z = 0 (cos π/2) gives the median e^μ', 0.25, () => Math.exp(lognormalParams(10, 100)!.mu)],
    ['z = −z99 gives the 1st percentile e^(2μ) / P99', 0.5, () => Math.exp(2 * lognormalParams(10, 100)!.mu) / 100],
  ])('lognormal mean 10, P99 100: %s', (_, uniform, value) => {
    const draw = sampler({ dist: 'lognormal', mean: 10, p99: 100 }, fixed(u99, uniform));
    expect(draw()).toBeCloseTo(value(), 9);
  });

  it('lognormal with a P99 no lognormal fits: an error naming the cause', () => {
    expect(() => sampler({ dist: 'lognormal', mean: 10, p99: 10 }, new Rng(1))).toThrow(
      'lognormal: p99 must exceed the mean and fit a lognormal',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/sim/model.js';
import { toResult } from '../../../src/engine/sim/result.js';
import { erlangC, scenario } from './helpers.js';

describe('M/M/1 against queueing theory', () => {
  // λ = 80 req/s = 0.08/ms, service mean 10 ms (μ = 0.1/ms), ρ = 0.8.
  // Time in system is Exp(μ − λ) = Exp(0.02/ms): mean 50 ms; quantile q is −ln(1 − q) / 0.02.
  // Waits at ρ = 0.8 are strongly correlated: the standard error of the mean over n customers is
  // about sqrt(ρ(2 + 5ρ − 4ρ² + ρ³) / (μ²(1 − ρ)⁴) / n) ≈ 0.44 ms at n = 1e6 (0.9%), so 2% holds.
  // That is 79 times the variance of independent samples, so quantiles behave as if n ≈ 12,600:
  // σ(P99) ≈ sqrt(0.99 · 0.01 / 12,600) / f(P99) ≈ 4.4 ms (1.9%), σ(P95) ≈ 1%, σ(P50) < 1%.
  // Bounds: 4% for P50 and P95, 6% (about 3σ) for P99.
  const sc = scenario({
    duration: 12_500_000,
    warmup: 100_000,
    traffic: { rate: 80, arrival: 'poisson', clients: 1, steps: [] },
    servers: [{ count: 1, workers: 1, queue: 1e9, weight: 1, service: { dist: 'exponential', mean: 10 } }],
  });
  it.each([1, 2, 3])(
    'seed %i: mean time in system within 2% of 1/(μ − λ) = 50 ms, and P50/P95/P99 of Exp(μ − λ)',
    (seed) => {
      const run = runScenario(sc, seed);
      const h = run.metrics.latency;
      expect(h.count).toBeGreaterThan(990_000);
      expect(h.mean()).toBeGreaterThan(50 * 0.98);
      expect(h.mean()).toBeLessThan(50 * 1.02);
      for (const [q, exact, bound] of [
        [0.5, Math.log(2) / 0.02, 0.04],
        [0.95, -Math.log(0.05) / 0.02, 0.04],
        [0.99, -Math.log(0.01) / 0.02, 0.06],
      ]) {
        expect(Math.abs(h.quantile(q) / exact - 1), `P${q * 100}: ${h.quantile(q)} vs ${exact}`).toBeLessThan(bound);
      }
    },
  );
});

describe('M/M/c against Erlang C', () => {
  it.each([
    // c = 4, service mean 20 ms (μ = 0.05/ms), λ = 160/s: a = 3.2, ρ = 0.8
    [4, 20, 160],
    // c = 2, service mean 10 ms, λ = 150/s: a = 1.5, ρ = 0.75
    [2, 10, 150],
    // c = 8, service mean 50 ms, λ = 140/s: a = 7, ρ = 0.875
    [8, 50, 140],
  ])('c = %i, 1/μ = %i ms, λ = %i/s: mean time in system W = C(c, a)/(cμ − λ) + 1/μ within 2%', (c, meanMs, perSec) => {
    const mu = 1 / meanMs;
    const lambda = perSec / 1000;
    const a = lambda / mu;
    const expected = erlangC(c, a) / (c * mu - lambda) + 1 / mu;
    const duration = Math.ceil(1_000_000 / perSec) * 1000; // about 1e6 requests
    const sc = scenario({
      duration,
      warmup: duration / 50,
      traffic: { rate: perSec, arrival: 'poisson', clients: 1, steps: [] },
      servers: [{ count: 1, workers: c, queue: 1e9, weight: 1, service: { dist: 'exponential', mean: meanMs } }],
    });
    const h = runScenario(sc, 7).metrics.latency;
    expect(Math.abs(h.mean() / expected - 1), `W ${h.mean()} vs ${expected}`).toBeLessThan(0.02);
  });

  it('erlangC matches a textbook value: c = 2, a = 1 → 1/3', () => {
    // P(wait) = (a²/2!)·(2/(2−1)) / (1 + a + (a²/2!)·(2/(2−1))) = 1 / (1 + 1 + 1) = 1/3
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });
});

describe('determinism', () => {
  it('the same scenario and seed give the same JSON, a different seed a different one', () => {
    const sc = scenario({ duration: 20_000 });
    const a = JSON.stringify(toResult('x', 5, sc.duration, 0, runScenario(sc, 5), 0));
    const b = JSON.stringify(toResult('x', 5, sc.duration, 0, runScenario(sc, 5), 0));
    const c = JSON.stringify(toResult('x', 6, sc.duration, 0, runScenario(sc, 6), 0));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe('histogram accuracy', () => {
  it('percentiles of a known sample are within 0.1%', async () => {
    const { Histogram } = await import('../../../src/engine/sim/histogram.js');
    const h = new Histogram();
    // 1 … 100,000 ms uniformly: the q-quantile is q × 100,000.
    for (let v = 1; v <= 100_000; v += 1) h.record(v);
    for (const q of [0.5, 0.9, 0.95, 0.99, 0.999])
      expect(Math.abs(h.quantile(q) / (q * 100_000) - 1)).toBeLessThan(0.001);
    expect(h.mean()).toBeCloseTo(50_000.5, 6);
  });
});

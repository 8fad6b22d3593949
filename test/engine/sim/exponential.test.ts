import { describe, expect, it } from 'vitest';
import { standardExponential } from '../../../src/engine/sim/exponential.js';
import { Rng } from '../../../src/engine/sim/rng.js';

const N = 1_000_000;

function draws(seed: number): Float64Array {
  const rng = new Rng(seed);
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i += 1) xs[i] = standardExponential(rng);
  return xs;
}

describe('ziggurat exponential against Exp(1)', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: mean 1 and variance 1, and the sample's distribution within the Kolmogorov–Smirnov 1% bound`, () => {
      const xs = draws(seed);
      let sum = 0;
      let sq = 0;
      for (const x of xs) {
        sum += x;
        sq += x * x;
      }
      const mean = sum / N;
      const variance = sq / N - mean * mean;
      // Standard errors: 1/√N = 0.001 for the mean, √8/√N ≈ 0.0028 for the variance; 5σ bounds.
      expect(Math.abs(mean - 1)).toBeLessThan(0.005);
      expect(Math.abs(variance - 1)).toBeLessThan(0.015);
      xs.sort();
      let d = 0;
      for (let i = 0; i < N; i += 1) {
        const F = 1 - Math.exp(-xs[i]);
        d = Math.max(d, Math.abs(F - i / N), Math.abs(F - (i + 1) / N));
      }
      expect(d).toBeLessThan(1.628 / Math.sqrt(N));
    });
  }

  it('reaches the tail beyond the base layer (R ≈ 7.697) as often as e^−x says', () => {
    const xs = draws(4);
    for (const x of [2, 5, 7.697, 9]) {
      const expected = Math.exp(-x);
      const seen = xs.filter((v) => v > x).length / N;
      const sigma = Math.sqrt((expected * (1 - expected)) / N);
      expect(Math.abs(seen - expected)).toBeLessThan(5 * sigma + 1e-6);
    }
    expect(xs.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
  });
});

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

// The ziggurat's branches, driven by chosen bits. From the paper: the base layer (index 0) holds the
// rectangle [0, R] and the tail beyond R, of area V, so its rectangle's share is R·e^−R / V and a draw
// is taken at once when its 24-bit position is below ⌊R·e^−R/V · 2^24⌋; layer 255 is the widest box
// under the curve, its right edge at R.
describe('ziggurat branches', () => {
  const R = 7.697117470131487;
  const V = 3.949659822581572e-3;
  const SCALE = 2 ** 24;
  const ke0 = Math.floor((R / (V / Math.exp(-R))) * SCALE);
  /** A 32-bit draw whose low 8 bits pick the layer and the other 24 the position in it. */
  const bits = (layer: number, position: number) => (position << 8) | layer | 0;
  function fixed(ints: number[], uniform: number, open: number): Rng {
    let k = 0;
    return { nextI32: () => ints[k++], next: () => uniform, nextOpen: () => open } as unknown as Rng;
  }
  const top = SCALE - 1;

  it.each([
    ['base layer, position 0: 0', [bits(0, 0)], 0, 0.5, 0],
    ['base layer, position at the threshold: the tail, R + (−ln ½)', [bits(0, ke0)], 0, 0.5, R + Math.LN2],
    ['base layer, top position: the tail at its start, R − ln 1', [bits(0, top)], 0, 1, R],
    // Layer 255's wedge at its right edge (x → R): with U = 0 the point is at the curve's lower bound, kept.
    ['layer 255 wedge, U = 0: kept at x just under R', [bits(255, top)], 0, 1, (top * R) / SCALE],
    // With U = 10⁻³ the point is above e^−x by far more than e^−x changes over the last position: rejected,
    // and the fresh draw decides.
    ['layer 255 wedge rejected, fresh draw at position 0: 0', [bits(255, top), bits(0, 0)], 1e-3, 0.5, 0],
    [
      'layer 255 wedge rejected, fresh draw at the threshold: the tail',
      [bits(255, top), bits(0, ke0)],
      1e-3,
      0.5,
      R + Math.LN2,
    ],
    [
      'layer 255 wedge rejected, fresh draw at the top of the base layer: the tail',
      [bits(255, top), bits(0, top)],
      1e-3,
      0.25,
      R + 2 * Math.LN2,
    ],
  ])('%s', (_, ints, uniform, open, value) => {
    expect(standardExponential(fixed(ints, uniform, open))).toBeCloseTo(value, 12);
  });

  it('just below the threshold the base layer returns its rectangle, under R', () => {
    const x = standardExponential(fixed([bits(0, ke0 - 1)], 0, 0.5));
    expect(x).toBeLessThan(R);
    expect(x).toBeGreaterThan(R - 1e-5);
  });
});

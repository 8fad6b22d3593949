import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { select, WindowQuantile } from '../../../src/engine/sim/window-quantile.js';

/** Nearest rank from a full sort: the independent truth. */
function nearestRank(values: number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
}

describe('quickselect', () => {
  it('finds the k-th smallest of any array, duplicates and sorted runs included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        (xs, kSeed) => {
          const k = kSeed % xs.length;
          expect(select(Float64Array.from(xs), xs.length, k)).toBe([...xs].sort((x, y) => x - y)[k]);
        },
      ),
    );
    const sorted = Float64Array.from({ length: 10_000 }, (_, i) => i);
    expect(select(sorted, sorted.length, 9_499)).toBe(9_499);
    const same = new Float64Array(5_000).fill(7);
    expect(select(same, same.length, 4_000)).toBe(7);
  });
});

describe('window quantile', () => {
  it('is the exact nearest-rank quantile of what was recorded since the last reset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 5000, noNaN: true }), { minLength: 1, maxLength: 2000 }),
        fc.constantFrom(0.5, 0.95, 0.99, 1),
        (xs, q) => {
          const w = new WindowQuantile();
          for (const x of [1, 2, 3]) w.record(x);
          w.reset();
          for (const x of xs) w.record(x);
          expect(w.count).toBe(xs.length);
          expect(w.quantile(q)).toBe(nearestRank(xs, q));
        },
      ),
    );
    expect(new WindowQuantile().quantile(0.95)).toBe(0);
  });

  it('past 65,536 values in a window, spills to a histogram and stays within 1/128', () => {
    const w = new WindowQuantile();
    const xs = Array.from({ length: 200_000 }, (_, i) => 1 + ((i * 7919) % 100_000) / 100);
    for (const x of xs) w.record(x);
    const exact = nearestRank(xs, 0.95);
    expect(Math.abs(w.quantile(0.95) / exact - 1)).toBeLessThan(1 / 128);
    w.reset();
    w.record(5);
    expect(w.quantile(0.95)).toBe(5);
  });
});

import { describe, expect, it } from 'vitest';
import { Histogram } from '../../../src/engine/sim/histogram.js';

const of = (values: number[], sub?: number) => {
  const h = new Histogram(sub);
  for (const v of values) h.record(v);
  return h;
};

// With 1024 sub-buckets per power of two, a value v = 2^e·(1 + s/1024) falls in bucket s of power e,
// whose midpoint is 2^e·(1 + (s + 0.5)/1024): 1 → 1.00048828125, 2 → 2.0009765625, 3 → 3.0009765625.
describe('quantile on a small exact sample: the smallest value with at least ⌈q·n⌉ samples at or below it', () => {
  // Built inside each test: a mutant that throws must fail a test, not the file's collection.
  const h = () => of([3, 1, 4, 2]);
  it.each([
    [0, 1.00048828125],
    [0.25, 1.00048828125],
    [0.26, 2.0009765625],
    [0.5, 2.0009765625],
    [0.75, 3.0009765625],
    [0.76, 4],
    // The top bucket's midpoint (4.001953125) is above the largest sample: capped at the sample.
    [1, 4],
  ])('q = %f → %f', (q, value) => expect(h().quantile(q)).toBe(value));

  it('counts, mean and max are exact', () => {
    const sample = h();
    expect([sample.count, sample.mean(), sample.max()]).toEqual([4, 2.5, 4]);
  });

  it('repeated values share a bucket: the median of 1, 1, 1, 5 is 1', () => {
    expect(of([1, 1, 1, 5]).quantile(0.5)).toBe(1.00048828125);
    expect(of([1, 1, 1, 5]).quantile(0.75)).toBe(1.00048828125);
    expect(of([1, 1, 1, 5]).quantile(0.76)).toBe(5);
  });
});

describe('bucket edges', () => {
  it.each([
    // Two sub-buckets per power of two: [1, 1.5) has midpoint 1.25, [1.5, 2) 1.75, [2, 3) 2.5, [3, 4) 3.5.
    [1, 1.25],
    [1.49, 1.25],
    [1.5, 1.75],
    [2, 2.5],
    [2.99, 2.5],
    [3, 3.5],
  ])('with two sub-buckets, %f reads as %f (below a larger maximum)', (v, mid) => {
    expect(of([v, 100], 2).quantile(0.5)).toBe(mid);
  });

  it.each([
    // Below 2^-10 ms everything shares the first bucket; from 2^25 ms up, the last.
    [0, 2 ** -10 * (1 + 0.5 / 1024)],
    [2 ** -11, 2 ** -10 * (1 + 0.5 / 1024)],
    [2 ** -10, 2 ** -10 * (1 + 0.5 / 1024)],
    // The smallest power kept still has its sub-buckets.
    [2 ** -10 * 1.5, 2 ** -10 * (1 + 512.5 / 1024)],
    [2 ** 24, 2 ** 24 * (1 + 0.5 / 1024)],
  ])('%f reads as %f', (v, mid) => expect(of([v, 2 ** 30]).quantile(0.5)).toBe(mid));

  it('beyond the largest power every value is in the last bucket, capped at the largest sample', () => {
    expect(of([2 ** 25, 2 ** 26]).quantile(0.5)).toBe(2 ** 24 * (1 + 1023.5 / 1024));
    expect(of([2 ** 26]).quantile(1)).toBe(2 ** 24 * (1 + 1023.5 / 1024));
  });

  it('a reported value is within 1/(2·sub) of the true one', () => {
    for (const v of [1.7, 13.3, 999.9, 0.0123, 65_000]) {
      expect(Math.abs(of([v, 1e7]).quantile(0.5) / v - 1)).toBeLessThanOrEqual(1 / 1024);
    }
  });
});

describe('empty, reset and sizes', () => {
  it('an empty histogram reports zeros', () => {
    const h = new Histogram();
    expect([h.count, h.mean(), h.max(), h.quantile(0.5)]).toEqual([0, 0, 0, 0]);
  });

  it('reset forgets everything', () => {
    const h = of([5, 6, 7]);
    h.reset();
    expect([h.count, h.mean(), h.max(), h.quantile(0.99)]).toEqual([0, 0, 0, 0]);
    h.record(2);
    expect([h.count, h.mean(), h.max(), h.quantile(0.5)]).toEqual([1, 2, 2, 2]);
  });

  it.each([1, 3, 1000, 2 ** 21])('sub = %d is refused', (sub) => {
    expect(() => new Histogram(sub)).toThrow('Histogram: sub must be a power of two from 2 to 2^20');
  });

  it.each([2, 2 ** 20])('sub = %d is accepted', (sub) => {
    const h = new Histogram(sub, 0, 0);
    h.record(1);
    expect(h.quantile(1)).toBe(1);
  });
});

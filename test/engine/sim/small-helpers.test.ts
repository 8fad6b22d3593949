import { describe, expect, it } from 'vitest';
import { comparisonRows, figureAt, formatFigure } from '../../../src/engine/sim/compare-format.js';
import { nearestRank } from '../../../src/engine/sim/nearest-rank.js';
import { sparkline } from '../../../src/engine/sim/sparkline.js';

describe('nearestRank: the ⌈q·n⌉-th smallest', () => {
  it.each([
    [[], 0.5, 0],
    [[5, 1, 3], 0.5, 3],
    [[5, 1, 3], 0, 1],
    [[5, 1, 3], 0.33, 1],
    [[5, 1, 3], 0.34, 3],
    [[5, 1, 3], 1, 5],
    [[5, 1, 3], 2, 5],
    [[10, 2, 33, 4], 0.75, 10],
  ])('%j at %d: %d', (values, q, value) => {
    expect(nearestRank(values, q)).toBe(value);
  });

  it('leaves its input as it was', () => {
    const values = [3, 1, 2];
    nearestRank(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('sparkline: eight bar heights, each column the max of its values', () => {
  it.each([
    [[], 5, '', 0],
    [[0, 4, 8], 3, ' ▄█', 8],
    [[0, 4, 8], 10, ' ▄█', 8],
    [[1, 5, 3], 1, '█', 5],
    [[1, 5, 3], 0, '█', 5],
    [[1, 2, 3, 4], 2, '▄█', 4],
    // 1.5 values a column: column 0 takes value 0, column 1 values 1 and 2; 3 / 9 × 8 = 2.67 → 3.
    [[9, 1, 3], 2, '█▃', 9],
    [[0, 0], 2, '  ', 0],
    [[-2, -1], 2, '  ', -1],
  ])('%j in %i columns: "%s", max %d', (values, width, line, max) => {
    expect(sparkline(values, width)).toEqual({ line, max });
  });
});

describe('comparison formatting', () => {
  it.each([
    [{ mean: 12.4, ci95: [10.4, 14.4] as [number, number] }, 0, 1, '12 ±2'],
    [{ mean: 0.01234, ci95: [0.01, 0.01468] as [number, number] }, 2, 100, '1.23 ±0.23'],
    [{ mean: 7, ci95: [7, 7] as [number, number] }, 1, undefined, '7.0 ±0.0'],
  ])('%j to %i digits × %s: %s', (f, digits, scale, text) => {
    expect(formatFigure(f, digits, scale)).toBe(text);
  });

  it('rows per kind, in the order of the table', () => {
    expect(comparisonRows('availability')).toEqual([
      { label: 'availability %', path: 'availability.mean', digits: 4, scale: 100 },
      { label: 'downtime min/yr', path: 'downtimeMinutesPerYear.mean', digits: 1 },
      { label: 'analytic %', path: 'analytic.availability', digits: 4, scale: 100 },
    ]);
    expect(comparisonRows('requests').map((r) => [r.label, r.path, r.digits, r.scale])).toEqual([
      ['P50 ms', 'latencyMs.p50', 1, undefined],
      ['P95 ms', 'latencyMs.p95', 1, undefined],
      ['P99 ms', 'latencyMs.p99', 1, undefined],
      ['error rate %', 'errorRate', 2, 100],
      ['goodput req/s', 'throughput.goodputRps', 0, undefined],
      ['retries', 'requests.retries', 0, undefined],
    ]);
  });

  it('figureAt reads a top-level or a nested figure', () => {
    const e = { mean: 0.1, ci95: [0, 0.2] as [number, number] };
    const p = { mean: 30, ci95: [29, 31] as [number, number] };
    const agg = { errorRate: e, latencyMs: { p95: p } };
    expect(figureAt(agg, 'errorRate')).toBe(e);
    expect(figureAt(agg, 'latencyMs.p95')).toBe(p);
  });
});

import { describe, expect, it } from 'vitest';
import { comparisonRows, dynamicSeries } from '../../../src/engine/sim/compare-format.js';
import type { AnyResult } from '../../../src/engine/sim/compare.js';
import { DYNAMIC_FIGURES } from '../../../src/engine/sim/dynamics-figures.js';

const kinds = Object.keys(DYNAMIC_FIGURES) as Array<keyof typeof DYNAMIC_FIGURES>;

describe('a dynamics comparison shows figures its kind has, each in its own unit', () => {
  it.each(kinds)('%s: six rows, each a figure the seeds are averaged over', (kind) => {
    const rows = comparisonRows(kind);
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(DYNAMIC_FIGURES[kind]).toContain(row.path);
    expect(new Set(rows.map((r) => r.path)).size).toBe(6);
  });

  it.each(kinds)('%s: a share (0–1) is shown as a percentage, and only a share', (kind) => {
    for (const row of comparisonRows(kind)) {
      expect(row.label.endsWith('%')).toBe(row.scale === 100);
      expect(row.scale === undefined || row.scale === 100).toBe(true);
      expect(row.digits).toBeGreaterThanOrEqual(0);
      expect(row.digits).toBeLessThanOrEqual(3);
    }
  });
});

describe('dynamicSeries: the per-second column each kind charts', () => {
  // Every row holds every column with a different value, so reading the wrong column changes the series.
  const row = (k: number) => ({
    backlog: 1 + k,
    openP95Ms: 10 + k,
    goodputRps: 100 + k,
    dbReadsPerSec: 1000 + k,
  });
  const timeline = [row(0), row(1)];
  it.each([
    ['kafka', { label: 'backlog', unit: 'msgs', values: [1, 2] }],
    ['closed-loop', { label: 'open P95', unit: 'ms', values: [10, 11] }],
    ['gateway', { label: 'goodput', unit: 'req/s', values: [100, 101] }],
    ['cache', { label: 'DB reads', unit: 'reads/s', values: [1000, 1001] }],
  ])('%s', (kind, series) => {
    expect(dynamicSeries({ kind, timeline } as unknown as AnyResult)).toEqual(series);
  });

  it('metastable charts the goodput of its first variant (the file as written)', () => {
    const run = { kind: 'metastable', variants: [{ timeline }, { timeline: [row(5)] }] };
    expect(dynamicSeries(run as unknown as AnyResult)).toEqual({ label: 'goodput', unit: 'req/s', values: [100, 101] });
  });

  it('hedging and request scenarios chart nothing', () => {
    expect(dynamicSeries({ kind: 'hedge', timeline } as unknown as AnyResult)).toBeUndefined();
    expect(dynamicSeries({ requests: {} } as unknown as AnyResult)).toBeUndefined();
  });
});

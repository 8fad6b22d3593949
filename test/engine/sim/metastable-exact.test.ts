import { describe, expect, it } from 'vitest';
import { validateDynamic } from '../../../src/engine/sim/dynamics.js';
import { runMetastable } from '../../../src/engine/sim/metastable-model.js';

// A request every 100 ms taking exactly 50 ms; every answer is an error while the trigger (an error fault
// from 2 s to 4 s) lasts. Request k (at 100·k) is answered at 100·k + 50, so k = 20 … 39 fail: seconds 2
// and 3 are all errors, the others all successes (9 in second 0, 10 in each of the rest).
function load(healthyErrorRate?: number, over: Record<string, unknown> = {}) {
  const { scenario, problems } = validateDynamic({
    kind: 'metastable',
    name: 'm',
    seed: 2,
    ...(healthyErrorRate === undefined ? {} : { healthyErrorRate }),
    scenario: {
      duration: '8s',
      traffic: { rate: 10, arrival: 'constant' },
      servers: [{ service: { dist: 'constant', mean: '50ms' } }],
      faults: [{ at: '2s', kind: 'error', target: 'servers', rate: 1, duration: '2s' }],
      ...over,
    },
    // The second variant's fault lasts to the end: it never recovers.
    variants: [{ name: 'brief' }, { name: 'lasting', set: { 'faults[0].duration': '6s' } }],
  });
  if (scenario?.kind !== 'metastable') throw new Error(JSON.stringify(problems));
  return scenario;
}

describe('metastable phases, by hand', () => {
  it('before, during and the last quarter after the trigger; recovery counted from its end', () => {
    const r = runMetastable(load(), 2);
    expect(r).toMatchObject({ scenario: 'm', kind: 'metastable', seed: 2, simulatedSeconds: 8 });
    expect(r.trigger).toEqual({ from: 2, to: 4 });
    expect(r.healthyErrorRate).toBe(0.05);
    const [brief, lasting] = r.variants;
    expect(brief.name).toBe('brief');
    // Before: seconds 0 and 1 (9 and 10 answers); during: 2 and 3; end: the last quarter of 4 … 8, second 7.
    expect(brief.before).toEqual({ goodputRps: 9.5, errorRate: 0, p95Ms: 50 });
    expect(brief.during).toEqual({ goodputRps: 0, errorRate: 1, p95Ms: 0 });
    expect(brief.end).toEqual({ goodputRps: 10, errorRate: 0, p95Ms: 50 });
    expect(brief.recoveredAfter).toBe(0);
    expect(brief.retries).toBe(0);
    expect(brief.timeline.map((row) => [row.t, row.goodputRps, row.errorRate])).toEqual([
      [0, 9, 0],
      [1, 10, 0],
      [2, 0, 1],
      [3, 0, 1],
      [4, 10, 0],
      [5, 10, 0],
      [6, 10, 0],
      [7, 10, 0],
    ]);
    expect(lasting.end).toEqual({ goodputRps: 0, errorRate: 1, p95Ms: 0 });
    expect(lasting.recoveredAfter).toBeNull();
  });

  it('a second exactly at the healthy error rate is healthy', () => {
    const r = runMetastable(load(1), 2);
    expect(r.variants.map((v) => v.recoveredAfter)).toEqual([0, 0]);
  });

  it('a warm-up of 1 s: the before phase is second 1 alone', () => {
    const r = runMetastable(load(undefined, { warmup: '1s' }), 2);
    expect(r.variants[0].before).toEqual({ goodputRps: 10, errorRate: 0, p95Ms: 50 });
  });

  it('a trigger from the start leaves no second before it: that phase is all zeros', () => {
    const r = runMetastable(
      load(undefined, { faults: [{ at: 0, kind: 'error', target: 'servers', rate: 1, duration: '2s' }] }),
      2,
    );
    expect(r.trigger).toEqual({ from: 0, to: 2 });
    expect(r.variants[0].before).toEqual({ goodputRps: 0, errorRate: 0, p95Ms: 0 });
    expect(r.variants[0].during).toEqual({ goodputRps: 0, errorRate: 1, p95Ms: 0 });
  });
});

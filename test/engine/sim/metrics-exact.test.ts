import { describe, expect, it } from 'vitest';
import { Metrics, round } from '../../../src/engine/sim/metrics.js';
import type { RunOutput } from '../../../src/engine/sim/model.js';
import { resultJsonChunks, toResult } from '../../../src/engine/sim/result.js';

// The counters of one run, fed by hand: Apdex with T = 100 ms counts an answer in ≤ T as satisfied, in
// ≤ 4T as tolerating (half), later as frustrated; a request started before the warm-up is not counted.
function fed(): Metrics {
  const m = new Metrics(1000, 100);
  m.arrival(500); // before the warm-up: in the second's row only
  m.success(600, 500);
  m.arrival(700);
  m.failure(800, 700, 'error'); // before the warm-up
  m.arrival(1000);
  m.success(1100, 1000); // 100 ms: satisfied (exactly T)
  m.arrival(1200);
  m.success(1300.5, 1200); // 100.5 ms: tolerating
  m.arrival(1400);
  m.success(1800, 1400); // 400 ms: tolerating (exactly 4T)
  m.arrival(1500);
  m.success(1900.5, 1500); // 400.5 ms: frustrated
  m.arrival(2000);
  m.failure(2050, 2000, 'timeout');
  m.arrival(2100);
  m.failure(2150, 2100, 'rejected');
  m.arrival(2200);
  m.failure(2250, 2200, 'short-circuited');
  m.arrival(2300);
  m.failure(2350, 2300, 'error');
  m.retry(2300);
  m.retry(999); // before the warm-up: not counted
  m.finish(4000);
  return m;
}

describe('metrics by hand', () => {
  it('counts, by reason, from the warm-up on', () => {
    const m = fed();
    expect([m.offered, m.succeeded, m.failed, m.timedOut, m.rejected, m.shortCircuited, m.retries]).toEqual([
      8, 4, 4, 1, 1, 1, 1,
    ]);
    expect([m.satisfied, m.tolerating]).toEqual([1, 2]);
  });

  it('a row per second, each closed when time reaches its end, to the end of the run', () => {
    const rows = fed().timeline;
    expect(rows.map((r) => [r.t, r.offeredRps, r.goodputRps, r.errorRate])).toEqual([
      [0, 2, 1, 0.5],
      [1, 4, 4, 0],
      [2, 4, 0, 1],
      [3, 0, 0, 0],
    ]);
    expect(rows[1].p95Ms).toBeCloseTo(400.5, 0);
  });

  it('the result: Apdex (satisfied + tolerating / 2) / completed, error rate, rates over the measured time', () => {
    const m = fed();
    const run = {
      metrics: m,
      events: 42,
      servers: [{ id: 'server-1', utilization: 0.123456, served: 9, maxQueue: 2 }],
      maxInFlight: 1,
      attempts: 9,
    } as RunOutput;
    const r = toResult('s', 7, 4000, 1000, run, 12.6);
    expect(r).toMatchObject({ scenario: 's', seed: 7, simulatedSeconds: 4, events: 42, wallMs: 13 });
    expect(r.requests).toEqual({
      offered: 8,
      completed: 8,
      succeeded: 4,
      failed: 4,
      timedOut: 1,
      rejected: 1,
      shortCircuited: 1,
      retries: 1,
    });
    // 8 offered and 4 answered over the 3 s after the warm-up.
    expect(r.throughput).toEqual({ offeredRps: 2.667, goodputRps: 1.333 });
    expect(r.errorRate).toBe(0.5);
    expect(r.apdex).toBe(0.25);
    expect(r.latencyMs.max).toBe(400.5);
    expect(r.servers).toEqual([{ id: 'server-1', utilization: 0.1235, served: 9, maxQueue: 2 }]);
    expect(r.breaker).toEqual({ transitions: [] });
  });

  it('nothing completed: error rate and Apdex 0, not NaN', () => {
    const m = new Metrics(0, 100);
    m.finish(1000);
    const r = toResult(
      'e',
      1,
      1000,
      0,
      { metrics: m, events: 0, servers: [], maxInFlight: 0, attempts: 0 } as RunOutput,
      0,
    );
    expect([r.errorRate, r.apdex, r.latencyMs.max]).toEqual([0, 0, 0]);
    expect(r.timeline).toEqual([{ t: 0, offeredRps: 0, goodputRps: 0, p95Ms: 0, errorRate: 0 }]);
  });

  it.each([
    [1.23456, 4, 1.2346],
    [1.23454, 4, 1.2345],
    [2.5, 0, 3],
    [1234.5678, 1, 1234.6],
  ])('round(%d, %i) = %d', (n, digits, out) => {
    expect(round(n, digits)).toBe(out);
  });
});

describe('the result as JSON, in pieces', () => {
  it.each([0, 1, 1000, 2500])('with %i timeline rows it parses to the result itself, one row a line', (rows) => {
    const m = new Metrics(0, 100);
    m.finish(rows * 1000);
    const r = toResult(
      'j',
      1,
      rows * 1000,
      0,
      { metrics: m, events: 0, servers: [], maxInFlight: 0, attempts: 0 } as RunOutput,
      0,
    );
    const text = [...resultJsonChunks(r)].join('');
    expect(JSON.parse(text)).toEqual(r);
    expect(text.endsWith('}\n')).toBe(true);
    const rowLines = text.split('\n').filter((line) => line.startsWith('    {"t":'));
    expect(rowLines).toHaveLength(rows);
    if (rows > 1) expect(rowLines[0]).toBe('    {"t":0,"offeredRps":0,"goodputRps":0,"p95Ms":0,"errorRate":0},');
    if (rows > 0) expect(rowLines.at(-1)?.endsWith('}')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { runClosedLoop, workEnd } from '../../../src/engine/sim/closed-loop-model.js';
import type { ClosedLoopScenario } from '../../../src/engine/sim/closed-loop-scenario.js';
import { validateDynamic } from '../../../src/engine/sim/dynamics.js';
import { mva } from '../../../src/engine/sim/mva.js';

const closedLoop = (over: Record<string, unknown>): ClosedLoopScenario => {
  const { scenario, problems } = validateDynamic({
    kind: 'closed-loop',
    name: 't',
    duration: '10m',
    warmup: '10s',
    ...over,
  });
  if (scenario?.kind !== 'closed-loop') throw new Error(JSON.stringify(problems));
  return scenario;
};

/** The finite-source single-server queue (machine repair, M/M/1//N): X = (1 − p0) / S. */
function machineRepair(users: number, serviceMs: number, thinkMs: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= users; k += 1) {
    term *= (users - k + 1) * (serviceMs / thinkMs);
    sum += term;
  }
  return ((1 - 1 / sum) / serviceMs) * 1000;
}

describe('mean value analysis', () => {
  it.each([
    [1, 10, 100],
    [5, 10, 100],
    [20, 10, 100],
    [50, 20, 500],
  ])('one server: MVA equals the machine-repair closed form (N = %i, S = %i ms, Z = %i ms)', (users, s, z) => {
    expect(mva(users, 1, s, z).throughputRps).toBeCloseTo(machineRepair(users, s, z), 9);
  });

  it.each([
    ['one user never queues: R = S', 1, 4, 20, 180, 5, 20],
    ['many servers, few users: no queueing, X = N / (S + Z)', 3, 8, 10, 90, 30, 10],
    ['saturated: X → servers / S', 400, 4, 20, 100, 200, undefined],
  ])('%s', (_name, users, servers, s, z, x, r) => {
    const out = mva(users, servers, s, z);
    expect(out.throughputRps).toBeCloseTo(x, 3);
    if (r !== undefined) expect(out.responseMs).toBeCloseTo(r, 6);
  });
});

describe('closed-loop users against the interactive response-time law', () => {
  it.each([
    [10, 1, 10, 100],
    [50, 4, 20, 200],
    [30, 2, 15, 300],
  ])(
    'N = %i users, %i workers, S = %i ms, Z = %i ms: X and R within 2% of exact MVA; X = N / (R + Z)',
    (users, workers, s, z) => {
      const r = runClosedLoop(
        closedLoop({
          users,
          think: { dist: 'exponential', mean: `${z}ms` },
          server: { workers, service: { dist: 'exponential', mean: `${s}ms` } },
        }),
        5,
      );
      expect(Math.abs(r.closed.throughputRps / r.mva.throughputRps - 1)).toBeLessThan(0.02);
      expect(Math.abs(r.closed.meanResponseMs / r.mva.responseMs - 1)).toBeLessThan(0.02);
      expect(Math.abs(r.law.throughputRps / r.closed.throughputRps - 1)).toBeLessThan(0.005);
      // The open loop at the same rate delivers it.
      expect(Math.abs(r.open.throughputRps / r.open.rateRps - 1)).toBeLessThan(0.02);
    },
  );
});

describe('no think time (hey -c N)', () => {
  it('N users keep N requests in the system: X = N / R, and MVA agrees within 2%', () => {
    const r = runClosedLoop(
      closedLoop({ duration: '2m', users: 10, server: { workers: 4, service: { dist: 'exponential', mean: '10ms' } } }),
      6,
    );
    expect(r.closed.meanThinkMs).toBe(0);
    expect(Math.abs(r.closed.throughputRps / ((10 * 1000) / r.closed.meanResponseMs) - 1)).toBeLessThan(0.005);
    expect(Math.abs(r.closed.throughputRps / r.mva.throughputRps - 1)).toBeLessThan(0.02);
  });
});

describe('coordinated omission', () => {
  // 20 users, Z = 200 ms, 4 workers at 10 ms: ~95 req/s. A 5 s stall at 60 s.
  const r = runClosedLoop(
    closedLoop({
      duration: '5m',
      users: 20,
      think: { dist: 'exponential', mean: '200ms' },
      server: { workers: 4, service: { dist: 'exponential', mean: '10ms' } },
      stalls: [{ at: '60s', duration: '5s' }],
    }),
    21,
  );

  it('the closed loop sends nothing while stalled: one slow sample per user, and its P99 stays near the unstalled one', () => {
    const stalled = r.timeline.slice(61, 64);
    expect(stalled.every((row) => row.closedRps === 0)).toBe(true);
    expect(r.timeline[64 - 1].closedInSystem).toBe(20);
    expect(r.closed.latencyMs.p99).toBeLessThan(60);
  });

  it('open-loop arrivals keep coming: λ × 5 s queue up and its P99 passes a second; the corrected closed loop agrees', () => {
    expect(Math.abs(r.timeline[64 - 1].openInSystem - r.open.rateRps * 4)).toBeLessThan(60);
    expect(r.open.latencyMs.p99).toBeGreaterThan(1000);
    expect(r.closed.correctedLatencyMs.p99).toBeGreaterThan(1000);
  });
});

describe('stalls', () => {
  const stalls = [
    { at: 100, duration: 50 },
    { at: 300, duration: 10 },
  ];
  it.each([
    ['ends before the stall', 0, 50, 50],
    ['runs into the stall and resumes after it', 80, 40, 170],
    ['starts during the stall', 120, 10, 160],
    ['spans both stalls', 90, 200, 350],
    ['after both', 400, 5, 405],
  ])('%s', (_name, start, work, end) => {
    expect(workEnd(start, work, stalls)).toBe(end);
  });
});

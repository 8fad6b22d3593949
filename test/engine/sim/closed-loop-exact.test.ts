import { describe, expect, it } from 'vitest';
import { runClosedLoop, workEnd } from '../../../src/engine/sim/closed-loop-model.js';
import type { ClosedLoopScenario } from '../../../src/engine/sim/closed-loop-scenario.js';
import { standardExponential } from '../../../src/engine/sim/exponential.js';
import { mva } from '../../../src/engine/sim/mva.js';
import { Rng } from '../../../src/engine/sim/rng.js';

// Constant think and service times, so the closed loop is a schedule worked by hand; the open loop
// (Poisson at the closed loop's rate) is checked where it is exact: with more workers than it can keep
// busy, every answer takes exactly the service time.
function closedLoop(over: Partial<ClosedLoopScenario> = {}): ClosedLoopScenario {
  return {
    kind: 'closed-loop',
    name: 'c',
    description: '',
    seed: 1,
    duration: 1000,
    warmup: 0,
    users: 1,
    think: { dist: 'constant', mean: 90 },
    server: { workers: 1, service: { dist: 'constant', mean: 10 } },
    stalls: [],
    ...over,
  };
}
const flat = (ms: number) => ({ mean: ms, p50: ms, p95: ms, p99: ms, p999: ms, max: ms });

/** The finite-source queue M/M/c//N as a birth–death chain: users think at 1/Z each, c servers at 1/S each. */
function finiteSource(users: number, servers: number, s: number, z: number): { x: number; r: number } {
  const p = [1];
  for (let k = 1; k <= users; k += 1) p.push((p[k - 1] * (users - k + 1) * s) / (z * Math.min(k, servers)));
  const total = p.reduce((a, b) => a + b, 0);
  const x = p.reduce((a, pk, k) => a + (pk * Math.min(k, servers)) / s, 0) / total;
  return { x: x * 1000, r: users / x - z };
}

describe('mean value analysis against the birth–death chain of M/M/c//N', () => {
  it.each([
    // N = 2, c = 1, S = Z = 10: p ∝ 1, 2, 2, so X = (1 − 1/5) / 10 ms = 80/s and R = 2/X − Z = 15 ms.
    [2, 1, 10, 10, 80, 15],
    // N = 3, c = 2, S = Z = 10: p ∝ 1, 3, 3, 1.5; X = 12/85 per ms, R = 21.25 − 10.
    [3, 2, 10, 10, 141.17647058823528, 11.25],
    // Two servers for two users and no think time: nobody waits, X = 2/S.
    [2, 2, 10, 0, 200, 10],
    // One server, two users, no think time: one waits a whole service, R = 2S.
    [2, 1, 10, 0, 100, 20],
    [5, 2, 20, 50, undefined, undefined],
    [8, 3, 7, 30, undefined, undefined],
    [12, 4, 10, 25, undefined, undefined],
  ])('N = %i, c = %i, S = %i ms, Z = %i ms', (users, servers, s, z, x, r) => {
    const out = mva(users, servers, s, z);
    // With no think time every user is at the station: the chain has one state, worked by hand instead.
    if (z > 0) {
      const exact = finiteSource(users, servers, s, z);
      expect(out.throughputRps).toBeCloseTo(exact.x, 9);
      expect(out.responseMs).toBeCloseTo(exact.r, 9);
    }
    if (x !== undefined) expect(out.throughputRps).toBeCloseTo(x, 9);
    if (r !== undefined) expect(out.responseMs).toBeCloseTo(r, 9);
  });
});

describe('a closed loop, request by request', () => {
  it('one user thinking 90 ms, served in 10 ms: a request every 100 ms, the answer at 1,000 ms counted', () => {
    // Sends at 90, 190, … 990; answers at 100, …, 1,000. The tick at 1 s comes before that last answer.
    const r = runClosedLoop(closedLoop(), 1);
    expect(r).toMatchObject({ scenario: 'c', kind: 'closed-loop', seed: 1, simulatedSeconds: 1, users: 1 });
    expect(r.closed).toEqual({
      requests: 10,
      throughputRps: 10,
      meanResponseMs: 10,
      meanThinkMs: 90,
      latencyMs: flat(10),
      correctedLatencyMs: flat(10),
    });
    expect(r.law).toEqual({ throughputRps: 10 });
    expect(r.mva).toEqual({ throughputRps: 10, responseMs: 10 });
    expect(r.timeline).toHaveLength(1);
    expect(r.timeline[0]).toMatchObject({ t: 1, closedRps: 9, closedP95Ms: 10, closedInSystem: 1 });
  });

  it('two users, no think time, one worker: every request after the first waits one service', () => {
    // Both send at 0; the second waits until 10. From then on the answer to one user and the next request
    // of the other coincide: latencies 10, 20, 20, …; an answer every 10 ms, 100 by 1 s.
    const r = runClosedLoop(closedLoop({ users: 2, think: { dist: 'constant', mean: 0 } }), 1);
    expect(r.closed.requests).toBe(100);
    expect(r.closed.throughputRps).toBe(100);
    expect(r.closed.meanResponseMs).toBe(19.9);
    expect(r.closed.meanThinkMs).toBe(0);
    expect(r.closed.latencyMs).toEqual({ mean: 19.9, p50: 20, p95: 20, p99: 20, p999: 20, max: 20 });
    // With no think time the expected interval is the service time: each 20 ms answer adds one sample of
    // 10 ms, so 199 samples: 100 of 10 ms, 99 of 20 ms (mean 2,980 / 199).
    expect(r.closed.correctedLatencyMs).toEqual({ mean: 15, p50: 10, p95: 20, p99: 20, p999: 20, max: 20 });
    // N / (R + Z) = 2,000 / 19.9; MVA: R = 2S, X = 100/s.
    expect(r.law.throughputRps).toBe(100.503);
    expect(r.mva).toEqual({ throughputRps: 100, responseMs: 20 });
    // Both users are in the system at every tick.
    expect(r.timeline[0]).toMatchObject({ closedRps: 99, closedP95Ms: 20, closedInSystem: 2 });
  });

  it('a slow answer is corrected with the samples its user would have sent every think time', () => {
    // One user, think 10 ms, service 45 ms: latency 45, corrected by 35, 25, 15, 5. Sends at 10, 65, …;
    // answers at 55k: 18 by 1 s (the 19th at 1,045).
    const r = runClosedLoop(
      closedLoop({
        think: { dist: 'constant', mean: 10 },
        server: { workers: 1, service: { dist: 'constant', mean: 45 } },
      }),
      1,
    );
    expect(r.closed.requests).toBe(18);
    expect(r.closed.throughputRps).toBe(18);
    expect(r.closed.latencyMs).toEqual(flat(45));
    // 18 × (45 + 35 + 25 + 15 + 5) / 90 = 25; the 45th of 90 samples is 25, the 86th 45.
    expect(r.closed.correctedLatencyMs).toEqual({ mean: 25, p50: 25, p95: 45, p99: 45, p999: 45, max: 45 });
  });

  it('a warm-up leaves out the requests sent before it and the think times drawn before it', () => {
    // Sends at 90 + 100k; from the warm-up at 500: sends at 590 … 990 are counted (5) over 0.5 s.
    const r = runClosedLoop(closedLoop({ warmup: 500, think: { dist: 'constant', mean: 90 } }), 1);
    expect(r.closed.requests).toBe(5);
    expect(r.closed.throughputRps).toBe(10);
    expect(r.closed.meanThinkMs).toBe(90);
  });

  it('nothing answered after the warm-up: the mean think time is the distribution’s, N / (R + Z) with R = 0', () => {
    // The request sent at 390 ms is held by a stall from 400 ms past the end; the warm-up ends at 500 ms.
    const r = runClosedLoop(closedLoop({ warmup: 500, stalls: [{ at: 400, duration: 5000 }] }), 1);
    expect(r.closed.requests).toBe(0);
    expect(r.closed.meanThinkMs).toBe(90);
    expect(r.law.throughputRps).toBe(11.111);
  });

  it('a stall holds the request in service until it ends, and the user sends nothing meanwhile', () => {
    // Sends at 90, 190, 290 …; a stall from 250 to 350 holds the one sent at 290 (done at 360, 70 ms). The
    // next sends are 450, 550, … 950 (done 960). Answers: 100, 200, 360, 460, …, 960: 9 by 1 s.
    const r = runClosedLoop(closedLoop({ stalls: [{ at: 250, duration: 100 }] }), 1);
    expect(r.closed.requests).toBe(9);
    expect(r.closed.latencyMs.max).toBe(70);
    expect(r.closed.latencyMs.p50).toBe(10);
    expect(r.closed.meanResponseMs).toBe(round3((8 * 10 + 70) / 9));
  });

  it('per-second rows over 3 s: answers, P95 and requests in the system at each tick', () => {
    // Two users thinking 90 ms with two workers: each sends every 100 ms, no one waits.
    const r = runClosedLoop(
      closedLoop({ duration: 3000, users: 2, server: { workers: 2, service: { dist: 'constant', mean: 10 } } }),
      1,
    );
    expect(r.closed.requests).toBe(60);
    expect(r.timeline.map((row) => [row.t, row.closedRps, row.closedP95Ms, row.closedInSystem])).toEqual([
      [1, 18, 10, 2],
      [2, 20, 10, 2],
      [3, 20, 10, 2],
    ]);
  });
});

describe('one user with random think times, against a schedule drawn from the same seed', () => {
  // One user never queues, so its schedule is think, 10 ms of work, think, …: the think times are the
  // seed's exponentials in order (the constant service draws nothing). The mean think time counts those
  // drawn from the warm-up on (after each answer from then on).
  function schedule(seed: number, duration: number, warmup: number) {
    const rng = new Rng(seed);
    const draw = () => 90 * standardExponential(rng);
    const thinks: number[] = [];
    let z = draw();
    if (warmup === 0) thinks.push(z);
    let requests = 0;
    for (let sent = z; sent + 10 <= duration; sent += 10 + z) {
      if (sent >= warmup) requests += 1;
      z = draw();
      if (sent + 10 >= warmup) thinks.push(z);
    }
    return { requests, meanThink: thinks.reduce((a, b) => a + b, 0) / thinks.length };
  }

  it.each([
    [4, 20_000, 0],
    [9, 20_000, 5000],
  ])(
    'seed %i, %i ms, warm-up %i ms: requests, mean think time, and N / (R + Z) with R = 10 ms',
    (seed, duration, warmup) => {
      const r = runClosedLoop(closedLoop({ duration, warmup, think: { dist: 'exponential', mean: 90 } }), seed);
      const expected = schedule(seed, duration, warmup);
      expect(r.closed.requests).toBe(expected.requests);
      expect(r.closed.throughputRps).toBe(round3(expected.requests / ((duration - warmup) / 1000)));
      expect(r.closed.meanThinkMs).toBe(round3(expected.meanThink));
      expect(r.law.throughputRps).toBe(round3(1000 / (10 + expected.meanThink)));
      // The mean of a sample, not the distribution's 90 ms.
      expect(r.closed.meanThinkMs).not.toBe(90);
    },
  );
});

describe('work across stalls (from 100 to 150 ms and from 300 to 310 ms)', () => {
  const stalls = [
    { at: 100, duration: 50 },
    { at: 300, duration: 10 },
  ];
  it.each([
    ['ends before the first', 0, 50, 50],
    ['ends exactly as the first begins', 80, 20, 100],
    ['runs into the first and resumes after it', 80, 40, 170],
    ['starts as the first begins', 100, 10, 160],
    ['starts during the first', 120, 10, 160],
    ['starts as the first ends', 150, 10, 160],
    ['spans both', 90, 200, 350],
    ['after both', 400, 5, 405],
  ])('%s', (_name, start, work, end) => {
    expect(workEnd(start, work, stalls)).toBe(end);
  });
});

describe('the open loop at the closed loop’s rate', () => {
  it('with a worker to spare for every arrival, each answer takes exactly the service time', () => {
    // 1,000 workers: the open loop never queues. Its rate is the closed loop's 20/s.
    const r = runClosedLoop(
      closedLoop({ duration: 20_000, users: 2, server: { workers: 1000, service: { dist: 'constant', mean: 10 } } }),
      3,
    );
    expect(r.closed.throughputRps).toBe(20);
    expect(r.open.rateRps).toBe(20);
    expect(r.open.latencyMs).toEqual(flat(10));
    // Poisson: 400 expected in 20 s, within 5 standard deviations (√400 = 20).
    expect(Math.abs(r.open.requests - 400)).toBeLessThan(100);
    expect(r.open.throughputRps).toBe(r.open.requests / 20);
    expect(r.timeline).toHaveLength(20);
    // Every answer falls in some second's row (none lands exactly on the last tick).
    expect(r.timeline.reduce((a, row) => a + row.openRps, 0)).toBe(r.open.requests);
    expect(r.timeline.every((row) => row.openP95Ms === (row.openRps > 0 ? 10 : 0) && row.openInSystem <= 1000)).toBe(
      true,
    );
  });
});

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

import { describe, expect, it } from 'vitest';
import { runFull } from '../../../src/engine/sim/model.js';
import { toResult } from '../../../src/engine/sim/result.js';
import type { Scenario } from '../../../src/engine/sim/scenario.js';
import { scenario } from './helpers.js';

// More of the full model by hand (see model-exact.test.ts): a request every second (1,000 … 9,000 ms in a
// 10 s run) or every 100 ms where said, each taking exactly 150 ms on one worker. A 5 s timeout, never
// reached, keeps the plain loop out where nothing else would.
const server = (mean: number, count = 1, workers = 1, queue = 1000) => ({
  count,
  workers,
  queue,
  weight: 1,
  service: { dist: 'constant' as const, mean },
});
function run(over: Partial<Scenario>, rate = 1, duration = 10_000, clients = 1000) {
  const sc = scenario({
    duration,
    traffic: { rate, arrival: 'constant', clients, steps: [] },
    servers: [server(150)],
    policies: { timeout: 5000 },
    ...over,
  });
  const out = runFull(sc, 1);
  return { result: toResult(sc.name, 1, sc.duration, sc.warmup, out, 0), out };
}
const whole = 20_000;
const breaker = (over: Record<string, number> = {}) => ({
  failureRateThreshold: 50,
  slowCallDurationThreshold: 60_000,
  slowCallRateThreshold: 100,
  slidingWindowSize: 2,
  minimumNumberOfCalls: 2,
  waitDurationInOpenState: 60_000,
  permittedNumberOfCallsInHalfOpenState: 1,
  ...over,
});
const retry = (attempts: number, kind: 'constant' | 'exponential', budget?: number) => ({
  attempts,
  kind,
  base: 50,
  max: 10_000,
  jitter: 'none' as const,
  ...(budget === undefined ? {} : { budget }),
});

describe('crashes lose the work a server held, wherever it was', () => {
  it('in service: the lost request is neither answered nor counted as served', () => {
    // The request of 3,000 is in service when the server crashes at 3,050; its end at 3,150 is stale.
    const { result } = run({ faults: [{ at: 3050, kind: 'crash', target: 'server-1', duration: 2000 }] });
    expect(result.requests).toMatchObject({ succeeded: 6, failed: 3 });
    expect(result.servers.map((s) => s.served)).toEqual([6]);
  });

  it.each<[string, Partial<Scenario>]>([
    [
      'waiting for a cache hit',
      {
        dependency: { workers: 1, queue: 0, service: { dist: 'constant', mean: 100 } },
        cache: { hitRatio: 1, latency: 500 },
      },
    ],
    ['waiting for the dependency', { dependency: { workers: 1, queue: 0, service: { dist: 'constant', mean: 500 } } }],
  ])('%s: the answer due after the crash is stale', (_, over) => {
    // The request of 3,000 leaves the server's work at 3,150 and waits until 3,650 (the worker held); the
    // crash at 3,300 fails it. Up again at 3,400, the server takes every later request.
    const { result } = run({ ...over, faults: [{ at: 3300, kind: 'crash', target: 'server-1', duration: 100 }] });
    expect(result.requests).toMatchObject({ succeeded: 8, failed: 1 });
    expect(result.servers.map((s) => s.served)).toEqual([8]);
  });
});

describe('faults by target', () => {
  it('an error fault on server-2 fails only the requests sent to server-2', () => {
    // Round robin over two servers: 1, 3, 5, 7, 9 to server-1; 2, 4, 6, 8 to server-2.
    const { result } = run({
      servers: [server(150, 2)],
      faults: [{ at: 0, kind: 'error', target: 'server-2', rate: 1, duration: whole }],
    });
    expect(result.requests).toMatchObject({ succeeded: 5, failed: 4 });
    expect(result.servers.map((s) => s.served)).toEqual([5, 4]);
  });

  it('a cache hit never reaches the dependency, so a failing dependency fails none of them', () => {
    const { result } = run({
      dependency: { workers: 1, queue: 0, service: { dist: 'constant', mean: 100 } },
      cache: { hitRatio: 1, latency: 5 },
      faults: [{ at: 0, kind: 'error', target: 'dependency', rate: 1, duration: whole }],
    });
    expect(result.requests).toMatchObject({ succeeded: 9, failed: 0 });
  });

  it('two error faults of 100% and 50%: 1 − (1 − 1)(1 − 0.5) = 1, every call fails', () => {
    const { result } = run({
      faults: [
        { at: 0, kind: 'error', target: 'servers', rate: 1, duration: whole },
        { at: 0, kind: 'error', target: 'servers', rate: 0.5, duration: whole },
      ],
    });
    expect(result.requests).toMatchObject({ succeeded: 0, failed: 9 });
  });

  it('a crash that has ended leaves the error fault beside it in force', () => {
    // server-2 is down until 500 ms, then serves its share; every call fails on both servers.
    const { result } = run({
      servers: [server(150, 2)],
      faults: [
        { at: 0, kind: 'crash', target: 'server-2', duration: 500 },
        { at: 0, kind: 'error', target: 'servers', rate: 1, duration: whole },
      ],
    });
    expect(result.requests).toMatchObject({ succeeded: 0, failed: 9 });
    expect(result.servers.map((s) => s.served)).toEqual([5, 4]);
  });
});

describe('retries', () => {
  it('a retry waits its backoff after the failure: 150 + 50 + 150 ms', () => {
    // The request of 1,000 fails at 1,150 (an error fault to 1,200) and is retried at 1,200, after the fault.
    const { result } = run({
      faults: [{ at: 0, kind: 'error', target: 'servers', rate: 1, duration: 1200 }],
      policies: { timeout: 5000, retry: retry(2, 'constant') },
    });
    expect(result.requests).toMatchObject({ succeeded: 9, failed: 0, retries: 1 });
    expect(result.latencyMs.max).toBe(350);
  });

  it('exponential backoff without jitter: the n-th retry waits 50 · 2^(n−1) ms', () => {
    // Tries at 1,000, 1,200 (+ 50), 1,450 (+ 100), 1,800 (+ 200); the fault ends at 1,800: the fourth succeeds.
    const { result } = run({
      faults: [{ at: 0, kind: 'error', target: 'servers', rate: 1, duration: 1800 }],
      policies: { timeout: 5000, retry: retry(4, 'exponential') },
    });
    expect(result.requests).toMatchObject({ succeeded: 9, failed: 0, retries: 3 });
    expect(result.latencyMs.max).toBe(950);
  });

  it('a budget of one token per request: a token is enough for a retry, so every failed request gets one', () => {
    const { result } = run({
      faults: [{ at: 0, kind: 'error', target: 'servers', rate: 1, duration: whole }],
      policies: { timeout: 5000, retry: retry(2, 'constant', 1) },
    });
    expect(result.requests).toMatchObject({ failed: 9, retries: 9 });
  });
});

describe('the breaker counts what the servers never saw', () => {
  it('refusals by a server with no queue are failures: every second request refused opens it', () => {
    // 100 ms apart, 150 ms each, no queue: 100 runs to 250; 200 is refused (window: a failure, then… the
    // call of 100 ends at 250). Window of two: [refused at 200, ok at 250] is 50% failures: open at 250.
    const { result } = run(
      { servers: [server(150, 1, 1, 0)], policies: { timeout: 5000, circuitBreaker: breaker() } },
      10,
      1000,
    );
    expect(result.breaker.transitions.map((t) => t.to)).toEqual(['open']);
    // 300 … 900 are short-circuited.
    expect(result.requests).toMatchObject({ offered: 9, succeeded: 1, rejected: 1, shortCircuited: 7 });
  });

  it.each([
    ['a threshold of 200 ms: 150 ms calls are not slow, it stays closed', 200, [], 9],
    ['a threshold of 100 ms: every call is slow, it opens after two', 100, ['open'], 2],
  ])('%s', (_, threshold, transitions, succeeded) => {
    const { result } = run({
      policies: {
        timeout: 5000,
        circuitBreaker: breaker({ slowCallDurationThreshold: threshold, slowCallRateThreshold: 100 }),
      },
    });
    expect(result.breaker.transitions.map((t) => t.to)).toEqual(transitions);
    expect(result.requests.succeeded).toBe(succeeded);
  });
});

describe('load', () => {
  it('IP hash keeps one client on one server, and spreads a thousand clients over both', () => {
    const one = run({ servers: [server(50, 2)], loadBalancer: { strategy: 'ip-hash' } }, 10, 10_000, 1);
    expect(one.result.servers.map((s) => s.served).sort()).toEqual([0, 99]);
    const many = run({ servers: [server(50, 2)], loadBalancer: { strategy: 'ip-hash' } }, 10, 10_000, 1000);
    const served = many.result.servers.map((s) => s.served);
    expect(served[0] + served[1]).toBe(99);
    expect(Math.min(...served)).toBeGreaterThan(20);
  });

  it('the peak in flight is kept after the load falls', () => {
    // 100, 200, 300, 400 (150 ms each): two in flight at 300 and 400; then one a second from 1,450.
    const { out } = run(
      {
        traffic: {
          rate: 10,
          arrival: 'constant',
          clients: 1000,
          steps: [{ at: 450, rate: 1 }],
        },
      },
      10,
      2000,
    );
    expect(out.maxInFlight).toBe(2);
    expect(out.attempts).toBe(5);
  });

  it('a Poisson stream that starts at a step is the stream from 0, shifted: a rate of 0 draws nothing', () => {
    const from = (steps: Array<{ at: number; rate: number }>, rate: number, duration: number) => {
      const sc = scenario({
        duration,
        traffic: { rate, arrival: 'poisson', clients: 1000, steps },
        servers: [server(1, 1, 100)],
        policies: { timeout: 5000 },
      });
      return toResult('p', 1, duration, 0, runFull(sc, 1), 0).requests.offered;
    };
    const later = from([{ at: 1000, rate: 100 }], 0, 2000);
    expect(later).toBe(from([], 100, 1000));
    expect(later).toBeGreaterThan(50);
  });
});

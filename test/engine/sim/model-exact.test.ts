import { describe, expect, it } from 'vitest';
import { runFull, runScenario } from '../../../src/engine/sim/model.js';
import { toResult } from '../../../src/engine/sim/result.js';
import type { Scenario } from '../../../src/engine/sim/scenario.js';
import { scenario } from './helpers.js';

// The full model with nothing random: a request every second (1,000 … 9,000 ms in a 10 s run, or every
// 100 ms where said), each taking exactly 150 ms on one worker. Every outcome below is worked by hand.
const server = (mean: number, workers = 1, queue = 1000) => ({
  count: 1,
  workers,
  queue,
  weight: 1,
  service: { dist: 'constant' as const, mean },
});
function run(over: Partial<Scenario>, rate = 1, duration = 10_000) {
  const sc = scenario({
    duration,
    traffic: { rate, arrival: 'constant', clients: 1000, steps: [] },
    servers: [server(150)],
    ...over,
  });
  const out = runFull(sc, 1);
  return { result: toResult(sc.name, 1, sc.duration, sc.warmup, out, 0), out };
}
const retry = (attempts: number, budget?: number) => ({
  attempts,
  kind: 'constant' as const,
  base: 50,
  max: 1000,
  jitter: 'none' as const,
  ...(budget === undefined ? {} : { budget }),
});
const counts = (succeeded: number, failed: number, timedOut: number, rejected: number, retries: number) => ({
  offered: 9,
  completed: succeeded + failed,
  succeeded,
  failed,
  timedOut,
  rejected,
  shortCircuited: 0,
  retries,
});

describe('the full model, by hand', () => {
  it.each<[string, Partial<Scenario>, ReturnType<typeof counts>, number, number]>([
    ['no policy: 150 ms each', {}, counts(9, 0, 0, 0, 0), 150, 9],
    ['a 200 ms timeout is never reached', { policies: { timeout: 200 } }, counts(9, 0, 0, 0, 0), 150, 9],
    // The timeout was set before the service ended, so at the same instant it comes first: too late.
    [
      'a timeout of exactly 150 ms: the answer is too late',
      { policies: { timeout: 150 } },
      counts(0, 9, 9, 0, 0),
      0,
      9,
    ],
    // 100 ms timeout, 50 ms back-off: tries at t, t + 150, t + 300 (each after the last one's work ends).
    [
      'three tries, each timed out at 100 ms',
      { policies: { timeout: 100, retry: retry(3) } },
      counts(0, 9, 9, 0, 18),
      0,
      27,
    ],
    // Half a token per request, one per retry: every second request gets one retry.
    [
      'a retry budget of half a token per request',
      { policies: { timeout: 100, retry: retry(3, 0.5) } },
      counts(0, 9, 9, 0, 4),
      0,
      13,
    ],
    [
      'an error fault on every server: each try fails',
      {
        faults: [{ at: 0, kind: 'error', target: 'servers', rate: 1, duration: 20_000 }],
        policies: { retry: retry(2) },
      },
      counts(0, 9, 0, 0, 9),
      0,
      18,
    ],
    [
      'slow faults multiply while they overlap: 150 × 2 × 3',
      {
        faults: [
          { at: 0, kind: 'slow', target: 'server-1', factor: 2, duration: 20_000 },
          { at: 0, kind: 'slow', target: 'servers', factor: 3, duration: 20_000 },
        ],
        policies: { timeout: 5000 },
      },
      counts(9, 0, 0, 0, 0),
      900,
      9,
    ],
    [
      'a slow fault that has ended slows nothing',
      { faults: [{ at: 0, kind: 'slow', target: 'servers', factor: 5, duration: 500 }], policies: { timeout: 5000 } },
      counts(9, 0, 0, 0, 0),
      150,
      9,
    ],
    [
      'a dependency of 100 ms after the server',
      { dependency: { workers: 1, queue: 0, service: { dist: 'constant', mean: 100 } } },
      counts(9, 0, 0, 0, 0),
      250,
      9,
    ],
    [
      'a slow dependency (× 3)',
      {
        dependency: { workers: 1, queue: 0, service: { dist: 'constant', mean: 100 } },
        faults: [{ at: 0, kind: 'slow', target: 'dependency', factor: 3, duration: 20_000 }],
      },
      counts(9, 0, 0, 0, 0),
      450,
      9,
    ],
    [
      'a failing dependency',
      {
        dependency: { workers: 1, queue: 0, service: { dist: 'constant', mean: 100 } },
        faults: [{ at: 0, kind: 'error', target: 'dependency', rate: 1, duration: 20_000 }],
      },
      counts(0, 9, 0, 0, 0),
      0,
      9,
    ],
    [
      'a cache that always hits answers in 5 ms instead of the dependency',
      {
        dependency: { workers: 1, queue: 0, service: { dist: 'constant', mean: 100 } },
        cache: { hitRatio: 1, latency: 5 },
      },
      counts(9, 0, 0, 0, 0),
      155,
      9,
    ],
    [
      'a cache that never hits',
      {
        dependency: { workers: 1, queue: 0, service: { dist: 'constant', mean: 100 } },
        cache: { hitRatio: 0, latency: 5 },
      },
      counts(9, 0, 0, 0, 0),
      250,
      9,
    ],
    // The server crashes at 3,050 with the request of 3,000 in service (failed now); it is down for the
    // requests at 4,000 and 5,000 (no server to send them to) and back at 5,050.
    [
      'a crash loses the request in service and refuses those that come while it is down',
      { faults: [{ at: 3050, kind: 'crash', target: 'server-1', duration: 2000 }], policies: { timeout: 5000 } },
      counts(6, 3, 0, 0, 0),
      150,
      9,
    ],
  ])('%s', (_, over, requests, max, attempts) => {
    const { result, out } = run(over);
    expect(result.requests).toEqual(requests);
    expect(result.latencyMs.max).toBe(max);
    expect(out.attempts).toBe(attempts);
  });

  it('a timeout left from a finished attempt does not end the attempt that took its slot', () => {
    // 150 ms work, 100 ms apart, timeout 400 ms: request k ends at 100 + 150k (latency 100 + 50k). Request 1
    // is done at 250 and request 3 (at 300) takes its slot; request 1's timeout at 500 must not end it.
    const { result } = run({ servers: [server(150)], policies: { timeout: 400 } }, 10, 1000);
    expect(result.requests).toMatchObject({ offered: 9, succeeded: 5, failed: 0 });
  });

  it('a dependency of one connection and a queue of one: requests wait, or are refused when it is taken', () => {
    // 150 ms in the server (three workers, each held until the dependency answers), then 1,500 ms in the
    // dependency. Dependency: 1,150–2,650 (request 1), 2,650–4,150
    // (2, queued at 2,150), 4,150–5,650 (3), 5,650–7,150 (4); request 5 finds the queue taken at 5,150;
    // 7,150–8,650 (6); 7 waits past the end; 8 finds the queue taken; 9 waits.
    const { result } = run({
      servers: [server(150, 3)],
      dependency: { workers: 1, queue: 1, service: { dist: 'constant', mean: 1500 } },
    });
    expect(result.requests).toMatchObject({ offered: 9, succeeded: 5, failed: 2, rejected: 2 });
    expect(result.latencyMs.max).toBe(3150);
  });

  it('a breaker opens on failures, lets one call through when half-open, and short-circuits the rest', () => {
    // Every call fails. Window of 2 calls: request 1's two tries open it at 1,350. Half-open 2.5 s later:
    // request 4's try fails (open again at 4,150) and its retry is short-circuited; likewise request 7.
    const { result, out } = run({
      faults: [{ at: 0, kind: 'error', target: 'servers', rate: 1, duration: 20_000 }],
      policies: {
        retry: retry(2),
        circuitBreaker: {
          failureRateThreshold: 50,
          slowCallDurationThreshold: 60_000,
          slowCallRateThreshold: 100,
          slidingWindowSize: 2,
          minimumNumberOfCalls: 2,
          waitDurationInOpenState: 2500,
          permittedNumberOfCallsInHalfOpenState: 1,
        },
      },
    });
    expect(result.requests).toMatchObject({ offered: 9, failed: 9, shortCircuited: 8, retries: 3 });
    expect(out.attempts).toBe(12);
    expect(result.breaker.transitions.map((t) => t.to)).toEqual(['open', 'half-open', 'open', 'half-open', 'open']);
  });

  it.each<[string, Partial<Scenario>]>([
    [
      'servers failing half their calls',
      { faults: [{ at: 0, kind: 'error', target: 'servers', rate: 0.5, duration: 1e6 }] },
    ],
    [
      'a dependency failing half its calls',
      {
        dependency: { workers: 100, queue: 0, service: { dist: 'constant', mean: 1 } },
        faults: [{ at: 0, kind: 'error', target: 'dependency', rate: 0.5, duration: 1e6 }],
      },
    ],
  ])('%s: 2,000 requests, a binomial half fail (within 5 standard deviations of 1,000)', (_, over) => {
    const { result } = run({ ...over, servers: [server(1, 100)] }, 100, 20_000);
    expect(result.requests.offered).toBe(1999);
    expect(Math.abs(result.requests.failed - 1000)).toBeLessThan(5 * Math.sqrt(2000 * 0.25));
  });

  it.each<[string, Partial<Scenario>]>([
    ['a bulkhead of one', { policies: { bulkhead: { maxConcurrent: 1 } } }],
    ['a server with no queue', { servers: [server(150, 1, 0)], policies: { timeout: 5000 } }],
  ])('%s, requests 100 ms apart taking 150 ms: every second one is refused', (_, over) => {
    // 100 runs to 250; 200 refused; 300 runs to 450; 400 refused … 900 runs past the end (1 s).
    const { result, out } = run(over, 10, 1000);
    expect(result.requests).toMatchObject({ offered: 9, succeeded: 4, failed: 4, rejected: 4 });
    expect(out.maxInFlight).toBe(1);
  });

  it('a rate step to 0 stops the arrivals; one back up restarts them', () => {
    const { result } = run({
      traffic: {
        rate: 1,
        arrival: 'constant',
        clients: 1000,
        steps: [
          { at: 2500, rate: 0 },
          { at: 6500, rate: 2 },
        ],
      },
    });
    // 1,000 and 2,000; then 7,000, 7,500, … 9,500.
    expect(result.requests.offered).toBe(2 + 6);
  });

  it('a plain scenario takes the lean loop with the same result as the full one', () => {
    const sc = scenario({ duration: 5000 });
    expect(toResult('p', 1, 5000, 0, runScenario(sc, 7), 0)).toEqual(toResult('p', 1, 5000, 0, runFull(sc, 7), 0));
  });
});

describe('the plain loop, by hand', () => {
  function plain(over: Partial<Scenario>, rate: number, duration: number) {
    const sc = scenario({ duration, traffic: { rate, arrival: 'constant', clients: 1000, steps: [] }, ...over });
    const out = runScenario(sc, 1);
    return { result: toResult(sc.name, 1, sc.duration, sc.warmup, out, 0), out };
  }

  it('overloaded (150 ms work, 100 ms apart): request k ends at 100 + 150·k; 10 wait at the last arrival', () => {
    // Arrivals 100 … 2,900 (the next would be at the end); done by 3 s: k = 1 … 19 (the last at 2,950).
    const { result, out } = plain({ servers: [server(150)] }, 10, 3000);
    expect(result.requests).toMatchObject({ offered: 29, succeeded: 19, failed: 0 });
    expect(result.latencyMs.max).toBe(100 + 50 * 19);
    expect(result.servers).toEqual([{ id: 'server-1', utilization: 0.9667, served: 19, maxQueue: 10 }]);
    expect(out.maxInFlight).toBe(11);
    expect(out.attempts).toBe(29);
  });

  it('a full server refuses: no queue, every second request', () => {
    const { result, out } = plain({ servers: [server(150, 1, 0)] }, 10, 1000);
    expect(result.requests).toMatchObject({ offered: 9, succeeded: 4, failed: 4, rejected: 4 });
    expect(out.maxInFlight).toBe(1);
  });

  it('two servers in turn (round robin): each takes every other request, so none waits', () => {
    const { result } = plain({ servers: [{ ...server(150), count: 2 }] }, 10, 1000);
    expect(result.requests).toMatchObject({ offered: 9, succeeded: 8 });
    expect(result.latencyMs.max).toBe(150);
    expect(result.servers.map((s) => [s.id, s.served, s.maxQueue])).toEqual([
      ['server-1', 4, 0],
      ['server-2', 4, 0],
    ]);
  });

  it('a rate step to 0 and back', () => {
    const steps = [
      { at: 2500, rate: 0 },
      { at: 6500, rate: 2 },
    ];
    const { result } = plain(
      { servers: [server(150)], traffic: { rate: 1, arrival: 'constant', clients: 1, steps } },
      1,
      10_000,
    );
    expect(result.requests.offered).toBe(8);
  });

  it('slots grown past 1,024 keep their start times: 1,000/s of 2 s on 5,000 workers, each answered in 2 s', () => {
    // A request every millisecond, 2,000 in flight from 2 s on; those of 1 … 999 ms are answered by 3 s.
    const { result, out } = plain({ servers: [server(2000, 5000)] }, 1000, 3000);
    expect(out.maxInFlight).toBe(2000);
    expect(result.requests.succeeded).toBe(999);
    expect(result.latencyMs.max).toBe(2000);
  });

  it('the peak in flight is kept after the load falls', () => {
    // 100, 200, 300, 400 (150 ms each, one worker): two in flight at 300 and 400; then one a second from 1,450.
    const steps = [{ at: 450, rate: 1 }];
    const { out } = plain(
      { servers: [server(150)], traffic: { rate: 10, arrival: 'constant', clients: 1, steps } },
      10,
      2000,
    );
    expect(out.maxInFlight).toBe(2);
    expect(out.attempts).toBe(5);
  });

  it('more than 1,024 requests in flight (its slots grow): 10,000/s, 1 s of work, room for 5,000 + 1,000', () => {
    // Nothing ends within the second; the first 6,000 are taken and every later one refused.
    const { result, out } = plain({ servers: [server(1000, 5000)] }, 10_000, 1000);
    expect(out.maxInFlight).toBe(6000);
    expect(result.requests.succeeded).toBe(0);
    expect(result.requests.rejected).toBe(result.requests.offered - 6000);
    expect(result.requests.offered).toBeGreaterThan(9990);
  });
});

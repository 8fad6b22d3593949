import { describe, expect, it } from 'vitest';
import type { GatewayScenario } from '../../../src/engine/sim/gateway-scenario.js';
import { handGateway } from './helpers.js';

// A request every 100 ms (constant arrivals; request k arrives at 100·k), each taking exactly `work` ms on
// one worker: every start, rejection, timeout and per-second row below is worked by hand.
function gateway(work: number, over: Partial<GatewayScenario> = {}, queue: Partial<GatewayScenario['queue']> = {}) {
  return handGateway(work, { queue: { limit: 1000, discipline: 'fifo', ...queue }, ...over });
}
const rejected = (rateLimited: number, queueFull: number, tooOld: number) => ({ rateLimited, queueFull, tooOld });

describe('a gateway, request by request', () => {
  it('overloaded FIFO (150 ms work, 100 ms apart): request k ends at 100 + 150·k, so from k = 19 past the 1 s timeout', () => {
    const r = gateway(150);
    // 19 answers by 3 s: k = 1…18 in time (latency 100 + 50·k ≤ 1,000), k = 19 at 1,050 ms wasted.
    expect(r.requests).toEqual({
      offered: 30,
      admitted: 30,
      succeeded: 18,
      timedOut: 1,
      lostInFlight: 0,
      rejected: rejected(0, 0, 0),
    });
    expect(r.throughput).toEqual({ offeredRps: 10, admittedRps: 10, goodputRps: 6 });
    expect(r.errorRate).toBe(0.0526);
    expect(r.rejectRate).toBe(0);
    expect(r.latencyMs.max).toBe(1000);
    expect(r.server).toEqual({ capacityRps: 6.667, utilization: 0.95, wastedShare: 0.0526 });
    // Each tick comes before the request of the same instant.
    expect(r.timeline).toEqual([
      {
        t: 1,
        offeredRps: 9,
        admittedRps: 9,
        goodputRps: 5,
        rejectedRps: 0,
        timedOutRps: 0,
        queue: 3,
        p95Ms: 350,
        instances: 1,
        utilization: 0.9,
      },
      {
        t: 2,
        offeredRps: 10,
        admittedRps: 10,
        goodputRps: 7,
        rejectedRps: 0,
        timedOutRps: 0,
        queue: 6,
        p95Ms: 700,
        instances: 1,
        utilization: 1,
      },
      {
        t: 3,
        offeredRps: 10,
        admittedRps: 10,
        goodputRps: 6,
        rejectedRps: 0,
        timedOutRps: 1,
        queue: 9,
        p95Ms: 1000,
        instances: 1,
        utilization: 1,
      },
    ]);
    expect(r).toMatchObject({ scenario: 'g', kind: 'gateway', seed: 1, simulatedSeconds: 3, scaling: [] });
  });

  it('requests still queued at the end past their timeout count as timed out', () => {
    // Timeout 500 ms: in time while 100 + 50·k ≤ 500 (k ≤ 8); 11 answers late (k = 9…19).
    const r = gateway(150, { timeout: 500 });
    expect(r.requests.succeeded).toBe(8);
    // k = 9 … 19 answered late, plus k = 21 … 24 queued for more than 500 ms at 3 s (arrived before 2,500).
    expect(r.requests.timedOut).toBe(11 + 4);
  });

  it('a token bucket of 5/s with a burst of 2: three in a row, then every other request', () => {
    // Tokens: 2 → 1 → 0.5 → 0 (100, 200, 300 admitted); then +0.5 per 100 ms: 400 refused, 500 admitted …
    const r = gateway(30, { rateLimit: { rate: 5, burst: 2 } });
    expect(r.requests).toEqual({
      offered: 30,
      admitted: 16,
      succeeded: 16,
      timedOut: 0,
      lostInFlight: 0,
      rejected: rejected(14, 0, 0),
    });
    expect(r.rejectRate).toBe(0.4667);
    // The refusal at 3,000 ms comes after the last row.
    expect(r.timeline.map((row) => row.rejectedRps)).toEqual([3, 5, 5]);
  });

  it('a queue of one (250 ms work): requests finding it taken are shed', () => {
    // 100 runs to 350; 200 waits; 300 shed; 350 → 200 runs to 600; 400 waits; 500 shed; 600 → 400 runs,
    // 600 waits; 700, 800 shed; 850 → 600 runs; 900 waits; 1,000 shed.
    // 'admitted' is past the rate limiter: a shed request was admitted, then found no room.
    const r = gateway(250, { duration: 1000 }, { limit: 1 });
    expect(r.requests).toEqual({
      offered: 10,
      admitted: 10,
      succeeded: 3,
      timedOut: 0,
      lostInFlight: 0,
      rejected: rejected(0, 5, 0),
    });
    expect(r.rejectRate).toBe(0.5);
    // Latencies 250, 400 and 450 ms; a quantile is its histogram bucket's midpoint (400 → 400.1), at most the max.
    expect(r.latencyMs).toEqual({ p50: 400.1, p95: 450, p99: 450, max: 450 });
  });

  it('maxAge 200 ms: a request that waited exactly 200 ms is served, one that waited longer is dropped', () => {
    // 350: request 200 (waited 150) runs; 600: request 300 (300) dropped, request 400 (exactly 200) runs;
    // 850: 500 and 600 dropped, 700 runs to 1,100.
    const r = gateway(250, { duration: 1000 }, { maxAge: 200 });
    expect(r.requests.succeeded).toBe(3);
    expect(r.requests.rejected).toEqual(rejected(0, 0, 3));
    expect(r.latencyMs.max).toBe(450);
    expect(r.rejectRate).toBe(0.3);
  });

  it('LIFO serves the newest waiting request first', () => {
    // 100 runs to 350; 200 and 300 wait; 350 → 300 (newest) runs to 600; 400, 500 wait; 600 → 500 runs
    // (600 arrives just after); 850 → 600 runs; by 1 s: 100, 300, 500 answered (250, 300, 350 ms).
    const r = gateway(250, { duration: 1000 }, { discipline: 'lifo' });
    expect(r.requests.succeeded).toBe(3);
    expect(r.latencyMs.max).toBe(350);
  });

  it('a zone going down takes its share of the busy workers: their requests are lost in flight', () => {
    // Two zones of one instance each. At 1,010 ms one request (arrived at 1,000) is in service: half of one
    // rounds to one lost. One instance serves until the zone returns at 2,010.
    const r = gateway(30, {
      instances: 2,
      zones: 2,
      faults: [{ at: 1010, kind: 'zone-down', zone: 0, duration: 1000 }],
    });
    expect(r.requests).toEqual({
      offered: 30,
      admitted: 30,
      succeeded: 28,
      timedOut: 0,
      lostInFlight: 1,
      rejected: rejected(0, 0, 0),
    });
    expect(r.errorRate).toBe(0.0345);
    expect(r.timeline.map((row) => [row.instances, row.timedOutRps])).toEqual([
      [2, 0],
      [1, 1],
      [2, 0],
    ]);
    // 28 answers × 30 ms over 2 × 1,010 + 1 × 1,000 + 2 × 990 worker-ms.
    expect(r.server.utilization).toBe(0.168);
  });

  it('a warm-up of 1 s: only the 21 requests from 1 s on are counted, over 2 s', () => {
    const r = gateway(30, { warmup: 1000 });
    expect(r.requests.offered).toBe(21);
    expect(r.requests.succeeded).toBe(20);
    expect(r.throughput).toEqual({ offeredRps: 10.5, admittedRps: 10.5, goodputRps: 10 });
    // 20 answers of 30 ms between 1 and 3 s (the one at 1,000 ends at 1,030) over 2,000 worker-ms.
    expect(r.server.utilization).toBe(0.3);
  });

  it('a job that straddles the warm-up counts only its part after it: busy all the time is exactly 1', () => {
    // 100 ms jobs every 100 ms: the worker never rests. The job from 950 to 1,050 counts 50 ms, not 100.
    const straddling = gateway(100, { warmup: 950 });
    expect(straddling.server.utilization).toBe(1);
    // Overloaded FIFO (150 ms jobs end at 100 + 150·k): the job ending at 1,000 counts nothing (it used
    // to count whole: 2,100 of 2,000, over 1), the thirteen ending at 1,150 … 2,950 count whole: 1,950 of
    // 2,000 worker-ms (the job still running at the end is counted when it ends, after this run).
    const overloaded = gateway(150, { warmup: 1000 });
    expect(overloaded.server.utilization).toBe(0.975);
  });
});

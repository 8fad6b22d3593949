import { describe, expect, it } from 'vitest';
import type { AutoscaleOptions } from '../../../src/engine/sim/autoscaler.js';
import type { GatewayScenario } from '../../../src/engine/sim/gateway-scenario.js';
import { handGateway } from './helpers.js';

// Autoscaling, zones and warm-up at a gateway, request by request (see gateway-exact.test.ts): a request
// every 100 ms (request k at 100·k), each taking exactly `work` ms on one worker per instance. A decision
// at the same instant as a tick comes before it, so it reads the rows up to the previous second.
function gateway(work: number, over: Partial<GatewayScenario> = {}) {
  return handGateway(work, { duration: 8000, ...over });
}
const scale = (over: Partial<AutoscaleOptions> = {}): AutoscaleOptions => ({
  target: 0.25,
  window: 1000,
  interval: 2000,
  startup: 500,
  cooldown: 0,
  tolerance: 0.1,
  min: 1,
  max: 4,
  ...over,
});
const instances = (r: ReturnType<typeof gateway>) => r.timeline.map((row) => row.instances);
const zoneDown = (at: number, zone: number, duration: number) => ({ at, kind: 'zone-down' as const, zone, duration });

describe('autoscaling, decision by decision (50 ms work: each second is 500 ms of work, 450 in the first)', () => {
  it('up to 2 on 45%, up to 3 on 2 × 33%, holds at 3 × 20%, down to 2 on 3 × 16.7%', () => {
    // 2 s: 1 × 0.45 / 0.25 = 1.8 → 2 (ready at 2.5 s). 4 s: second 3 had 1 instance for 0.5 s and 2 for
    // 0.5 s: 500 / 1,500; 2 × 0.333 / 0.25 = 2.67 → 3 (ready at 4.5 s). 6 s: 500 / (2 × 500 + 3 × 500) = 0.2,
    // 3 × 0.2 / 0.25 = 2.4 → 3, no change. 8 s: 500 / 3,000; 0.5 / 0.25 = 2.
    const r = gateway(50, { autoscale: scale() });
    expect(r.scaling).toEqual([
      { at: 2, from: 1, to: 2, utilization: 0.45 },
      { at: 4, from: 2, to: 3, utilization: 0.3333 },
      { at: 8, from: 3, to: 2, utilization: 0.1667 },
    ]);
    expect(instances(r)).toEqual([1, 1, 2, 2, 3, 3, 3, 2]);
    expect(r.timeline.map((row) => row.utilization)).toEqual([0.45, 0.5, 0.3333, 0.25, 0.2, 0.1667, 0.1667, 0.1667]);
    // 79 answers × 50 ms over 1 × 2,500 + 2 × 2,000 + 3 × 3,500 worker-ms.
    expect(r.server.utilization).toBe(0.2324);
    expect(r.requests.succeeded).toBe(79);
  });

  it('a 2 s window averages two seconds: 1,000 / 2,500 at 4 s gives 2 × 0.4 / 0.25 = 3.2 → 4', () => {
    const r = gateway(50, { autoscale: scale({ window: 2000 }) });
    // 8 s: 1,000 / 8,000 over seconds 6 and 7, 4 × 0.125 / 0.25 = 2.
    expect(r.scaling).toEqual([
      { at: 2, from: 1, to: 2, utilization: 0.45 },
      { at: 4, from: 2, to: 4, utilization: 0.4 },
      { at: 8, from: 4, to: 2, utilization: 0.125 },
    ]);
    expect(instances(r)).toEqual([1, 1, 2, 2, 4, 4, 4, 2]);
  });

  it.each([
    ['a cooldown of exactly 4 s since the decision at 4 s allows the scale-in at 8 s', 4000, [1, 1, 2, 2, 3, 3, 3, 2]],
    ['a cooldown of 4.001 s does not', 4001, [1, 1, 2, 2, 3, 3, 3, 3]],
  ])('%s', (_, cooldown, expected) => {
    const r = gateway(50, { autoscale: scale({ cooldown }) });
    expect(instances(r)).toEqual(expected);
    expect(r.scaling).toHaveLength(cooldown === 4000 ? 3 : 2);
  });

  it('a scale-in takes busy workers as they finish: the queue waits for the one instance left', () => {
    // 250 ms work; 2/s until a step to 20/s at 1.8 s (1,850, 1,900, …). At 2 s the decision reads second 1
    // (250 / 4,000): 4 × 0.0625 / 0.25 = 1. Three workers are busy (1,850, 1,900, 1,950) and one idle: the
    // idle one goes at once, the next two as they finish (2,100, 2,150); the third (2,200) stays and serves
    // the queue: 2,000 at 2,200 (450 ms), 2,050 at 2,450 (650 ms), 2,100 at 2,700 (850 ms).
    const r = gateway(250, {
      duration: 3000,
      instances: 4,
      traffic: { rate: 2, arrival: 'constant', steps: [{ at: 1800, rate: 20 }] },
      autoscale: scale(),
    });
    expect(r.scaling).toEqual([{ at: 2, from: 4, to: 1, utilization: 0.0625 }]);
    expect(r.requests.succeeded).toBe(9);
    expect(r.latencyMs.max).toBe(850);
    expect(r.timeline.map((row) => [row.instances, row.goodputRps, row.queue])).toEqual([
      [4, 1, 0],
      [1, 2, 0],
      [1, 6, 16],
    ]);
    // 9 × 250 ms of work over 4 × 2,000 + 1 × 1,000 worker-ms.
    expect(r.server.utilization).toBe(0.25);
  });
});

describe('zones', () => {
  it('three instances over two zones are two and one: each zone takes its own down with it', () => {
    // Zone 1 (two instances) down at 1,010 for 1 s, zone 2 (one) at 3,010: the one request in service
    // (arrived at 1,000 or 3,000) is lost with probability-free rounding: round(1 × 2 / 3) = 1, round(1 / 3) = 0.
    const r = gateway(50, {
      duration: 5000,
      instances: 3,
      zones: 2,
      faults: [zoneDown(1010, 0, 1000), zoneDown(3010, 1, 1000)],
    });
    expect(instances(r)).toEqual([3, 1, 3, 2, 3]);
    expect(r.requests.lostInFlight).toBe(1);
    expect(r.server.capacityRps).toBe(60);
  });

  it('a zone that returned can go down again, with as many instances as before', () => {
    // Zone 1 (two of three) down from 1,010 to 1,510 and again from 2,010 to 3,510.
    const r = gateway(50, {
      duration: 4000,
      instances: 3,
      zones: 2,
      faults: [zoneDown(1010, 0, 500), zoneDown(2010, 0, 1500)],
    });
    expect(instances(r)).toEqual([3, 3, 1, 3]);
  });

  it('a zone down while it is already down changes nothing; it returns when the first fault ends', () => {
    const r = gateway(50, {
      duration: 4000,
      instances: 2,
      zones: 2,
      faults: [zoneDown(1010, 0, 2000), zoneDown(1510, 0, 200)],
    });
    expect(instances(r)).toEqual([2, 1, 1, 2]);
  });

  it('the only zone down: everything in service is lost, and nothing is answered until it returns', () => {
    // Two instances, 250 ms work: 700 and 800 are in service at 1,010 (lost); 100 … 600 were answered
    // (250, 250, 300, 300, 350, 350 ms). Back at 2,510: 900 and 1,000 answered late at 2,760; 1,100 and 1,200
    // end after 3 s; the 7 queued that arrived before 2 s count as timed out.
    const r = gateway(250, { duration: 3000, instances: 2, faults: [zoneDown(1010, 0, 1500)] });
    expect(r.requests).toEqual({
      offered: 30,
      admitted: 30,
      succeeded: 6,
      timedOut: 9,
      lostInFlight: 2,
      rejected: { rateLimited: 0, queueFull: 0, tooOld: 0 },
    });
    expect(r.errorRate).toBe(0.6471);
    // 8 answers × 250 ms over 2 × 1,010 + 2 × 490 worker-ms; 2 of them wasted.
    expect(r.server).toEqual({ capacityRps: 8, utilization: 0.6667, wastedShare: 0.25 });
    expect(r.timeline.map((row) => [row.instances, row.goodputRps, row.timedOutRps, row.queue])).toEqual([
      [2, 6, 0, 1],
      [0, 0, 2, 11],
      [2, 0, 2, 17],
    ]);
  });

  it('a second with no instance at all has no capacity: its utilisation is 0, and no answer makes its P95 0', () => {
    // Down from 1,010 to 3,510. Second 2: 10 ms of capacity against the lost request's 50 ms (it runs on to
    // 1,050), capped at 1. Second 4: the queue's oldest are answered, all later than the 1 s timeout.
    const r = gateway(50, { duration: 4000, faults: [zoneDown(1010, 0, 2500)] });
    expect(r.timeline.map((row) => [row.instances, row.utilization, row.p95Ms])).toEqual([
      [1, 0.45, 50],
      [0, 1, 0],
      [0, 0, 0],
      [1, 1, 0],
    ]);
  });

  it('two zones of one instance with two workers: the zone takes one busy and one idle worker', () => {
    // 50 ms work. At 1,010 one request (1,000) is in service: round(1 × 1 / 2) = 1 lost, and one of the
    // three idle workers goes with its instance. Capacity: 4 × 1,010 + 2 × 1,000 + 4 × 990 worker-ms.
    const r = gateway(50, {
      duration: 3000,
      instances: 2,
      zones: 2,
      server: { workers: 2, service: { dist: 'constant', mean: 50 } },
      faults: [zoneDown(1010, 0, 1000)],
    });
    expect(r.requests).toMatchObject({ succeeded: 28, lostInFlight: 1 });
    expect(r.server).toEqual({ capacityRps: 80, utilization: 0.14, wastedShare: 0 });
    // 450 / 4,000; 500 / (4 × 10 + 2 × 990); 500 / (2 × 10 + 4 × 990).
    expect(r.timeline.map((row) => [row.instances, row.utilization])).toEqual([
      [2, 0.1125],
      [1, 0.2475],
      [2, 0.1256],
    ]);
  });

  it('the only zone down with two workers an instance: all four return with it and serve the backlog', () => {
    // 20/s of 250 ms work on 4 workers (16/s): 12 answers in the first second, 3 waiting at 1 s. The four
    // in service at 1,010 are lost. From 2,010 four at a time: done at 2,260, 2,510 and 2,760; the longest
    // wait is the request of 1,250, started at 2,510 (1,510 ms).
    const r = gateway(250, {
      duration: 3000,
      instances: 2,
      timeout: 5000,
      traffic: { rate: 20, arrival: 'constant', steps: [] },
      server: { workers: 2, service: { dist: 'constant', mean: 250 } },
      faults: [zoneDown(1010, 0, 1000)],
    });
    expect(r.requests).toMatchObject({ offered: 60, succeeded: 24, lostInFlight: 4 });
    expect(r.latencyMs.max).toBe(1510);
    // 24 × 250 ms over 4 × 1,010 + 4 × 990 worker-ms.
    expect(r.server).toEqual({ capacityRps: 16, utilization: 0.75, wastedShare: 0 });
    expect(r.timeline.map((row) => [row.instances, row.goodputRps, row.queue])).toEqual([
      [2, 12, 3],
      [0, 0, 23],
      [2, 12, 27],
    ]);
  });
});

describe('zones and the autoscaler', () => {
  it('a new instance goes to the zone with the fewest, so that zone takes two down with it', () => {
    // Three instances as two and one; at 2 s 3 × 0.15 / 0.125 = 3.6 → 4, the fourth to zone 2 (ready at
    // 2.5 s). At 4 s 4 × 0.143 / 0.125 = 1.14, within the tolerance. Zone 2 down at 4,010: two go.
    const r = gateway(50, {
      duration: 5000,
      instances: 3,
      zones: 2,
      faults: [zoneDown(4010, 1, 5000)],
      autoscale: scale({ target: 0.125, tolerance: 0.15, max: 10 }),
    });
    expect(r.scaling).toEqual([{ at: 2, from: 3, to: 4, utilization: 0.15 }]);
    expect(instances(r)).toEqual([3, 3, 4, 4, 2]);
  });

  it('between zones with as many, a new instance goes to the first', () => {
    // Two instances, one a zone; at 2 s 2 × 0.225 / 0.15 = 3 (ready at 2.5 s) to zone 1, which then takes two down.
    const r = gateway(50, {
      duration: 4000,
      instances: 2,
      zones: 2,
      faults: [zoneDown(3010, 0, 5000)],
      autoscale: scale({ target: 0.15, tolerance: 0.15 }),
    });
    expect(r.scaling[0]).toEqual({ at: 2, from: 2, to: 3, utilization: 0.225 });
    expect(instances(r)).toEqual([2, 2, 3, 1]);
  });

  it('a scale-in takes from the zone with the most, so the other zone still has one', () => {
    const r = gateway(50, {
      duration: 3500,
      instances: 3,
      zones: 2,
      faults: [zoneDown(2510, 0, 5000)],
      autoscale: scale({ max: 10 }),
    });
    expect(r.scaling).toEqual([{ at: 2, from: 3, to: 2, utilization: 0.15 }]);
    expect(instances(r)).toEqual([3, 2, 1]);
  });

  it('an instance started for a zone that has gone down starts in an up zone', () => {
    // The fourth instance, decided at 2 s for zone 2, is ready at 2.5 s; zone 2 went down at 2.2 s.
    const r = gateway(50, {
      duration: 5000,
      instances: 3,
      zones: 2,
      faults: [zoneDown(2200, 1, 5000)],
      autoscale: scale({ target: 0.125, tolerance: 0.15, max: 10 }),
    });
    expect(instances(r)).toEqual([3, 3, 3, 3, 5]);
  });
});

describe('the warm-up leaves out what arrived before it', () => {
  it('a request lost in a zone outage before the warm-up ends is not counted', () => {
    // The request of 500 is in service when the zone goes down at 510; the one of 1,000 would count.
    const r = gateway(50, { duration: 2000, warmup: 1000, faults: [zoneDown(510, 0, 200)] });
    expect(r.requests).toMatchObject({ offered: 11, succeeded: 10, lostInFlight: 0 });
  });

  // 150 ms work, a request every 100 ms, 2 s with a warm-up of 1 s: 11 counted (1,000 … 2,000).
  it.each<[string, Partial<GatewayScenario>, Record<string, unknown>, number[]]>([
    // Tokens at 5/s, a burst of 1: the odd hundreds take a token, the even ones find half of one.
    [
      'rate-limited: 1,000, 1,200, … 2,000',
      { rateLimit: { rate: 5, burst: 1 } },
      { rejected: { rateLimited: 6, queueFull: 0, tooOld: 0 } },
      [4, 5],
    ],
    // No queue: the odd hundreds run (to +150), the even ones find the worker busy.
    [
      'shed by a full queue: 1,000, 1,200, … 2,000',
      { queue: { limit: 0, discipline: 'fifo' } },
      { rejected: { rateLimited: 0, queueFull: 6, tooOld: 0 } },
      [4, 5],
    ],
    // maxAge 50 ms: every third request waits 100 ms and is dropped (300, 600, …): 1,200, 1,500, 1,800.
    [
      'too old: 1,200, 1,500, 1,800',
      { queue: { limit: 1000, discipline: 'fifo', maxAge: 50 } },
      { rejected: { rateLimited: 0, queueFull: 0, tooOld: 3 } },
      // Dropped when a worker frees: 300 at 400, 600 at 700; 900 at 1,000 (after the tick), … 1,800 at 1,900.
      [2, 4],
    ],
    // Timeout 100 ms: every answer is late. Answered by 2 s: 100 … 1,200 (1,000 … 1,200 counted); queued at
    // the end for more than 100 ms: 1,400 … 1,800 (1,300 is in service).
    ['timed out: 3 answered late, 5 still queued', { timeout: 100 }, { timedOut: 8 }, [0, 0]],
  ])('%s; per second, every refusal', (_, over, counts, perSecond) => {
    const r = gateway(150, { duration: 2000, warmup: 1000, ...over });
    expect(r.requests.offered).toBe(11);
    expect(r.requests).toMatchObject(counts);
    // Rows count every refusal, warm-up or not; the one at 2,000 comes after the last tick.
    expect(r.timeline.map((row) => row.rejectedRps)).toEqual(perSecond);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { loadScenario } from '../../src/content/scenario-file.js';
import { diurnalFactor } from '../../src/engine/sim/arrivals.js';
import { isDynamicScenario, runDynamic, type DynamicScenario } from '../../src/engine/sim/dynamics.js';
import { hashKey, rangeAssign } from '../../src/engine/sim/kafka-result.js';
import { zipfCdf } from '../../src/engine/sim/cache-model.js';

/**
 * The dynamics scenarios' descriptions, and the drills that use them, quote figures: each is recomputed
 * from the file's parameters and checked against the simulator's run with the file's seed.
 */
const load = (id: string): DynamicScenario => {
  const { scenario } = loadScenario(id);
  if (!isDynamicScenario(scenario)) throw new Error(`${id} is not a dynamics scenario`);
  return scenario;
};
const text = (s: string) => s.replace(/\s+/g, ' ');
const question = (file: string) => text(readFileSync(join(builtinQuestionsDir(), file), 'utf8'));

describe('Kafka scenario claims', () => {
  it('kafka-consumer-lag: one slowed worker builds about 6,000 and drains in about a minute, as the lag drill says', () => {
    const sc = load('kafka-consumer-lag');
    if (sc.kind !== 'kafka') throw new Error('kind');
    const perPartition = sc.producer.rate / sc.topic.partitions;
    const mu = 1000 / sc.consumers.processing.mean;
    const slowed = sc.faults[0];
    if (slowed.kind !== 'slow') throw new Error('fault');
    const built = (perPartition - mu / slowed.factor) * (slowed.duration / 1000);
    expect([perPartition, mu, mu / slowed.factor, built, built / (mu - perPartition)]).toEqual([
      100, 200, 50, 6000, 60,
    ]);
    expect(text(sc.description)).toContain('100 − 50 = 50 messages a second, to about 6,000');
    expect(text(sc.description)).toContain('200 − 100 = 100 a second, about a minute');
    const r = runDynamic(sc, sc.seed);
    if (r.kind !== 'kafka') throw new Error('kind');
    expect(Math.abs(r.lag.maxBacklog - 6000)).toBeLessThan(600);
    const peakAt = r.timeline.findIndex((row) => row.backlog === r.lag.maxBacklog) + 1;
    const drainedAt = r.timeline.findIndex((row, i) => i >= peakAt && row.backlog < 50) + 1;
    expect(Math.abs(drainedAt - peakAt - 60)).toBeLessThan(15);
    expect(r.messages.outOfOrder).toBe(0);
    const drill = question('reliability/output-consumer-lag.md');
    expect(drill).toContain('scenario: kafka-consumer-lag');
    expect(drill).toContain('100 − 50 = 50 messages a second, so 50 × 120 s = 6,000');
    expect(drill).toContain('6,000 / 100 = 60 s');
    expect(r.e2eLatencyMs.p99).toBeGreaterThan(45_000);
    expect(r.e2eLatencyMs.p99).toBeLessThan(70_000);
  });

  it('kafka-rebalance: 68% busy, then 90% on three workers; a stall, a pause, redelivery and a second rebalance', () => {
    const sc = load('kafka-rebalance');
    if (sc.kind !== 'kafka') throw new Error('kind');
    const mu = 1000 / sc.consumers.processing.mean;
    const busy = (workers: number) => sc.producer.rate / workers / mu;
    expect(Math.round(busy(4) * 100)).toBe(68);
    expect(Math.round(busy(3) * 100)).toBe(90);
    expect(text(sc.description)).toContain('333 a second per worker, so each is 68% busy');
    expect(text(sc.description)).toContain('Three workers with four partitions each now run at 90%');
    const r = runDynamic(sc, sc.seed);
    if (r.kind !== 'kafka') throw new Error('kind');
    expect(r.rebalances).toEqual([
      { at: 105, until: 108, reason: 'session timeout' },
      { at: 240, until: 243, reason: 'consumer rejoined' },
    ]);
    expect(r.messages.duplicates).toBeGreaterThan(0);
    expect(r.messages.outOfOrder).toBe(0);
    // Up to a minute late: the backlog peaks in the thousands and the worst order waits tens of seconds.
    expect(r.lag.maxBacklog).toBeGreaterThan(10_000);
    expect(r.e2eLatencyMs.max).toBeGreaterThan(45_000);
  });
});

describe('closed-loop scenario claims', () => {
  it('closed-loop-stall: ~95 req/s at 24% busy; twenty slow samples; closed P99 46 ms, open 3.0 s, as the hey drill says', () => {
    const sc = load('closed-loop-stall');
    if (sc.kind !== 'closed-loop') throw new Error('kind');
    const x = (sc.users * 1000) / (sc.think.mean + sc.server.service.mean);
    expect(Math.round(x)).toBe(95);
    expect(Math.round(((x * sc.server.service.mean) / 1000 / sc.server.workers) * 100)).toBe(24);
    expect(Math.round((x * 5) / 25) * 25).toBe(475);
    const desc = text(sc.description);
    expect(desc).toContain('about 95 requests a second, 24% busy');
    expect(desc).toContain('every one of the ~475 that arrive during the stall waits');
    const r = runDynamic(sc, sc.seed);
    if (r.kind !== 'closed-loop') throw new Error('kind');
    expect(r.timeline[64 - 1].closedInSystem).toBe(sc.users);
    // With little queueing the closed loop's P99 is the service time's: 10 ms × ln 100 = 46 ms.
    expect(Math.round(sc.server.service.mean * Math.log(100))).toBe(46);
    expect(Math.round(r.closed.latencyMs.p99)).toBe(46);
    expect(r.open.latencyMs.p99).toBeGreaterThan(2950);
    expect(r.open.latencyMs.p99).toBeLessThan(3050);
    expect(r.closed.correctedLatencyMs.p99).toBeGreaterThan(1000);
    const drill = question('performance/output-hey-load-test.md');
    expect(drill).toContain('scenario: closed-loop-stall');
    expect(drill).toContain('twenty users record a P99 of 46 ms while open-loop arrivals at the same rate see 3.0 s');
  });
});

describe('metastable scenario claims', () => {
  it('retry-storm-metastable: 65% busy, 5,200 against 2,000 without a budget, 1,430 with one; only the budgetless run stays down', () => {
    const sc = load('retry-storm-metastable');
    if (sc.kind !== 'metastable') throw new Error('kind');
    const first = sc.variants[0].scenario;
    const capacity = (first.dependency!.workers * 1000) / first.dependency!.service.mean;
    const rate = first.traffic.rate;
    expect([capacity, rate / capacity, rate * first.policies.retry!.attempts, Math.round(rate * 1.1)]).toEqual([
      2000, 0.65, 5200, 1430,
    ]);
    const desc = text(sc.description);
    for (const quote of [
      'can take 2,000 a second and runs 65% busy',
      'offered load is 5,200 a second against 2,000',
      'With a 10% budget (at most 1,430 a second)',
      'five times longer than the trigger',
    ])
      expect(desc).toContain(quote);
    expect((first.duration - sc.trigger.to) / (sc.trigger.to - sc.trigger.from)).toBeGreaterThanOrEqual(5);
    const r = runDynamic(sc, sc.seed);
    if (r.kind !== 'metastable') throw new Error('kind');
    expect(r.variants.map((v) => [v.name, v.recoveredAfter === null])).toEqual([
      ['no retry budget', true],
      ['retry budget 10%', false],
      ['circuit breaker', false],
    ]);
    expect(r.variants.every((v) => v.recoveredAfter === null || v.recoveredAfter < 10)).toBe(true);
    const drill = question('reliability/output-retry-storm-metastable.md');
    expect(drill).toContain('4 × 1,300 = 5,200 a second against 2,000');
    expect(drill).toContain('1.1 × 1,300 = 1,430 a second');
  });
});

describe('gateway scenario claims', () => {
  const rush = (r: ReturnType<typeof runDynamic>, f: (row: { goodputRps: number; admittedRps: number }) => number) => {
    if (r.kind !== 'gateway') throw new Error('kind');
    const rows = r.timeline.filter((row) => row.t > 21 && row.t <= 40);
    return rows.reduce((s, row) => s + f(row), 0) / rows.length;
  };

  it('gateway-rush: 1,600/s capacity, 1.25 s of queue past a 500 ms timeout; goodput falls to zero and the queue drains after the rush', () => {
    const sc = load('gateway-rush');
    if (sc.kind !== 'gateway') throw new Error('kind');
    const capacity = (sc.server.workers * 1000) / sc.server.service.mean;
    expect([capacity, sc.queue.limit / capacity]).toEqual([1600, 1.25]);
    expect(text(sc.description)).toContain('2,000 / 1,600 = 1.25 s of work');
    const r = runDynamic(sc, sc.seed);
    if (r.kind !== 'gateway') throw new Error('kind');
    expect(rush(r, (row) => row.goodputRps)).toBeLessThan(0.02 * capacity);
    expect(r.timeline[41 - 1].queue).toBeGreaterThan(0);
    expect(question('reliability/fw-shed-load.md')).toContain('2,000 / 1,600 = 1.25 s of work');
  });

  it('gateway-rush-limited: admits the bucket rate, 1,500/s, and answers it; nothing times out', () => {
    const sc = load('gateway-rush-limited');
    if (sc.kind !== 'gateway') throw new Error('kind');
    expect(sc.rateLimit).toEqual({ rate: 1500, burst: 300 });
    const r = runDynamic(sc, sc.seed);
    if (r.kind !== 'gateway') throw new Error('kind');
    expect(Math.abs(rush(r, (row) => row.admittedRps) / 1500 - 1)).toBeLessThan(0.01);
    expect(Math.abs(rush(r, (row) => row.goodputRps) / 1500 - 1)).toBeLessThan(0.02);
    expect(r.requests.timedOut).toBe(0);
    expect(r.errorRate).toBe(0);
    expect(r.requests.rejected.rateLimited).toBeGreaterThan(20_000);
    expect(question('reliability/fw-shed-load.md')).toContain('About 1,500 admitted and answered');
  });
});

describe('autoscaling scenario claims', () => {
  it('gateway-autoscale: 10 instances needed, the first new one about 90 s into the rush, an overshoot to 12, scale-in after the cooldown', () => {
    const sc = load('gateway-autoscale');
    if (sc.kind !== 'gateway' || !sc.autoscale) throw new Error('kind');
    const perInstance = (sc.server.workers * 1000) / sc.server.service.mean;
    const rush = sc.traffic.steps[0];
    expect([perInstance, rush.rate, Math.ceil(rush.rate / (perInstance * sc.autoscale.target))]).toEqual([
      400, 2400, 10,
    ]);
    expect(text(sc.description)).toContain('2,400 / (400 × 0.6) = 10 instances');
    const r = runDynamic(sc, sc.seed);
    if (r.kind !== 'gateway') throw new Error('kind');
    const firstNew = r.timeline.find((row) => row.instances > sc.instances)!.t;
    expect(firstNew - rush.at / 1000).toBe(90);
    expect(Math.max(...r.timeline.map((row) => row.instances))).toBe(12);
    const scaleIn = r.scaling.find((d) => d.to < d.from)!;
    const lastOut = r.scaling.filter((d) => d.at < scaleIn.at).at(-1)!;
    expect(scaleIn.at - lastOut.at).toBeGreaterThanOrEqual(sc.autoscale.cooldown / 1000);
    // Before help arrives the three instances answer 1,200 of 2,400 a second: about half is shed.
    const early = r.timeline.filter((row) => row.t > 70 && row.t <= firstNew);
    const shed = early.reduce((s, row) => s + row.rejectedRps, 0) / early.reduce((s, row) => s + row.offeredRps, 0);
    expect(shed).toBeGreaterThan(0.45);
    expect(shed).toBeLessThan(0.55);
    const drill = question('reliability/fw-shed-load.md');
    expect(drill).toContain('scenario: gateway-rush');
    expect(drill).toContain('10 = 2,400 / (400 × 0.6); the first new instance takes traffic about 90 s into the rush');
  });
});

describe('diurnal scenario claims', () => {
  it('kafka-morning-peak: the lag follows the fluid model of the daily cycle against 100/s of consumers', () => {
    const sc = load('kafka-morning-peak');
    if (sc.kind !== 'kafka' || !sc.producer.diurnal) throw new Error('kind');
    const d = sc.producer.diurnal;
    const mu = 1000 / sc.consumers.processing.mean;
    const mean = sc.producer.rate * (d.trough + (1 - d.trough) / 2);
    expect([
      sc.producer.rate * d.trough,
      Math.round(mean),
      Math.round(mu),
      Math.round(mu * sc.consumers.count),
    ]).toEqual([12, 66, 33, 100]);
    // Fluid model: each consumer's backlog grows at (its share of λ(t)) − μ and never goes below 0.
    const P = sc.topic.partitions;
    const share = new Array<number>(P).fill(0);
    for (let k = 0; k < sc.producer.keys; k += 1) share[hashKey(k) % P] += 1 / sc.producer.keys;
    const owners = rangeAssign(P, [0, 1, 2]).map((parts) => parts.reduce((s, p) => s + share[p], 0));
    const backlog = owners.map(() => 0);
    const total: number[] = [];
    for (let t = 0; t < sc.duration / 1000; t += 1) {
      const lambda = sc.producer.rate * diurnalFactor(d, (t + 0.5) * 1000);
      owners.forEach((s, c) => (backlog[c] = Math.max(0, backlog[c] + lambda * s - mu)));
      total.push(backlog.reduce((a, b) => a + b, 0));
    }
    const fluidMax = Math.max(...total);
    const fluidPeakAt = total.indexOf(fluidMax) + 1;
    const r = runDynamic(sc, sc.seed);
    if (r.kind !== 'kafka') throw new Error('kind');
    const simPeakAt = r.timeline.findIndex((row) => row.backlog === r.lag.maxBacklog) + 1;
    expect(Math.abs(r.lag.maxBacklog / fluidMax - 1)).toBeLessThan(0.05);
    expect(Math.abs(simPeakAt - fluidPeakAt)).toBeLessThan(180);
    // The description's clock: 6:00 + t. Growth from about 7:30, the peak around 8:34 near 53,000, gone by about 9:10.
    const clock = (t: number) => 6 * 60 + t / 60;
    const growing = r.timeline.find((row) => row.backlog > 500)!.t;
    const gone = r.timeline.find((row) => row.t > simPeakAt && row.backlog < 100)!.t;
    expect(Math.abs(clock(growing) - (7 * 60 + 30))).toBeLessThan(8);
    expect(Math.abs(clock(simPeakAt) - (8 * 60 + 34))).toBeLessThan(5);
    expect(Math.abs(r.lag.maxBacklog - 53_000)).toBeLessThan(2000);
    expect(Math.abs(clock(gone) - (9 * 60 + 10))).toBeLessThan(8);
    expect(r.e2eLatencyMs.max / 60_000).toBeGreaterThan(9);
    expect(r.e2eLatencyMs.max / 60_000).toBeLessThan(10);
    expect(r.messages.outOfOrder).toBe(0);
  });
});

describe('zone scenario claims', () => {
  it('gateway-zone-loss: 5 needed, 6 is N+1 overall, 9 is N+1 per zone; a fifth is shed while the zone is out', () => {
    const sc = load('gateway-zone-loss');
    if (sc.kind !== 'gateway') throw new Error('kind');
    const perInstance = (sc.server.workers * 1000) / sc.server.service.mean;
    const needed = Math.ceil(sc.traffic.rate / perInstance);
    const perZone = Math.ceil(needed / (sc.zones - 1));
    expect([perInstance, needed, sc.instances, perZone, perZone * sc.zones]).toEqual([400, 5, 6, 3, 9]);
    expect(text(sc.description)).toContain('three per zone, nine in all');
    const left = (sc.instances - sc.instances / sc.zones) * perInstance;
    expect(left).toBe(1600);
    expect(1 - left / sc.traffic.rate).toBeCloseTo(0.2, 12);
    const r = runDynamic(sc, sc.seed);
    if (r.kind !== 'gateway') throw new Error('kind');
    const outage = r.timeline.filter((row) => row.t > 65 && row.t <= 360);
    const shed = outage.reduce((s, row) => s + row.rejectedRps, 0) / outage.reduce((s, row) => s + row.offeredRps, 0);
    expect(Math.abs(shed - 0.2)).toBeLessThan(0.02);
    expect(r.requests.lostInFlight).toBeGreaterThan(0);
    expect(question('reliability/concepts-redundancy.md')).toContain('9: three per zone');
  });
});

describe('cache scenario claims', () => {
  it('menu-cache-stampede and -coalesced: 19% on the top key, 200 queries/s; 1,300 in the first second and 9 s waits, against 360 and about 1.2 s', () => {
    const sc = load('menu-cache-stampede');
    if (sc.kind !== 'cache') throw new Error('kind');
    const capacity = (sc.database.workers * 1000) / sc.database.service.mean;
    expect([Math.round(zipfCdf(sc.keys.count, sc.keys.zipf)[0] * 100), capacity, sc.keys.count / capacity]).toEqual([
      19, 200, 2.5,
    ]);
    const desc = text(sc.description);
    for (const quote of [
      'about 19% of reads',
      '200 queries a second',
      'about 1,300 queries in the first second',
      'queues over 1,800 deep and reads wait up to 9 s',
    ])
      expect(desc).toContain(quote);
    const r = runDynamic(sc, sc.seed);
    if (r.kind !== 'cache') throw new Error('kind');
    expect(Math.abs(r.timeline[0].dbReadsPerSec - 1300)).toBeLessThan(100);
    expect(r.database.maxQueue).toBeGreaterThan(1800);
    expect(Math.abs(r.latencyMs.max - 9000)).toBeLessThan(1000);
    expect(r.hottestKeyMaxConcurrentReads).toBeGreaterThanOrEqual(20);
    const fixed = runDynamic(load('menu-cache-coalesced'), sc.seed);
    if (fixed.kind !== 'cache') throw new Error('kind');
    expect(fixed.hottestKeyMaxConcurrentReads).toBe(1);
    expect(Math.abs(fixed.timeline[0].dbReadsPerSec - 360)).toBeLessThan(40);
    expect(Math.abs(fixed.latencyMs.max - 1200)).toBeLessThan(200);
    const drill = question('performance/fw-cache-stampede.md');
    expect(drill).toContain(
      'about 360 in the first second instead of 1,300, and the worst wait drops from 9 s to about 1.2 s',
    );
  });
});

describe('hedging scenario claims', () => {
  it('hedged-reads: hedged at the plain P95 for 5% more work; P99 98 → 47 ms, P99.9 300 → 70 ms; a quarter busy', () => {
    const sc = load('hedged-reads');
    if (sc.kind !== 'hedge') throw new Error('kind');
    const r = runDynamic(sc, sc.seed);
    if (r.kind !== 'hedge') throw new Error('kind');
    expect(Math.abs(r.baseline.latencyMs.p95 - sc.hedge.after)).toBeLessThan(1);
    expect(Math.round(r.hedged.hedgeRate * 100)).toBe(5);
    expect(Math.round((r.hedged.workPerRequest - 1) * 100)).toBe(5);
    expect(Math.abs(r.baseline.latencyMs.p99 - 98)).toBeLessThan(3);
    expect(Math.abs(r.hedged.latencyMs.p99 - 47)).toBeLessThan(2);
    expect(Math.abs(r.baseline.latencyMs.p999 - 300)).toBeLessThan(20);
    expect(Math.abs(r.hedged.latencyMs.p999 - 70)).toBeLessThan(5);
    expect(r.hedged.latencyMs.p50).toBe(r.baseline.latencyMs.p50);
    expect(Math.abs(r.baseline.utilization - 0.25)).toBeLessThan(0.01);
    const desc = text(sc.description);
    expect(desc).toContain(
      'cuts the P99 from about 98 ms to about 47 ms and the P99.9 from about 300 ms to about 70 ms, for 5% more work',
    );
    const drill = question('performance/concepts-latency-percentiles.md');
    expect(drill).toContain('About 5% more work for a P99 roughly halved (98 ms to 47 ms)');
  });
});

import { describe, expect, it } from 'vitest';
import { loadLeverScenario } from '../../../src/content/scenario-file.js';
import { compare, figureAt, seedsFrom, type Comparison } from '../../../src/engine/sim/compare.js';
import type { LeverModel } from '../../../src/engine/sim/lever-fields.js';
import { applyLevers } from '../../../src/engine/sim/levers.js';
import { validateLeverScenario } from '../../../src/engine/sim/validate.js';

/** The built-in scenario with `values` set, validated like a file. */
function withLevers(id: string, values: Record<string, number>): { base: LeverModel; variant: LeverModel } {
  const loaded = loadLeverScenario(id);
  const { scenario, problems } = validateLeverScenario(applyLevers(loaded.doc, loaded.scenario, values));
  expect(problems).toEqual([]);
  return { base: loaded.scenario, variant: scenario! };
}

/** Baseline and variant on the scenario's own seed (and the next ones). */
function run(id: string, values: Record<string, number>, seeds = 1): Comparison {
  const { base, variant } = withLevers(id, values);
  return compare(base, variant, seedsFrom(base.seed, seeds));
}

const mean = (c: Comparison, side: 'baseline' | 'variant', path: string) => figureAt(c[side], path).mean;
const passes = (c: Comparison, name: string) => ({
  baseline: c.baselineChecks.find((k) => k.name === name)!.pass,
  variant: c.verdict.checks.find((k) => k.name === name)!.pass,
});

describe('a lever moves an SLO from FAIL to PASS, as the closed form says', () => {
  // Lag grows at arrivals − capacity. Each of three partitions gets 300 / 3 = 100 messages a second; the
  // slowed consumer processes 200 / 4 = 50 a second for 120 s: (100 − 50) × 120 = 6,000 messages.
  // Six partitions and six consumers: 300 / 6 = 50 a second against the same 50, so no linear growth.
  it('kafka: six partitions and six consumers end the lag that three could not', () => {
    const c = run('kafka-consumer-lag', { partitions: 6, consumers: 6 });
    expect(mean(c, 'baseline', 'lag.maxBacklog') / 6000).toBeGreaterThan(0.9);
    expect(mean(c, 'baseline', 'lag.maxBacklog') / 6000).toBeLessThan(1.1);
    expect(mean(c, 'variant', 'lag.maxBacklog')).toBeLessThan(1000);
    expect(mean(c, 'variant', 'analytic.backlogGrowthPerSec')).toBe(0);
    expect(passes(c, 'lag under 1,000 messages')).toEqual({ baseline: false, variant: true });
    expect(c.verdict.pass).toBe(true);
  });

  // 4 ms a message, four times as long while slowed: 1000 / 16 = 62.5 a second, so (100 − 62.5) × 120 = 4,500.
  it('kafka: a faster consumer slows the growth to arrivals − its capacity, still over the SLO', () => {
    const c = run('kafka-consumer-lag', { processing: 4 });
    expect(mean(c, 'variant', 'lag.maxBacklog') / 4500).toBeGreaterThan(0.9);
    expect(mean(c, 'variant', 'lag.maxBacklog') / 4500).toBeLessThan(1.1);
    expect(passes(c, 'lag under 1,000 messages')).toEqual({ baseline: false, variant: false });
  });

  // The interactive response-time law: X = N / (R + Z), with Z = 200 ms and the run's own R. Twenty users
  // send about 93 a second; forty, at the same R, about 188. A 1 s stall holds 1/290 of the open-loop
  // arrivals (under the 1% a P99 looks past); a 5 s one holds 1.7%, so the P99 falls inside the stall.
  it('closed loop: forty users double throughput as N / (R + Z); a 1 s stall brings the open P99 under 1 s', () => {
    const c = run('closed-loop-stall', { users: 40, stall: 1 });
    for (const [side, users] of [
      ['baseline', 20],
      ['variant', 40],
    ] as const) {
      const law = users / ((mean(c, side, 'closed.meanResponseMs') + 200) / 1000);
      expect(mean(c, side, 'closed.throughputRps') / law).toBeGreaterThan(0.98);
      expect(mean(c, side, 'closed.throughputRps') / law).toBeLessThan(1.02);
    }
    expect(passes(c, 'at least 150 requests a second')).toEqual({ baseline: false, variant: true });
    expect(mean(c, 'baseline', 'open.latencyMs.p99')).toBeGreaterThan(1000);
    expect(passes(c, 'open-loop P99 under 1 s')).toEqual({ baseline: false, variant: true });
  });

  // A token bucket admits min(offered, its rate) plus its burst once. After the 5 s warm-up: 15 s at 1,000,
  // 20 s at 3,000 (1,500 admitted), 20 s at 1,000; a bucket switched on by a lever saves 150 tokens.
  it('gateway: a 1,500/s token bucket admits the bucket rate under overload, and goodput holds', () => {
    const c = run('gateway-rush', { 'rate-limit': 1500 });
    const admitted = (15 * 1000 + 20 * 1500 + 20 * 1000 + 150) / 55;
    expect(mean(c, 'variant', 'throughput.admittedRps') / admitted).toBeGreaterThan(0.985);
    expect(mean(c, 'variant', 'throughput.admittedRps') / admitted).toBeLessThan(1.015);
    expect(mean(c, 'baseline', 'throughput.admittedRps') / ((15 * 1000 + 20 * 3000 + 20 * 1000) / 55)).toBeCloseTo(
      1,
      1,
    );
    expect(passes(c, 'goodput at least 1,100 req/s')).toEqual({ baseline: false, variant: true });
    expect(passes(c, 'timeouts under 1%')).toEqual({ baseline: false, variant: true });
    expect(c.verdict.pass).toBe(true);
  });

  // Two instances per zone, one zone down: four answer 4 × 400 = 1,600 of 2,000 a second, a fifth shed.
  // Nine (three per zone) leave six: 2,400 a second, 83% busy, nothing shed.
  it('gateway zones: N+1 per zone (nine instances) sheds nothing when a zone goes down', () => {
    const c = run('gateway-zone-loss', { instances: 9 });
    expect(mean(c, 'baseline', 'rejectRate')).toBeGreaterThan(0.1);
    expect(mean(c, 'variant', 'rejectRate')).toBeLessThan(0.001);
    expect(passes(c, 'shed under 1% of orders')).toEqual({ baseline: false, variant: true });
  });

  // Up to four attempts a request offer Kafka 4 × 1,300 = 5,200 a second against 2,000: it never drains.
  // A 10% budget caps it at 1.1 × 1,300 = 1,430, under 2,000: it recovers and serves the 1,300 offered.
  it('metastable: a 10% retry budget recovers after the trigger; without it the storm outlives it', () => {
    const c = run('retry-storm-metastable', { 'retry-budget': 10 });
    expect(mean(c, 'baseline', 'recovered')).toBe(0);
    expect(mean(c, 'baseline', 'end.goodputRps')).toBeLessThan(100);
    expect(mean(c, 'variant', 'recovered')).toBe(1);
    expect(mean(c, 'variant', 'end.goodputRps') / 1300).toBeGreaterThan(0.97);
    expect(mean(c, 'variant', 'retries')).toBeLessThanOrEqual(0.1 * 1300 * 85 * 1.05);
    expect(c.verdict.pass).toBe(true);
  });

  // Single flight: one database read per key at a time, and an entry lives 60 s, so no second holds more
  // reads than there are keys (500) and no key has two reads in flight.
  it('cache: single flight caps the stampede at one read per key', () => {
    const c = run('menu-cache-stampede', { 'single-flight': 1 });
    expect(mean(c, 'variant', 'hottestKeyMaxConcurrentReads')).toBe(1);
    expect(mean(c, 'variant', 'database.peakReadsPerSec')).toBeLessThanOrEqual(500);
    expect(mean(c, 'variant', 'database.reads')).toBeLessThanOrEqual(500 * (300 / 60 + 1));
    expect(mean(c, 'baseline', 'database.peakReadsPerSec')).toBeGreaterThan(1000);
    expect(passes(c, 'Postgres peak under 500 queries/s')).toEqual({ baseline: false, variant: true });
  });

  // Jung et al.: with Poisson arrivals the hit ratio follows the TTL; a 10 s TTL still meets 99%.
  it('cache: the hit ratio a TTL lever gives matches its closed form', () => {
    const c = run('menu-cache-coalesced', { ttl: 10 });
    expect(Math.abs(mean(c, 'variant', 'hitRatio') - mean(c, 'variant', 'analyticHitRatio'))).toBeLessThan(0.005);
  });
});

/** Lognormal with mean 10 ms and P99 100 ms (hedged-reads): survival S(t). */
const SIGMA = 2.326348 - Math.sqrt(2.326348 ** 2 - 2 * Math.log(10));
const MU = Math.log(10) - SIGMA ** 2 / 2;
function erfc(x: number): number {
  // Abramowitz and Stegun 7.1.26 (error under 1.5e-7), for x ≥ 0; erfc(−x) = 2 − erfc(x).
  const z = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * z);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const e = y * Math.exp(-z * z);
  return x >= 0 ? e : 2 - e;
}
const survival = (t: number) => (t <= 0 ? 1 : 0.5 * erfc((Math.log(t) - MU) / (SIGMA * Math.SQRT2)));
/** P99 of min(X₁, d + X₂): the t where S(t) · S(t − d) = 0.01 (no queueing), by bisection. */
function hedgedP99(d: number): number {
  let lo = 0;
  let hi = 10_000;
  for (let i = 0; i < 100; i += 1) {
    const t = (lo + hi) / 2;
    if (survival(t) * survival(t - d) > 0.01) lo = t;
    else hi = t;
  }
  return lo;
}

describe('hedging: the delay lever against the closed form min(X₁, d + X₂)', () => {
  it('hedging at 38 ms (the P95) meets the P99 SLO that hedging at 100 ms misses, for about S(d) more work', () => {
    const late = withLevers('hedged-reads', { 'hedge-after': 100 }).variant;
    const { base } = withLevers('hedged-reads', {});
    const c = compare(late, base, seedsFrom(base.seed, 1));
    expect(hedgedP99(100)).toBeGreaterThan(60);
    expect(hedgedP99(38)).toBeLessThan(60);
    expect(mean(c, 'variant', 'hedged.latencyMs.p99') / hedgedP99(38)).toBeGreaterThan(0.9);
    expect(mean(c, 'variant', 'hedged.latencyMs.p99') / hedgedP99(38)).toBeLessThan(1.1);
    expect(mean(c, 'variant', 'hedged.hedgeRate') / survival(38)).toBeGreaterThan(0.9);
    expect(mean(c, 'variant', 'hedged.hedgeRate') / survival(38)).toBeLessThan(1.1);
    expect(passes(c, 'P99 under 60 ms')).toEqual({ baseline: false, variant: true });
    expect(passes(c, 'at most 10% extra work')).toEqual({ baseline: true, variant: true });
  });
});

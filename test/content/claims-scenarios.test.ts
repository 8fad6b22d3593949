import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { builtinScenarioIds, loadScenario } from '../../src/content/scenario-file.js';
import { runAvailability } from '../../src/engine/sim/availability-model.js';
import { isDynamicScenario } from '../../src/engine/sim/dynamics.js';
import { checkExpect } from '../../src/engine/sim/expect.js';
import { runScenario } from '../../src/engine/sim/model.js';
import { toResult, type SimResult } from '../../src/engine/sim/result.js';
import type { Scenario } from '../../src/engine/sim/scenario.js';

/**
 * The built-in scenarios say what their runs show, and the drills that link them say the same: each
 * claim in a description (or in the question beside it) is checked against the simulator's own run
 * with the file's seed, and each computed figure against the file's parameters.
 */
const requests = (id: string): Scenario => {
  const { scenario } = loadScenario(id);
  if (scenario.kind !== 'requests') throw new Error(`${id} is not a request scenario`);
  return scenario;
};
const cache = new Map<string, SimResult>();
const run = (id: string): SimResult => {
  if (!cache.has(id)) {
    const sc = requests(id);
    cache.set(id, toResult(sc.name, sc.seed, sc.duration, sc.warmup, runScenario(sc, sc.seed), 0));
  }
  return cache.get(id)!;
};
const description = (id: string) => loadScenario(id).scenario.description.replace(/\s+/g, ' ');
const question = (file: string) => readFileSync(join(builtinQuestionsDir(), file), 'utf8').replace(/\s+/g, ' ');
/** The median of the per-second P95 over [from, to) simulated seconds. */
const p95Between = (r: SimResult, from: number, to: number) => {
  const values = r.timeline
    .filter((row) => row.t >= from && row.t < to)
    .map((row) => row.p95Ms)
    .sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
};

describe('scenario claims', () => {
  // The dynamics kinds (Kafka, …) have their claims checked in dynamics-claims.test.ts.
  it.each(builtinScenarioIds().filter((id) => !isDynamicScenario(loadScenario(id).scenario)))(
    '%s declares claims, and its own run meets them',
    (id) => {
      const { scenario, expect: claims } = loadScenario(id);
      expect(claims && Object.keys(claims).length).toBeGreaterThan(0);
      const result = scenario.kind === 'availability' ? runAvailability(scenario, scenario.seed) : run(id);
      expect(checkExpect(claims!, result)).toEqual([]);
    },
  );

  it('p95-500ms: the pool is 96% busy and P95 is about half a second, as question 1.4 says', () => {
    const sc = requests('p95-500ms');
    const busy = (sc.traffic.rate * sc.dependency!.service.mean) / 1000 / sc.dependency!.workers;
    expect(busy).toBeCloseTo(0.96, 10);
    expect(description('p95-500ms')).toContain('320 × 60 ms ÷ 20 = 96% busy');
    expect(description('p95-500ms')).toContain('P95 is about half a second (P99 above 900 ms)');
    const r = run('p95-500ms');
    expect(r.latencyMs.p95).toBeGreaterThanOrEqual(400);
    expect(r.latencyMs.p95).toBeLessThanOrEqual(600);
    expect(r.latencyMs.p99).toBeGreaterThan(900);
    expect(question('performance/q1-4-p95-latency.md')).toContain('scenario: p95-500ms');
    expect(question('performance/q1-4-p95-latency.md')).toContain('P95 latency of 500ms');
  });

  it('p95-cached: a fifth of the reads reach a pool a tenth as busy, and P95 is under 100 ms', () => {
    const sc = requests('p95-cached');
    const dbRate = sc.traffic.rate * (1 - sc.cache!.hitRatio);
    expect(dbRate).toBeCloseTo(64, 10);
    expect((dbRate * sc.dependency!.service.mean) / 1000 / sc.dependency!.workers).toBeCloseTo(0.096, 10);
    expect(description('p95-cached')).toContain("(64/s) at a tenth of the pool's utilisation (64 × 60 ms ÷ 40 = 9.6%)");
    expect(run('p95-cached').latencyMs.p95).toBeLessThan(100);
  });

  it('gateway-1000rps counts CPU only: 24 cores ÷ 22 ms ≈ 1090 req/s, about 92% busy, then past capacity at 1100 req/s', () => {
    const sc = requests('gateway-1000rps');
    expect(sc.dependency).toBeUndefined();
    const cores = sc.servers[0].count * sc.servers[0].workers;
    const capacity = cores / (sc.servers[0].service.mean / 1000);
    expect(Math.round(capacity / 10) * 10).toBe(1090);
    expect(Math.round((sc.traffic.rate / capacity) * 100)).toBe(92);
    expect(sc.traffic.steps[0].rate).toBeGreaterThan(capacity);
    expect(description('gateway-1000rps')).toContain(
      '24 cores ÷ 22 ms ≈ 1090 req/s of capacity, about 92% busy at 1000 req/s',
    );
    const r = run('gateway-1000rps');
    // Response times climb once traffic passes capacity at 40 s.
    expect(p95Between(r, 55, 60)).toBeGreaterThan(3 * p95Between(r, 10, 40));
  });

  it('gateway-1000rps-scaled changes only the instance count, runs 55–60% busy and keeps P95 flat', () => {
    const base = requests('gateway-1000rps');
    const scaled = requests('gateway-1000rps-scaled');
    // The levers' baselines follow the instance count too (a baseline is the scenario's own value).
    const strip = (sc: Scenario) => ({
      ...sc,
      name: '',
      description: '',
      servers: sc.servers.map((g) => ({ ...g, count: 0 })),
      levers: sc.levers?.map((l) => ({ ...l, baseline: 0 })),
    });
    expect(strip(scaled)).toEqual(strip(base));
    expect(scaled.servers[0].count).toBeGreaterThan(base.servers[0].count);
    const cores = scaled.servers[0].count * scaled.servers[0].workers;
    expect(Math.round(cores / 0.022 / 10) * 10).toBe(1820);
    expect((1000 * 0.022 * 100) / cores).toBeCloseTo(55, 10);
    expect((1100 * 0.022 * 100) / cores).toBeCloseTo(60.5, 10);
    expect(description('gateway-1000rps-scaled')).toContain(
      '(1000 × 22 ms ÷ 40 cores = 55%, then 60.5% at 1100 req/s)',
    );
    const r = run('gateway-1000rps-scaled');
    for (const s of r.servers) expect([s.utilization > 0.55, s.utilization < 0.6]).toEqual([true, true]);
    expect(p95Between(r, 45, 60) / p95Between(r, 10, 40)).toBeLessThan(1.2);
  });

  it('retry-storm: a synchronous writer, one layer of up to four attempts, thousands of retries', () => {
    const sc = requests('retry-storm');
    expect(description('retry-storm')).toContain('A synchronous Kafka writer (Async: false, a change to Go Coffee');
    expect(sc.policies.retry!.attempts).toBe(4);
    expect(description('retry-storm')).toContain("up to four attempts per request; the drill's two layers make 16");
    const slowdown = sc.faults[0];
    expect([slowdown.at, slowdown.duration]).toEqual([20_000, 10_000]);
    expect(question('reliability/fw-retry-storm.md')).toContain('Kafka slows down for ten seconds');
    expect(run('retry-storm').requests.retries).toBeGreaterThan(1000);
  });

  it('retry-storm-fixed: slowed calls can still answer in time, so half-open probes sometimes close the breaker during the slowdown', () => {
    const r = run('retry-storm-fixed');
    const recovered = r.breaker.transitions.filter(
      (t) => t.from === 'half-open' && t.to === 'closed' && t.at > 20 && t.at < 30,
    );
    expect(recovered.length).toBeGreaterThan(0);
    expect(description('retry-storm-fixed')).toContain('some half-open probes succeed and the breaker flaps');
    expect(description('retry-storm-fixed')).not.toContain('nothing can make');
    expect(r.requests.retries).toBeLessThan(run('retry-storm').requests.retries / 20);
  });

  it('breaker-outage models a synchronous writer, named as such: the breaker opens in the outage and closes after it', () => {
    expect(description('breaker-outage')).toMatch(
      /^A synchronous Kafka writer \(Async: false, a change to Go Coffee: with the seed's Async: true the breaker never sees Kafka errors/,
    );
    const r = run('breaker-outage');
    expect(r.breaker.transitions[0]).toMatchObject({ from: 'closed', to: 'open' });
    expect(r.breaker.transitions[0].at).toBeGreaterThan(15);
    expect(r.breaker.transitions.at(-1)).toMatchObject({ to: 'closed' });
    expect(r.breaker.transitions.at(-1)!.at).toBeGreaterThan(25);
  });

  it('availability-9999: the order-taking path meets 99.99%, with the consumer and Postgres behind Kafka', () => {
    const { scenario } = loadScenario('availability-9999');
    if (scenario.kind !== 'availability') throw new Error('not an availability scenario');
    expect(scenario.components.map((c) => c.name)).toEqual(['load balancer', 'gateway', 'producer', 'kafka broker']);
    const result = runAvailability(scenario, scenario.seed);
    expect(result.meetsTarget).toBe(true);
    expect(result.analytic.availability).toBeGreaterThanOrEqual(0.9999);
    expect(question('reliability/q1-2-uptime-9999.md')).toContain(
      'a Postgres outage delays fulfilment rather than losing sales',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check, figure } from '../../../src/engine/sim/compare.js';
import { applyLevers, formatLever, parseLeverValue, type Slo } from '../../../src/engine/sim/levers.js';
import type { AvailabilityScenario, Scenario } from '../../../src/engine/sim/scenario.js';
import { validateLeverScenario } from '../../../src/engine/sim/validate.js';

const BASE = `
name: lever-test
duration: 10s
traffic: { rate: 100 }
servers:
  - { count: 3, workers: 8, service: { dist: exponential, mean: 10ms } }
dependency: { workers: 20, service: { dist: lognormal, mean: 60ms, p99: 400ms } }
policies:
  timeout: 2s
  retry: { attempts: 4, backoff: constant, base: 50ms, max: 50ms }
  circuitBreaker: { enabled: false, waitDurationInOpenState: 2s }
`;

const LEVERS = `
levers:
  - { name: instances, field: "servers[0].count", unit: instances, min: 1, max: 12, step: 1 }
  - { name: timeout, field: policies.timeout, unit: s, min: 0, max: 5, step: 0.1 }
  - { name: cache-hit, field: cache.hitRatio, unit: "%", min: 0, max: 99, step: 5 }
  - { name: retries, field: policies.retry.retries, unit: retries, min: 0, max: 5 }
  - { name: jitter, field: policies.retry.jitter }
  - { name: budget, field: policies.retry.budget, unit: "%", min: 0, max: 100, step: 5 }
  - { name: breaker, field: policies.circuitBreaker.enabled }
  - { name: query-time, field: dependency.service.mean, unit: ms, min: 5, max: 200, step: 5 }
  - { name: replicas, field: dependency.workers, unit: replicas, scale: 20, min: 1, max: 4 }
slos:
  - { name: fast, metric: latencyMs.p95, max: 100 }
  - { name: up, metric: errorRate, max: 0.001 }
`;

function load(text: string) {
  const doc = parse(text) as Record<string, unknown>;
  const { scenario, problems } = validateLeverScenario(doc);
  return { doc, scenario, problems };
}

const base = () => {
  const { doc, scenario, problems } = load(BASE + LEVERS);
  expect(problems).toEqual([]);
  return { doc, sc: scenario as Scenario };
};

describe('levers read from a scenario', () => {
  it('each baseline is the scenario value in the lever unit; an absent setting is 0 (off)', () => {
    const { sc } = base();
    expect(Object.fromEntries(sc.levers!.map((l) => [l.name, l.baseline]))).toEqual({
      instances: 3,
      timeout: 2, // 2000 ms in s
      'cache-hit': 0,
      retries: 3, // 4 attempts = the first try and 3 retries
      jitter: 0, // none
      budget: 0,
      breaker: 0, // enabled: false
      'query-time': 60,
      replicas: 1, // 20 connections / 20 per replica
    });
    expect(sc.policies.circuitBreaker).toBeUndefined();
    expect(sc.slos).toEqual([
      { name: 'fast', metric: 'latencyMs.p95', max: 100 },
      { name: 'up', metric: 'errorRate', max: 0.001 },
    ]);
  });

  it.each([
    [
      'an unknown field',
      '{ name: x, field: "servers[0].colour", unit: u, min: 0, max: 1 }',
      'levers[0].field',
      /must be one of traffic.rate/,
    ],
    [
      'a time in instances',
      '{ name: x, field: policies.timeout, unit: instances, min: 0, max: 1 }',
      'levers[0].unit',
      /must be ms, s, m or h/,
    ],
    [
      'a baseline outside the range',
      '{ name: x, field: "servers[0].count", unit: n, min: 5, max: 9 }',
      'levers[0].min',
      /own value 3 n must lie from min to max \(5 … 9\)/,
    ],
    [
      'a server group that is not there',
      '{ name: x, field: "servers[4].count", unit: n, min: 1, max: 9 }',
      'levers[0].field',
      /servers\[4\]\.count is not in this scenario/,
    ],
    [
      'a bad name',
      '{ name: Big Name, field: "servers[0].count", unit: n, min: 1, max: 9 }',
      'levers[0].name',
      /lowercase/,
    ],
    [
      'a ratio in ms',
      '{ name: x, field: cache.hitRatio, unit: ms, min: 0, max: 1 }',
      'levers[0].unit',
      /must be % or fraction/,
    ],
  ])('%s is reported by field', (_name, spec, field, message) => {
    const { problems } = load(`${BASE}levers:\n  - ${spec}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe(field);
    expect(problems[0].message).toMatch(message);
  });

  it.each([
    ['slos:\n  - { name: x, metric: latencyMs.p42, max: 1 }\n', 'slos[0].metric'],
    ['slos:\n  - { name: x, metric: errorRate, max: 1, min: 0 }\n', 'slos[0]'],
    ['slos:\n  - { name: x, metric: errorRate, max: .nan }\n', 'slos[0].max'],
  ])('a bad SLO is reported by field (%#)', (text, field) => {
    const { problems } = load(BASE + text);
    expect(problems.map((p) => p.field)).toEqual([field]);
  });
});

describe('applying levers to the document', () => {
  const variant = (values: Record<string, number>) => {
    const { doc, sc } = base();
    const r = validateLeverScenario(applyLevers(doc, sc, values));
    expect(r.problems).toEqual([]);
    return r.scenario as Scenario;
  };

  it.each<[string, Record<string, number>, (v: Scenario) => unknown, unknown]>([
    ['instances', { instances: 5 }, (v) => v.servers[0].count, 5],
    ['timeout in s to ms', { timeout: 0.3 }, (v) => v.policies.timeout, 300],
    ['timeout 0 is no timeout', { timeout: 0 }, (v) => v.policies.timeout, undefined],
    ['a cache switched on answers in 1 ms', { 'cache-hit': 90 }, (v) => v.cache, { hitRatio: 0.9, latency: 1 }],
    ['retries 0 leaves one attempt', { retries: 0 }, (v) => v.policies.retry?.attempts, 1],
    ['retries 2 is three attempts', { retries: 2 }, (v) => v.policies.retry?.attempts, 3],
    ['jitter by index', { jitter: 1 }, (v) => v.policies.retry?.jitter, 'full'],
    ['budget in %', { budget: 10 }, (v) => v.policies.retry?.budget, 0.1],
    [
      'the breaker switched on keeps the file settings',
      { breaker: 1 },
      (v) => v.policies.circuitBreaker?.waitDurationInOpenState,
      2000,
    ],
    [
      'a faster query keeps the lognormal shape',
      { 'query-time': 30 },
      (v) => v.dependency?.service,
      { dist: 'lognormal', mean: 30, p99: 200 },
    ],
    ['replicas × scale', { replicas: 3 }, (v) => v.dependency?.workers, 60],
  ])('%s', (_name, values, read, expected) => {
    expect(read(variant(values))).toEqual(expected);
  });

  it('leaves the document it was given alone', () => {
    const { doc, sc } = base();
    const before = JSON.stringify(doc);
    applyLevers(doc, sc, { instances: 9, 'cache-hit': 50 });
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('a standby lever makes an active-passive group of 1 + k', () => {
    const text =
      'kind: availability\nname: a\ncomponents:\n  - { name: db, mtbf: 100h, mttr: 1h }\nlevers:\n  - { name: standby, field: "components[0].standby", unit: standbys, min: 0, max: 3 }\n  - { name: failover, field: "components[0].failover", unit: s, min: 0, max: 600 }\n';
    const { doc, scenario } = load(text);
    const v = validateLeverScenario(applyLevers(doc, scenario!, { standby: 2, failover: 30 }))
      .scenario as AvailabilityScenario;
    expect(v.components[0]).toMatchObject({ count: 3, mode: 'active-passive', failoverSeconds: 30 });
  });
});

describe('lever values from the command line', () => {
  const levers = () => base().sc.levers!;
  it.each([
    ['instances', '5', { value: 5 }],
    ['jitter', 'full', { value: 1 }],
    ['jitter', '3', { value: 3 }],
    ['timeout', '0.25', { value: 0.25 }],
    ['instances', '13', { problem: 'instances=13: must be from 1 to 12 instances' }],
    ['instances', '2.5', { problem: 'instances=2.5: must be a whole number' }],
    ['jitter', 'lots', { problem: 'jitter=lots: must be one of none, full, equal, decorrelated' }],
    [
      'colour',
      '1',
      {
        problem:
          'no lever named colour (levers: instances, timeout, cache-hit, retries, jitter, budget, breaker, query-time, replicas)',
      },
    ],
  ])('%s=%s', (name, text, expected) => {
    expect(parseLeverValue(levers(), name, text)).toEqual(expected);
  });

  it('formats values with their unit, choices by name, 0 of an optional setting as off', () => {
    const [instances, timeout, cache, , jitter] = levers();
    expect([
      formatLever(instances, 4),
      formatLever(timeout, 0.2),
      formatLever(cache, 0),
      formatLever(jitter, 2),
    ]).toEqual(['4 instances', '0.2 s', 'off', 'equal']);
  });

  it('names one of a counted unit in the singular, and leaves units of measure alone', () => {
    const [instances, timeout] = levers();
    const unit = (u: string) => ({ ...instances, unit: u });
    expect([
      formatLever(instances, 1),
      formatLever(unit('retries'), 1),
      formatLever(unit('retries'), 2),
      formatLever(unit('connections'), 1),
      formatLever(unit('req/s'), 1),
      formatLever(unit('ms'), 1),
      formatLever(timeout, 1),
      formatLever(unit('users'), 1.5),
    ]).toEqual(['1 instance', '1 retry', '2 retries', '1 connection', '1 req/s', '1 ms', '1 s', '1.5 users']);
  });
});

describe('figures over seeds and SLO checks', () => {
  it("mean and Student's t interval: 1…5 → 3 ± 2.776 · 1.5811 / √5", () => {
    const f = figure([1, 2, 3, 4, 5]);
    expect(f.mean).toBe(3);
    expect(f.ci95[0]).toBeCloseTo(3 - 1.962928, 5);
    expect(f.ci95[1]).toBeCloseTo(3 + 1.962928, 5);
    expect(figure([7])).toEqual({ mean: 7, ci95: [7, 7] });
  });

  it.each<[Slo, number, boolean]>([
    [{ name: 'p', metric: 'latencyMs.p95', max: 100 }, 100, true],
    [{ name: 'p', metric: 'latencyMs.p95', max: 100 }, 100.01, false],
    [{ name: 'a', metric: 'availability.mean', min: 0.9999 }, 0.9999, true],
    [{ name: 'a', metric: 'availability.mean', min: 0.9999 }, 0.99989, false],
  ])('%j at %d passes: %s', (slo, value, pass) => {
    const [a, b] = slo.metric.split('.');
    const agg = { [a]: { [b]: { mean: value, ci95: [value, value] as [number, number] } } };
    expect(check(slo, agg)).toMatchObject({
      value,
      pass,
      target: slo.metric + (slo.max !== undefined ? ` <= ${slo.max}` : ` >= ${slo.min}`),
    });
  });

  it('a latency SLO is not met when no request succeeded (the P95 of none is no answer), and is when some did', () => {
    const slo: Slo = { name: 'p', metric: 'latencyMs.p95', max: 100 };
    const at = (goodput: number) => ({
      latencyMs: { p95: { mean: 0, ci95: [0, 0] as [number, number] } },
      throughput: { goodputRps: { mean: goodput, ci95: [goodput, goodput] as [number, number] } },
    });
    expect(check(slo, at(0)).pass).toBe(false);
    expect(check(slo, at(1)).pass).toBe(true);
  });
});

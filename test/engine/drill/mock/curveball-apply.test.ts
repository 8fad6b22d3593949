import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../src/content/scenario-file.js';
import type { AnswerLevers } from '../../../../src/engine/drill/mock/answer-levers.js';
import { applyCurveball, runCurveball, type SimulationVerdict } from '../../../../src/engine/drill/mock/curveball.js';
import type { CurveballChange } from '../../../../src/engine/drill/mock/types.js';
import type { Scenario } from '../../../../src/engine/sim/scenario.js';

const service = { dist: 'constant', value: 10 } as unknown as Scenario['servers'][number]['service'];
/** A scenario by hand: only the fields the curveball touches matter. */
const base = (over: Partial<Scenario> = {}): Scenario =>
  ({
    kind: 'requests',
    name: 'hand',
    description: '',
    seed: 7,
    duration: 60_000,
    warmup: 0,
    traffic: {
      rate: 100,
      arrival: 'constant',
      clients: 10,
      steps: [
        { at: 10_000, rate: 200 },
        { at: 20_000, rate: 300 },
        { at: 30_000, rate: 400 },
      ],
    },
    loadBalancer: { strategy: 'round-robin' },
    servers: [
      { count: 6, workers: 4, queue: 10, weight: 1, service },
      { count: 2, workers: 8, queue: 10, weight: 2, service },
    ],
    policies: {},
    faults: [{ at: 1_000, kind: 'slow', target: 'server-9', factor: 2, duration: 1_000 }],
    apdex: 100,
    ...over,
  }) as Scenario;

describe('the traffic curveball', () => {
  it.each([
    // A step exactly at the change is replaced; the rate just before it is multiplied.
    [
      20_000,
      [
        { at: 10_000, rate: 200 },
        { at: 20_000, rate: 400 },
      ],
    ],
    [
      20_001,
      [
        { at: 10_000, rate: 200 },
        { at: 20_000, rate: 300 },
        { at: 20_001, rate: 600 },
      ],
    ],
    // Before any step: the scenario's own rate.
    [10_000, [{ at: 10_000, rate: 200 }]],
  ])('×2 from %i ms: %j', (at, steps) => {
    expect(applyCurveball(base(), { kind: 'rate', factor: 2, at }, {}).traffic.steps).toEqual(steps);
  });
});

describe('fault curveballs', () => {
  const change: Array<[CurveballChange, object]> = [
    [
      { kind: 'crash', target: 'server-2', at: 5_000, duration: 3_000 },
      { at: 5_000, kind: 'crash', target: 'server-2', duration: 3_000 },
    ],
    [
      { kind: 'slow', target: 'dependency', factor: 4, at: 5_000, duration: 3_000 },
      { at: 5_000, kind: 'slow', target: 'dependency', factor: 4, duration: 3_000 },
    ],
    [
      { kind: 'error', target: 'dependency', rate: 0.5, at: 5_000, duration: 3_000 },
      { at: 5_000, kind: 'error', target: 'dependency', rate: 0.5, duration: 3_000 },
    ],
  ];
  it.each(change)('%j is added after the scenario’s own faults', (c, fault) => {
    const sc = base();
    const out = applyCurveball(sc, c, {});
    expect(out.faults).toEqual([sc.faults[0], fault]);
    expect(sc.faults).toHaveLength(1);
  });

  it('a cold cache misses every read; a scenario without a cache gets none', () => {
    expect(applyCurveball(base({ cache: { hitRatio: 0.9, latency: 1 } }), { kind: 'cold-cache' }, {}).cache).toEqual({
      hitRatio: 0,
      latency: 1,
    });
    expect(applyCurveball(base(), { kind: 'cold-cache' }, {})).not.toHaveProperty('cache');
  });
});

describe('levers from the answer', () => {
  const crashAt = (target: string, levers: AnswerLevers) =>
    applyCurveball(base(), { kind: 'crash', target, at: 5_000, duration: 1_000 }, levers).faults.map((f) => f.target);
  it.each([
    // The fleet of 5: server-5 is still there, server-6 falls on server-5; other targets and faults stay.
    ['server-5', { instances: 5 }, ['server-9', 'server-5']],
    ['server-6', { instances: 5 }, ['server-9', 'server-5']],
    ['server-12', { instances: 5 }, ['server-9', 'server-5']],
    ['dependency', { instances: 1 }, ['server-9', 'dependency']],
    ['xserver-6', { instances: 5 }, ['server-9', 'xserver-6']],
    ['server-6', {}, ['server-9', 'server-6']],
  ])('crash of %s with %j: targets %j', (target, levers, targets) => {
    expect(crashAt(target, levers)).toEqual(targets);
  });

  it('instances become one group of the first group’s servers', () => {
    expect(applyCurveball(base(), { kind: 'cold-cache' }, { instances: 3 }).servers).toEqual([
      { count: 3, workers: 4, queue: 10, weight: 1, service },
    ]);
    expect(applyCurveball(base(), { kind: 'cold-cache' }, {}).servers).toHaveLength(2);
  });

  const retry = { kind: 'constant', base: 50, max: 500, jitter: 'equal', attempts: 5, budget: 0.1 } as const;
  it.each([
    // [scenario's retry policy, levers, the policy after]
    [undefined, { retries: 2 }, { kind: 'exponential', base: 100, max: 2000, jitter: 'none', attempts: 3 }],
    [
      undefined,
      { retries: 1, jitter: true },
      { kind: 'exponential', base: 100, max: 2000, jitter: 'full', attempts: 2 },
    ],
    [retry, { retries: 2 }, { ...retry, attempts: 3 }],
    [retry, { retries: 2, jitter: true }, { ...retry, jitter: 'full', attempts: 3 }],
    [retry, { retries: 0 }, undefined],
    [retry, {}, retry],
  ] as const)('retry %j with %j: %j', (own, levers, after) => {
    const sc = base({ policies: own ? { retry: { ...own } } : {} });
    const out = applyCurveball(sc, { kind: 'cold-cache' }, levers as AnswerLevers);
    expect(out.policies.retry).toEqual(after);
    expect('retry' in out.policies).toBe(after !== undefined);
  });

  it('a timeout and a pool are set; a pool without a dependency changes nothing', () => {
    const dependency = { workers: 10, queue: 5, service };
    const out = applyCurveball(base({ dependency }), { kind: 'cold-cache' }, { timeoutMs: 750, pool: 40 });
    expect(out.policies.timeout).toBe(750);
    expect(out.dependency).toEqual({ ...dependency, workers: 40 });
    expect(applyCurveball(base(), { kind: 'cold-cache' }, { pool: 40 })).not.toHaveProperty('dependency');
    expect(applyCurveball(base({ policies: { timeout: 900 } }), { kind: 'cold-cache' }, {}).policies.timeout).toBe(900);
  });
});

describe('the verdict against the SLO', () => {
  // The lost broker with no retries: a third of the calls in a 20 s window fail, so errors and P95 are
  // both well above zero. The SLO at exactly the run's figures passes (over, not at, fails).
  const scenario = loadScenario('producer-sync-1000rps').scenario as Scenario;
  const change = { kind: 'error', target: 'dependency', rate: 0.34, at: 20_000, duration: 20_000 } as const;
  // Run inside the tests (once), not when the file is collected: an error there must fail a test.
  let run: SimulationVerdict | undefined;
  const firstRun = () => (run ??= runCurveball(scenario, change, { p95Ms: 1e9, errorRate: 1 }, {}, 'broker'));

  it('meets an SLO at exactly its figures; misses one just below, with both reasons', () => {
    const first = firstRun();
    const { p95Ms, errorRate } = first.result;
    expect(first).toMatchObject({ curveball: 'broker', scenario: 'producer-sync-1000rps', seed: 42, pass: true });
    expect(first.failures).toEqual([]);
    expect(runCurveball(scenario, change, { p95Ms, errorRate }, {}, 'broker').pass).toBe(true);
    const missed = runCurveball(scenario, change, { p95Ms: 1, errorRate: 0.0005 }, {}, 'broker');
    expect(missed.pass).toBe(false);
    expect(missed.failures).toHaveLength(2);
    expect(missed.failures[0]).toBe(`P95 ${p95Ms.toFixed(1)} ms is over the SLO of 1 ms`);
    // Three significant figures of a percentage: 0.0005 is 0.05%; the run's ≈ 0.34 × 20/57 ≈ 11.9%.
    expect(missed.failures[1]).toMatch(/^error rate 1[12](\.\d+)?% is over the SLO of 0\.05%$/);
    expect(Number(missed.failures[1].match(/([\d.]+)%/)![1])).toBeCloseTo(errorRate * 100, 1);
  });

  it('reports the run as the simulator measured it', () => {
    const first = firstRun();
    expect(first.result.offeredRps).toBeGreaterThan(first.result.goodputRps);
    expect(first.result.errorRate).toBeGreaterThan(0.1);
    expect(first.result.errorRate).toBeLessThan(0.13);
  });
});

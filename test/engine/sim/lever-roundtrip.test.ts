import { describe, expect, it } from 'vitest';
import {
  applyLevers,
  formatLever,
  parseLeverValue,
  readLeverSpecs,
  readSloSpecs,
} from '../../../src/engine/sim/levers.js';
import type { AvailabilityScenario, Scenario } from '../../../src/engine/sim/scenario.js';
import type { DynamicScenario } from '../../../src/engine/sim/dynamics.js';
import { validateLeverScenario } from '../../../src/engine/sim/validate.js';

// Every lever field, both ways: its baseline read from a scenario in the lever's unit, and a new value
// written into the document, which validates to that value times the unit (s → 1,000 ms, % → 0.01, …).
type Doc = Record<string, unknown>;
const requests: Doc = {
  name: 'x',
  duration: '10s',
  traffic: { rate: 100 },
  loadBalancer: { strategy: 'least-connections' },
  servers: [{ count: 2, workers: 4, queue: 50, service: { mean: '5ms' } }],
  dependency: { workers: 8, queue: 20, service: { dist: 'lognormal', mean: '20ms', p99: '100ms' } },
  cache: { hitRatio: 0.5, latency: '2ms' },
  policies: {
    timeout: '200ms',
    retry: { attempts: 3, backoff: 'exponential', base: '50ms', max: '1s', jitter: 'full', budget: 0.1 },
    circuitBreaker: {
      failureRateThreshold: 50,
      slowCallRateThreshold: 80,
      slidingWindowSize: 20,
      minimumNumberOfCalls: 10,
      permittedNumberOfCallsInHalfOpenState: 3,
      waitDurationInOpenState: '5s',
      slowCallDurationThreshold: '1s',
    },
    bulkhead: { maxConcurrent: 30 },
  },
};
const availability: Doc = {
  kind: 'availability',
  name: 'a',
  components: [
    { name: 'api', mtbf: '100h', mttr: '30m', count: 3, needed: 2, failover: '30s' },
    { name: 'db', mtbf: '1000h', mttr: '1h' },
  ],
};

function load(doc: Doc, lever: Doc) {
  const { scenario, problems } = validateLeverScenario({
    ...doc,
    levers: [{ name: 'l', min: 0, max: 10_000, ...lever }],
  });
  if (!scenario) throw new Error(JSON.stringify(problems));
  return scenario;
}
function moved(doc: Doc, lever: Doc, value: number) {
  const sc = load(doc, lever);
  const out = validateLeverScenario(applyLevers(doc, sc, { l: value }));
  if (!out.scenario) throw new Error(JSON.stringify(out.problems));
  return { before: sc, after: out.scenario };
}
const r = (sc: Scenario | AvailabilityScenario | DynamicScenario) => sc as Scenario;
const a = (sc: Scenario | AvailabilityScenario | DynamicScenario) => sc as AvailabilityScenario;

describe('each lever field: baseline in lever units, and a new value back into the model', () => {
  it.each<[string, string, number, number, (sc: Scenario) => unknown, unknown]>([
    ['traffic.rate', 'req/s', 100, 250, (sc) => sc.traffic.rate, 250],
    ['servers[0].count', 'instances', 2, 5, (sc) => sc.servers[0].count, 5],
    ['servers[0].workers', 'workers', 4, 8, (sc) => sc.servers[0].workers, 8],
    ['servers[0].queue', 'requests', 50, 10, (sc) => sc.servers[0].queue, 10],
    ['dependency.workers', 'connections', 8, 16, (sc) => sc.dependency?.workers, 16],
    // A lognormal keeps its shape: the P99 moves with the mean (100 × 10 / 20).
    ['dependency.service.mean', 'ms', 20, 10, (sc) => sc.dependency?.service, { dist: 'lognormal', mean: 10, p99: 50 }],
    ['dependency.queue', 'requests', 20, 5, (sc) => sc.dependency?.queue, 5],
    ['cache.hitRatio', '%', 50, 90, (sc) => sc.cache, { hitRatio: 0.9, latency: 2 }],
    ['cache.hitRatio', 'fraction', 0.5, 0.25, (sc) => sc.cache?.hitRatio, 0.25],
    ['policies.timeout', 's', 0.2, 1, (sc) => sc.policies.timeout, 1000],
    ['policies.timeout', 'ms', 200, 500, (sc) => sc.policies.timeout, 500],
    ['policies.retry.retries', 'retries', 2, 4, (sc) => sc.policies.retry?.attempts, 5],
    ['policies.retry.base', 'ms', 50, 100, (sc) => sc.policies.retry?.base, 100],
    ['policies.retry.max', 's', 1, 2, (sc) => sc.policies.retry?.max, 2000],
    ['policies.retry.budget', '%', 10, 50, (sc) => sc.policies.retry?.budget, 0.5],
    [
      'policies.circuitBreaker.failureRateThreshold',
      '%',
      50,
      30,
      (sc) => sc.policies.circuitBreaker?.failureRateThreshold,
      30,
    ],
    [
      'policies.circuitBreaker.slowCallRateThreshold',
      '%',
      80,
      60,
      (sc) => sc.policies.circuitBreaker?.slowCallRateThreshold,
      60,
    ],
    [
      'policies.circuitBreaker.slidingWindowSize',
      'calls',
      20,
      40,
      (sc) => sc.policies.circuitBreaker?.slidingWindowSize,
      40,
    ],
    [
      'policies.circuitBreaker.minimumNumberOfCalls',
      'calls',
      10,
      5,
      (sc) => sc.policies.circuitBreaker?.minimumNumberOfCalls,
      5,
    ],
    [
      'policies.circuitBreaker.permittedNumberOfCallsInHalfOpenState',
      'calls',
      3,
      6,
      (sc) => sc.policies.circuitBreaker?.permittedNumberOfCallsInHalfOpenState,
      6,
    ],
    [
      'policies.circuitBreaker.waitDurationInOpenState',
      's',
      5,
      10,
      (sc) => sc.policies.circuitBreaker?.waitDurationInOpenState,
      10_000,
    ],
    [
      'policies.circuitBreaker.slowCallDurationThreshold',
      'ms',
      1000,
      500,
      (sc) => sc.policies.circuitBreaker?.slowCallDurationThreshold,
      500,
    ],
    ['policies.bulkhead.maxConcurrent', 'calls', 30, 60, (sc) => sc.policies.bulkhead?.maxConcurrent, 60],
  ])('%s in %s: %d, then %d', (field, unit, baseline, value, read, expected) => {
    const { before, after } = moved(requests, { field, unit }, value);
    expect(before.levers?.[0]).toMatchObject({ field, unit, baseline });
    expect(read(r(after))).toEqual(expected);
  });

  it.each<[string, number, number, (sc: Scenario) => unknown, unknown]>([
    ['loadBalancer.strategy', 2, 0, (sc) => sc.loadBalancer.strategy, 'round-robin'],
    ['loadBalancer.strategy', 2, 5, (sc) => sc.loadBalancer.strategy, 'power-of-two-choices'],
    ['policies.retry.backoff', 0, 1, (sc) => sc.policies.retry?.kind, 'constant'],
    ['policies.retry.jitter', 1, 3, (sc) => sc.policies.retry?.jitter, 'decorrelated'],
    ['policies.retry.jitter', 1, 0, (sc) => sc.policies.retry?.jitter, 'none'],
    ['policies.circuitBreaker.enabled', 1, 0, (sc) => sc.policies.circuitBreaker, undefined],
  ])('choice %s: baseline %i, then %i', (field, baseline, value, read, expected) => {
    const { before, after } = moved(requests, { field, min: undefined, max: undefined }, value);
    expect(before.levers?.[0]).toMatchObject({ field, unit: 'choice', baseline, integer: true });
    expect(read(r(after))).toEqual(expected);
  });

  it.each<[string, (sc: Scenario) => unknown, unknown]>([
    ['cache.hitRatio', (sc) => sc.cache, undefined],
    ['policies.timeout', (sc) => sc.policies.timeout, undefined],
    ['policies.retry.retries', (sc) => sc.policies.retry?.attempts, 1],
    ['policies.retry.budget', (sc) => sc.policies.retry?.budget, undefined],
    ['policies.bulkhead.maxConcurrent', (sc) => sc.policies.bulkhead, undefined],
  ])('%s at 0 turns the setting off', (field, read, expected) => {
    const unit =
      field === 'cache.hitRatio' || field === 'policies.retry.budget' ? '%' : field === 'policies.timeout' ? 'ms' : 'n';
    const { after } = moved(requests, { field, unit }, 0);
    expect(read(r(after))).toEqual(expected);
  });

  it('settings the file lacks: off (0) for the optional ones, switched on by a lever', () => {
    const bare: Doc = {
      name: 'x',
      duration: '10s',
      traffic: { rate: 100 },
      servers: [{ service: { mean: '5ms' } }],
      dependency: { service: { mean: '5ms' } },
    };
    const cache = moved(bare, { field: 'cache.hitRatio', unit: '%' }, 80);
    expect(cache.before.levers?.[0].baseline).toBe(0);
    // A cache a lever switches on answers in 1 ms.
    expect(r(cache.after).cache).toEqual({ hitRatio: 0.8, latency: 1 });
    const retries = moved(bare, { field: 'policies.retry.retries', unit: 'retries' }, 2);
    expect(r(retries.after).policies.retry).toMatchObject({ attempts: 3, kind: 'exponential', base: 100, max: 10_000 });
    const base = load(bare, { field: 'policies.retry.base', unit: 'ms' });
    expect(base.levers?.[0].baseline).toBe(100);
    expect(load(bare, { field: 'policies.retry.max', unit: 's' }).levers?.[0].baseline).toBe(10);
    expect(load(bare, { field: 'policies.retry.jitter', min: undefined, max: undefined }).levers?.[0].baseline).toBe(0);
    expect(
      load(bare, { field: 'policies.circuitBreaker.enabled', min: undefined, max: undefined }).levers?.[0].baseline,
    ).toBe(0);
    const breaker = moved(bare, { field: 'policies.circuitBreaker.enabled', min: undefined, max: undefined }, 1);
    expect(r(breaker.after).policies.circuitBreaker).toMatchObject({ slidingWindowSize: 100 });
  });

  it.each<[string, string, number, number, (sc: AvailabilityScenario) => unknown, unknown]>([
    ['components[0].count', 'instances', 3, 4, (sc) => sc.components[0].count, 4],
    ['components[0].needed', 'instances', 2, 1, (sc) => sc.components[0].needed, 1],
    ['components[0].mtbf', 'h', 100, 200, (sc) => sc.components[0].mtbfHours, 200],
    ['components[0].mttr', 'm', 30, 60, (sc) => sc.components[0].mttrHours, 1],
    ['components[0].failover', 's', 30, 10, (sc) => sc.components[0].failoverSeconds, 10],
    [
      'components[1].standby',
      'instances',
      0,
      1,
      (sc) => [sc.components[1].count, sc.components[1].mode],
      [2, 'active-passive'],
    ],
  ])('%s in %s: %d, then %d', (field, unit, baseline, value, read, expected) => {
    const { before, after } = moved(availability, { field, unit }, value);
    expect(before.levers?.[0]).toMatchObject({ field, unit, baseline });
    expect(read(a(after))).toEqual(expected);
  });

  it('a standby lever on a group of several active instances is not in the scenario', () => {
    expect(
      validateLeverScenario({
        ...availability,
        levers: [{ name: 'l', field: 'components[0].standby', unit: 'n', min: 0, max: 3 }],
      }).problems,
    ).toEqual([{ field: 'levers[0].field', message: 'components[0].standby is not in this scenario' }]);
  });

  it('a scale multiplies a count lever: 1 lever unit = 100 req/s', () => {
    const { before, after } = moved(requests, { field: 'traffic.rate', unit: 'hundreds', scale: 100 }, 3);
    expect(before.levers?.[0]).toMatchObject({ baseline: 1, factor: 100 });
    expect(r(after).traffic.rate).toBe(300);
  });
});

describe('reading levers: one line per mistake', () => {
  // Scenarios are loaded inside each test: a mutant that throws while the file is collected would empty
  // it, which Stryker counts as survived.
  const sc = () => load(requests, { field: 'traffic.rate', unit: 'req/s' });
  const read = (specs: unknown) => {
    const problems: Array<{ field: string; message: string }> = [];
    const levers = readLeverSpecs(specs, sc(), problems);
    return { levers, problems };
  };
  it.each<[unknown, string, string]>([
    [5, 'levers', 'must be a list of levers'],
    [[5], 'levers[0]', 'must be a mapping with name, field, unit, min, max and step'],
    [
      [{ name: 'Rate', field: 'traffic.rate', unit: 'r', min: 0, max: 1 }],
      'levers[0].name',
      'must be a lowercase name such as instances or retry-budget',
    ],
    [
      [{ name: '9x', field: 'traffic.rate', unit: 'r', min: 0, max: 1000 }],
      'levers[0].name',
      'must be a lowercase name such as instances or retry-budget',
    ],
    [
      [
        { name: 'r', field: 'traffic.rate', unit: 'r', min: 0, max: 1000 },
        { name: 'r', field: 'traffic.rate', unit: 'r', min: 0, max: 1000 },
      ],
      'levers[1].name',
      'r is already a lever',
    ],
    [[{ name: 'r', field: 'servers[0].colour', unit: 'r', min: 0, max: 1 }], 'levers[0].field', 'must be one of '],
    [[{ name: 'r', field: 'traffic.rate', min: 0, max: 1000 }], 'levers[0].unit', 'is required'],
    [
      [{ name: 't', field: 'policies.timeout', unit: 'minutes', min: 0, max: 1 }],
      'levers[0].unit',
      'must be ms, s, m or h for a time',
    ],
    [
      [{ name: 'c', field: 'cache.hitRatio', unit: 'x', min: 0, max: 1 }],
      'levers[0].unit',
      'must be % or fraction for a ratio',
    ],
    [
      [{ name: 'f', field: 'policies.circuitBreaker.failureRateThreshold', unit: 'fraction', min: 0, max: 100 }],
      'levers[0].unit',
      'must be % for this threshold',
    ],
    [[{ name: 'j', field: 'policies.retry.jitter', unit: '%' }], 'levers[0].unit', 'must be choice for a choice'],
    [
      [{ name: 't', field: 'policies.timeout', unit: 'ms', min: 0, max: 1000, scale: 2 }],
      'levers[0].scale',
      'must be a positive number, and only on a count',
    ],
    [
      [{ name: 'r', field: 'traffic.rate', unit: 'r', min: 0, max: 1000, scale: 0 }],
      'levers[0].scale',
      'must be a positive number, and only on a count',
    ],
    [[{ name: 'r', field: 'traffic.rate', unit: 'r', max: 1000 }], 'levers[0].min', 'must be a number, not nothing'],
    [
      [{ name: 'r', field: 'traffic.rate', unit: 'r', min: 10, max: 5 }],
      'levers[0].max',
      'must be a number no less than min (10)',
    ],
    [
      [{ name: 'r', field: 'traffic.rate', unit: 'r', min: 0, max: 1000, step: 0 }],
      'levers[0].step',
      'must be a number above 0',
    ],
    [
      [{ name: 'j', field: 'policies.retry.jitter', max: 4 }],
      'levers[0].max',
      'a choice lever ranges over 0 … 3 (none, full, equal, decorrelated)',
    ],
    [
      [{ name: 'j', field: 'policies.retry.jitter', min: -1 }],
      'levers[0].max',
      'a choice lever ranges over 0 … 3 (none, full, equal, decorrelated)',
    ],
    [
      [{ name: 'j', field: 'policies.retry.jitter', min: 0.5 }],
      'levers[0].max',
      'a choice lever ranges over 0 … 3 (none, full, equal, decorrelated)',
    ],
    [
      [{ name: 'r', field: 'traffic.rate', unit: 'r', min: 200, max: 1000 }],
      'levers[0].min',
      "the scenario's own value 100 r must lie from min to max (200 … 1000)",
    ],
    [
      [{ name: 'r', field: 'traffic.rate', unit: 'r', min: 0, max: 50 }],
      'levers[0].min',
      "the scenario's own value 100 r must lie from min to max (0 … 50)",
    ],
    [
      [{ name: 'r', field: 'components[0].count', unit: 'r', min: 0, max: 5 }],
      'levers[0].field',
      'components[0].count is not in this scenario',
    ],
  ])('%j: %s %s', (specs, field, message) => {
    const { levers, problems } = read(specs);
    expect(problems.find((p) => p.field === field)?.message.startsWith(message)).toBe(true);
    expect(levers.length).toBeLessThan(Array.isArray(specs) ? specs.length : 1);
  });

  it('an unknown field is reported, and the lever still read', () => {
    const { levers, problems } = read([{ name: 'r', field: 'traffic.rate', unit: 'r', min: 0, max: 1000, colour: 1 }]);
    expect(problems).toEqual([
      {
        field: 'levers[0].colour',
        message: 'unknown field (known: name, field, unit, min, max, step, scale, description)',
      },
    ]);
    expect(levers).toHaveLength(1);
  });

  it('a lever at the edges of its range, with its defaults', () => {
    const { levers, problems } = read([
      { name: 'r', field: 'traffic.rate', unit: 'req/s', min: 100, max: 100 },
      { name: 'j', field: 'policies.retry.jitter', description: 'how retries spread' },
    ]);
    expect(problems).toEqual([]);
    expect(levers).toEqual([
      {
        name: 'r',
        field: 'traffic.rate',
        unit: 'req/s',
        min: 100,
        max: 100,
        step: 1,
        baseline: 100,
        description: '',
        choices: undefined,
        factor: 1,
        integer: false,
        zeroIsOff: false,
      },
      {
        name: 'j',
        field: 'policies.retry.jitter',
        unit: 'choice',
        min: 0,
        max: 3,
        step: 1,
        baseline: 1,
        description: 'how retries spread',
        choices: ['none', 'full', 'equal', 'decorrelated'],
        factor: 1,
        integer: true,
        zeroIsOff: false,
      },
    ]);
    expect(read(undefined)).toEqual({ levers: [], problems: [] });
  });
});

describe('reading SLOs', () => {
  const read = (specs: unknown, kind: 'requests' | 'availability' = 'requests') => {
    const problems: Array<{ field: string; message: string }> = [];
    return { slos: readSloSpecs(specs, kind, problems), problems };
  };
  it.each<[unknown, string, string]>([
    [5, 'slos', 'must be a list of objectives'],
    [[5], 'slos[0]', 'must be a mapping with name, metric and max or min'],
    [[{ name: ' ', metric: 'errorRate', max: 1 }], 'slos[0].name', 'must be text'],
    [[{ metric: 'errorRate', max: 1 }], 'slos[0].name', 'must be text'],
    [[{ name: 'p', metric: 'p95', max: 1 }], 'slos[0].metric', 'must be one of latencyMs.mean, '],
    [[{ name: 'p', metric: 'errorRate' }], 'slos[0]', 'needs exactly one of max and min'],
    [[{ name: 'p', metric: 'errorRate', max: 1, min: 0 }], 'slos[0]', 'needs exactly one of max and min'],
    [[{ name: 'p', metric: 'errorRate', max: 'low' }], 'slos[0].max', 'must be a number, not "low"'],
    [[{ name: 'p', metric: 'errorRate', min: Infinity }], 'slos[0].min', 'must be a number, not .inf'],
  ])('%j: %s %s', (specs, field, message) => {
    const { slos, problems } = read(specs);
    expect(slos).toEqual([]);
    expect(problems.find((p) => p.field === field)?.message.startsWith(message)).toBe(true);
  });

  it('an unknown field is reported, and the objective still read', () => {
    expect(read([{ name: 'p', metric: 'errorRate', max: 1, colour: 1 }])).toEqual({
      slos: [{ name: 'p', metric: 'errorRate', max: 1 }],
      problems: [{ field: 'slos[0].colour', message: 'unknown field (known: name, metric, max, min)' }],
    });
  });

  it('max, min, and the availability metrics', () => {
    expect(
      read([
        { name: 'p', metric: 'latencyMs.p95', max: 100 },
        { name: 'g', metric: 'throughput.goodputRps', min: 50 },
      ]).slos,
    ).toEqual([
      { name: 'p', metric: 'latencyMs.p95', max: 100 },
      { name: 'g', metric: 'throughput.goodputRps', min: 50 },
    ]);
    expect(read([{ name: 'a', metric: 'availability.mean', min: 0.999 }], 'availability').slos).toHaveLength(1);
    expect(read([{ name: 'a', metric: 'availability.mean', min: 0.999 }]).problems).toHaveLength(1);
  });
});

describe('lever values', () => {
  const sc = () => load(requests, { field: 'servers[0].count', unit: 'instances', min: 1, max: 8 });
  const specs: Record<string, Doc> = {
    count: { field: 'servers[0].count', unit: 'instances', min: 1, max: 8 },
    timeout: { field: 'policies.timeout', unit: 's', min: 0, max: 2 },
    jitter: { field: 'policies.retry.jitter', min: 1, max: 2 },
    ratio: { field: 'cache.hitRatio', unit: 'fraction', min: 0, max: 1 },
    pct: { field: 'cache.hitRatio', unit: '%', min: 0, max: 100 },
  };
  const lever = (name: string) => load(requests, specs[name]).levers![0];

  it.each([
    ['count', '4', { value: 4 }],
    ['count', ' 8 ', { value: 8 }],
    ['count', '1', { value: 1 }],
    ['count', '9', { problem: 'l=9: must be from 1 to 8 instances' }],
    ['count', '0', { problem: 'l=0: must be from 1 to 8 instances' }],
    ['count', '2.5', { problem: 'l=2.5: must be a whole number' }],
    ['count', '', { problem: 'l=: must be a number from 1 to 8 instances' }],
    ['count', 'many', { problem: 'l=many: must be a number from 1 to 8 instances' }],
    ['timeout', '0.25', { value: 0.25 }],
    ['jitter', 'equal', { value: 2 }],
    ['jitter', '1', { value: 1 }],
    ['jitter', 'none', { problem: 'l=none: must be one of full, equal' }],
    ['jitter', 'lots', { problem: 'l=lots: must be one of full, equal' }],
  ])('%s %j', (name, text, out) => {
    expect(parseLeverValue([lever(name)], 'l', text)).toEqual(out);
  });

  it('an unknown lever names the ones there are', () => {
    expect(parseLeverValue([lever('count')], 'x', '1')).toEqual({ problem: 'no lever named x (levers: l)' });
    expect(parseLeverValue([], 'x', '1')).toEqual({ problem: 'no lever named x (levers: none)' });
  });

  it.each([
    ['count', 4, '4 instances'],
    ['timeout', 0, 'off'],
    ['timeout', 0.25, '0.25 s'],
    ['jitter', 3, 'decorrelated'],
    ['jitter', 7, '7'],
    ['ratio', 0.5, '0.5'],
    ['pct', 12.3456789, '12.345679%'],
    ['pct', 0, 'off'],
  ])('%s: %d reads %s', (name, value, text) => {
    expect(formatLever(lever(name), value)).toBe(text);
  });

  it('applying leaves the document alone and skips a value equal to the baseline', () => {
    const before = JSON.stringify(requests);
    const same = applyLevers(requests, sc(), { l: 2 });
    expect(same).toEqual(requests);
    expect(JSON.stringify(requests)).toBe(before);
    expect(applyLevers(requests, sc(), {})).toEqual(requests);
  });
});

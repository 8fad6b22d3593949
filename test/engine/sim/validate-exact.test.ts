import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/engine/sim/scenario.js';
import { validateLeverScenario, validateScenario } from '../../../src/engine/sim/validate.js';

// The scenario file format of docs/simulator.md, field by field: what a document normalises to (times in
// ms, defaults filled in) and the one line each wrong field gets.
type Doc = Record<string, unknown>;
const base: Doc = { name: 'x', duration: '10s', traffic: { rate: 10 }, servers: [{ service: { mean: '5ms' } }] };
const withDep = { dependency: { service: { mean: '5ms' } } };
const doc = (patch: Doc): Doc => {
  const out: Doc = { ...base, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete out[k];
  return out;
};
const server = (fields: Doc) => ({ servers: [{ service: { mean: '5ms' }, ...fields }] });

describe('a request scenario normalised', () => {
  it('the least document takes every default', () => {
    expect(validateScenario(base)).toEqual({
      scenario: {
        kind: 'requests',
        name: 'x',
        description: '',
        seed: 1,
        duration: 10_000,
        warmup: 0,
        traffic: { rate: 10, arrival: 'poisson', clients: 10_000, steps: [] },
        loadBalancer: { strategy: 'round-robin' },
        servers: [{ count: 1, workers: 1, queue: 1000, weight: 1, service: { dist: 'exponential', mean: 5 } }],
        policies: {},
        faults: [],
        apdex: 100,
        levers: [],
        slos: [],
      },
      problems: [],
    });
  });

  it('every field set, every time in ms', () => {
    const { scenario, problems } = validateScenario({
      kind: 'requests',
      name: 'full',
      description: 'd',
      seed: 4_294_967_295,
      duration: '2m',
      warmup: '10s',
      traffic: { rate: 50, arrival: 'constant', clients: 20, steps: [{ at: '30s', rate: 80 }] },
      loadBalancer: { strategy: 'least-connections' },
      servers: [
        { count: 2, workers: 4, queue: 10, weight: 2, service: { dist: 'lognormal', mean: '20ms', p99: '100ms' } },
        { service: { dist: 'constant', mean: 0.01 } },
      ],
      dependency: { workers: 3, queue: 5, service: { dist: 'exponential', mean: '40ms' } },
      cache: { hitRatio: 0.9, latency: '2ms' },
      policies: {
        timeout: '1s',
        retry: { attempts: 3, backoff: 'constant', base: '50ms', max: '1s', jitter: 'full', budget: 0.2 },
        circuitBreaker: {
          failureRateThreshold: 40,
          slowCallDurationThreshold: '2s',
          slowCallRateThreshold: 90,
          slidingWindowSize: 20,
          minimumNumberOfCalls: 10,
          waitDurationInOpenState: '30s',
          permittedNumberOfCallsInHalfOpenState: 3,
        },
        bulkhead: { maxConcurrent: 100 },
      },
      faults: [
        { at: '1m', kind: 'crash', target: 'server-3', duration: '10s' },
        { at: '20s', kind: 'slow', target: 'dependency', factor: 4, duration: '5s' },
        { at: '40s', kind: 'error', target: 'servers', rate: 0.5, duration: '1s' },
      ],
      apdex: { t: '250ms' },
      levers: [],
      slos: [],
      expect: { p95Ms: [0, 1000] },
    });
    expect(problems).toEqual([]);
    expect(scenario).toEqual({
      kind: 'requests',
      name: 'full',
      description: 'd',
      seed: 4_294_967_295,
      duration: 120_000,
      warmup: 10_000,
      traffic: { rate: 50, arrival: 'constant', clients: 20, steps: [{ at: 30_000, rate: 80 }] },
      loadBalancer: { strategy: 'least-connections' },
      servers: [
        { count: 2, workers: 4, queue: 10, weight: 2, service: { dist: 'lognormal', mean: 20, p99: 100 } },
        { count: 1, workers: 1, queue: 1000, weight: 1, service: { dist: 'constant', mean: 10 } },
      ],
      dependency: { workers: 3, queue: 5, service: { dist: 'exponential', mean: 40 } },
      cache: { hitRatio: 0.9, latency: 2 },
      policies: {
        timeout: 1000,
        retry: { attempts: 3, kind: 'constant', base: 50, max: 1000, jitter: 'full', budget: 0.2 },
        circuitBreaker: {
          failureRateThreshold: 40,
          slowCallDurationThreshold: 2000,
          slowCallRateThreshold: 90,
          slidingWindowSize: 20,
          minimumNumberOfCalls: 10,
          waitDurationInOpenState: 30_000,
          permittedNumberOfCallsInHalfOpenState: 3,
        },
        bulkhead: { maxConcurrent: 100 },
      },
      faults: [
        { at: 60_000, kind: 'crash', target: 'server-3', duration: 10_000 },
        { at: 20_000, kind: 'slow', target: 'dependency', factor: 4, duration: 5000 },
        { at: 40_000, kind: 'error', target: 'servers', rate: 0.5, duration: 1000 },
      ],
      apdex: 250,
      levers: [],
      slos: [],
    });
  });

  it('policy defaults: a retry of exponential backoff from 100 ms to 10 s, a breaker with resilience4j defaults', () => {
    const { scenario } = validateScenario(doc({ policies: { retry: { attempts: 2 }, circuitBreaker: {} } }));
    expect(scenario).toMatchObject({
      policies: {
        retry: { attempts: 2, kind: 'exponential', base: 100, max: 10_000, jitter: 'none', budget: undefined },
        circuitBreaker: {
          failureRateThreshold: 50,
          slowCallDurationThreshold: 60_000,
          slowCallRateThreshold: 100,
          slidingWindowSize: 100,
          minimumNumberOfCalls: 100,
          waitDurationInOpenState: 60_000,
          permittedNumberOfCallsInHalfOpenState: 10,
        },
      },
    });
    expect(validateScenario(doc({ dependency: { service: { mean: '1ms' } } })).scenario).toMatchObject({
      dependency: { workers: 10, queue: 1000 },
    });
  });

  it('a breaker kept in the file but off (enabled: false) is no breaker', () => {
    const on = validateScenario(doc({ policies: { circuitBreaker: { enabled: true } } })).scenario;
    const off = validateScenario(doc({ policies: { circuitBreaker: { enabled: false } } })).scenario;
    expect(on).toMatchObject({ policies: { circuitBreaker: { slidingWindowSize: 100 } } });
    expect(off).toMatchObject({ policies: { circuitBreaker: undefined } });
  });

  it.each([
    ['1500ms', 1500],
    ['1.5s', 1500],
    [' 3 s ', 3000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['1y', 31_536_000_000],
    [2.5, 2500],
  ])('a time of %j is %d ms', (time, ms) => {
    expect(validateScenario(doc({ policies: { timeout: time } })).scenario).toMatchObject({
      policies: { timeout: ms },
    });
  });

  it.each<[string, Doc]>([
    ['a seed of 2³² − 1', { seed: 4_294_967_295 }],
    ['workers at the 32-bit limit', server({ workers: 2_147_483_647 })],
    ['a warm-up just under the duration', { warmup: '9s' }],
    [
      'equal weights with round robin',
      {
        servers: [
          { weight: 2, service: { mean: '5ms' } },
          { weight: 2, service: { mean: '5ms' } },
        ],
      },
    ],
    [
      'different weights with weighted round robin',
      {
        loadBalancer: { strategy: 'weighted-round-robin' },
        servers: [{ weight: 2, service: { mean: '5ms' } }, { service: { mean: '5ms' } }],
      },
    ],
    ['10,000 servers', server({ count: 10_000 })],
    ['one simulated day', { duration: '1d', traffic: { rate: 1 } }],
    [
      'exactly the event budget: 100,000/s for 1,000 s, two events each',
      { duration: '1000s', traffic: { rate: 100_000 } },
    ],
    ['a fault on the last server', { faults: [{ at: 0, kind: 'crash', target: 'server-1', duration: '1s' }] }],
    [
      'an error fault on the dependency',
      { ...withDep, faults: [{ at: 0, kind: 'error', target: 'dependency', rate: 1, duration: '1s' }] },
    ],
    [
      'a lognormal P99 15 times its mean at most',
      server({ service: { dist: 'lognormal', mean: '10ms', p99: '140ms' } }),
    ],
    [
      'a breaker at 100%',
      { policies: { circuitBreaker: { failureRateThreshold: 100, slidingWindowSize: 1_000_000 } } },
    ],
    ['a kind of requests', { kind: 'requests' }],
    ['one instance, one worker, no queue', server({ count: 1, workers: 1, queue: 0 })],
    [
      'a fault on server-10 of ten',
      { ...server({ count: 10 }), faults: [{ at: 0, kind: 'crash', target: 'server-10', duration: 1 }] },
    ],
    ['a time to a hundredth of a second', { policies: { timeout: '1.25s' } }],
  ])('%s is fine', (_, patch) => {
    expect(validateScenario(doc(patch)).problems).toEqual([]);
  });
});

describe('a request scenario refused, one line per field', () => {
  it.each<[Doc, string, string]>([
    [{ kind: 'batch' }, 'kind', 'must be requests (the default) or availability'],
    [{ name: undefined }, 'name', 'is required'],
    [{ name: ' ' }, 'name', 'must be text'],
    [{ description: 5 }, 'description', 'must be text'],
    [{ seed: -1 }, 'seed', 'must be at least 0'],
    [{ seed: 1.5 }, 'seed', 'must be a whole number'],
    [{ seed: 4_294_967_296 }, 'seed', 'must be at most 4,294,967,295, not 4294967296'],
    [{ seed: 'one' }, 'seed', 'must be a number, not "one"'],
    [{ duration: undefined }, 'duration', 'is required'],
    [{ duration: 0 }, 'duration', 'must be above 0'],
    [
      { duration: '5 sec' },
      'duration',
      'must be a duration such as "250ms" or "30s" (or a number of seconds), not "5 sec"',
    ],
    [{ warmup: -1 }, 'warmup', 'must be at least 0'],
    [{ seed: Infinity }, 'seed', 'must be a number, not .inf'],
    [
      { duration: Infinity },
      'duration',
      'must be a duration such as "250ms" or "30s" (or a number of seconds), not .inf',
    ],
    [
      { duration: 'about 5s' },
      'duration',
      'must be a duration such as "250ms" or "30s" (or a number of seconds), not "about 5s"',
    ],
    [
      { faults: [{ at: 0, kind: 'crash', target: 'my-server-1', duration: 1 }] },
      'faults[0].target',
      'must be server-1 … server-1, servers or dependency',
    ],
    [
      { faults: [{ at: 0, kind: 'crash', target: 'server-1b', duration: 1 }] },
      'faults[0].target',
      'must be server-1 … server-1, servers or dependency',
    ],
    [{ faults: [{ at: 0, kind: 'crash', target: 'servers' }] }, 'faults[0].duration', 'is required'],
    [{ warmup: '10s' }, 'warmup', 'must be shorter than duration'],
    [{ traffic: undefined }, 'traffic', 'is required'],
    [{ traffic: 5 }, 'traffic', 'must be a mapping'],
    [{ traffic: {} }, 'traffic.rate', 'is required'],
    [{ traffic: { rate: -1 } }, 'traffic.rate', 'must be at least 0'],
    [{ traffic: { rate: 1, arrival: 'bursty' } }, 'traffic.arrival', 'must be one of poisson, constant'],
    [{ traffic: { rate: 1, clients: 0 } }, 'traffic.clients', 'must be at least 1'],
    [{ traffic: { rate: 1, clients: 1.5 } }, 'traffic.clients', 'must be a whole number'],
    [{ traffic: { rate: 1, steps: 'x' } }, 'traffic.steps', 'must be a list'],
    [{ traffic: { rate: 1, steps: [5] } }, 'traffic.steps[0]', 'must be a mapping with at and rate'],
    [{ traffic: { rate: 1, steps: [{ rate: 1 }] } }, 'traffic.steps[0].at', 'is required'],
    [{ traffic: { rate: 1, steps: [{ at: '1s' }] } }, 'traffic.steps[0].rate', 'is required'],
    [{ traffic: { rate: 1, steps: [{ at: '1s', rate: -2 }] } }, 'traffic.steps[0].rate', 'must be at least 0'],
    [{ loadBalancer: 3 }, 'loadBalancer', 'must be a mapping'],
    [
      { loadBalancer: { strategy: 'psychic' } },
      'loadBalancer.strategy',
      'must be one of round-robin, weighted-round-robin, least-connections, ip-hash, random, power-of-two-choices',
    ],
    [{ servers: [] }, 'servers', 'must be a list of at least one server group'],
    [{ servers: 'x' }, 'servers', 'must be a list of at least one server group'],
    [{ servers: [5] }, 'servers[0]', 'must be a mapping'],
    [server({ count: 0 }), 'servers[0].count', 'must be at least 1'],
    [server({ count: 1.5 }), 'servers[0].count', 'must be a whole number'],
    [server({ workers: 0 }), 'servers[0].workers', 'must be at least 1'],
    [server({ workers: 2 ** 31 }), 'servers[0].workers', 'must be at most 2,147,483,647, not 2147483648'],
    [server({ workers: 1.5 }), 'servers[0].workers', 'must be a whole number'],
    [server({ queue: -1 }), 'servers[0].queue', 'must be at least 0'],
    [server({ queue: 2 ** 31 }), 'servers[0].queue', 'must be at most 2,147,483,647, not 2147483648'],
    [server({ queue: 0.5 }), 'servers[0].queue', 'must be a whole number'],
    [server({ weight: 0 }), 'servers[0].weight', 'must be above 0'],
    [{ servers: [{}] }, 'servers[0].service', 'is required'],
    [
      server({ service: { dist: 'gamma', mean: '1ms' } }),
      'servers[0].service.dist',
      'must be one of exponential, constant, lognormal',
    ],
    [server({ service: { dist: 'constant' } }), 'servers[0].service.mean', 'is required'],
    [server({ service: { mean: '0ms' } }), 'servers[0].service.mean', 'must be above 0'],
    [server({ service: { dist: 'lognormal', mean: '10ms' } }), 'servers[0].service.p99', 'is required'],
    [server({ service: { dist: 'lognormal', mean: '10ms', p99: 0 } }), 'servers[0].service.p99', 'must be above 0'],
    [
      server({ service: { dist: 'lognormal', mean: '10ms', p99: '10ms' } }),
      'servers[0].service.p99',
      'no lognormal has mean 10 ms and p99 10 ms: p99 must exceed the mean, by at most e^(2.706) ≈ 15×',
    ],
    [
      server({ service: { dist: 'lognormal', mean: '10ms', p99: '160ms' } }),
      'servers[0].service.p99',
      'no lognormal has mean 10 ms and p99 160 ms: p99 must exceed the mean, by at most e^(2.706) ≈ 15×',
    ],
    [{ dependency: 5 }, 'dependency', 'must be a mapping'],
    [{ dependency: { workers: 0, service: { mean: '1ms' } } }, 'dependency.workers', 'must be at least 1'],
    [{ dependency: { workers: 1.5, service: { mean: '1ms' } } }, 'dependency.workers', 'must be a whole number'],
    [{ dependency: { queue: -1, service: { mean: '1ms' } } }, 'dependency.queue', 'must be at least 0'],
    [{ dependency: { queue: 0.5, service: { mean: '1ms' } } }, 'dependency.queue', 'must be a whole number'],
    [
      { dependency: { service: 5 } },
      'dependency.service',
      'must be a mapping such as { dist: exponential, mean: 20ms }',
    ],
    [
      { cache: { hitRatio: 0.5, latency: '1ms' } },
      'cache',
      'a cache sits in front of a dependency: add dependency too',
    ],
    [{ ...withDep, cache: 5 }, 'cache', 'must be a mapping'],
    [{ ...withDep, cache: { latency: '1ms' } }, 'cache.hitRatio', 'is required'],
    [{ ...withDep, cache: { hitRatio: 1.5, latency: '1ms' } }, 'cache.hitRatio', 'must be at most 1, not 1.5'],
    [{ ...withDep, cache: { hitRatio: -0.1, latency: '1ms' } }, 'cache.hitRatio', 'must be at least 0'],
    [{ ...withDep, cache: { hitRatio: 0.5 } }, 'cache.latency', 'is required'],
    [{ policies: 3 }, 'policies', 'must be a mapping'],
    [{ policies: { timeout: '0ms' } }, 'policies.timeout', 'must be above 0'],
    [{ policies: { retry: 3 } }, 'policies.retry', 'must be a mapping'],
    [{ policies: { retry: {} } }, 'policies.retry.attempts', 'is required'],
    [{ policies: { retry: { attempts: 0 } } }, 'policies.retry.attempts', 'must be at least 1'],
    [{ policies: { retry: { attempts: 1.5 } } }, 'policies.retry.attempts', 'must be a whole number'],
    [
      { policies: { retry: { attempts: 2, backoff: 'linear' } } },
      'policies.retry.backoff',
      'must be one of exponential, constant',
    ],
    [{ policies: { retry: { attempts: 2, base: -1 } } }, 'policies.retry.base', 'must be at least 0'],
    [
      { policies: { retry: { attempts: 2, max: 'long' } } },
      'policies.retry.max',
      'must be a duration such as "250ms" or "30s" (or a number of seconds), not "long"',
    ],
    [
      { policies: { retry: { attempts: 2, jitter: 'some' } } },
      'policies.retry.jitter',
      'must be one of none, full, equal, decorrelated',
    ],
    [{ policies: { retry: { attempts: 2, budget: 11 } } }, 'policies.retry.budget', 'must be at most 10, not 11'],
    [{ policies: { retry: { attempts: 2, budget: -1 } } }, 'policies.retry.budget', 'must be at least 0'],
    [{ policies: { circuitBreaker: 3 } }, 'policies.circuitBreaker', 'must be a mapping'],
    [
      { policies: { circuitBreaker: { failureRateThreshold: 0 } } },
      'policies.circuitBreaker.failureRateThreshold',
      'must be above 0',
    ],
    [
      { policies: { circuitBreaker: { slowCallRateThreshold: 101 } } },
      'policies.circuitBreaker.slowCallRateThreshold',
      'must be at most 100, not 101',
    ],
    [
      { policies: { circuitBreaker: { slidingWindowSize: 0 } } },
      'policies.circuitBreaker.slidingWindowSize',
      'must be at least 1',
    ],
    [
      { policies: { circuitBreaker: { minimumNumberOfCalls: 1_000_001 } } },
      'policies.circuitBreaker.minimumNumberOfCalls',
      'must be at most 1,000,000, not 1000001',
    ],
    [
      { policies: { circuitBreaker: { permittedNumberOfCallsInHalfOpenState: 2.5 } } },
      'policies.circuitBreaker.permittedNumberOfCallsInHalfOpenState',
      'must be a whole number',
    ],
    [
      { policies: { circuitBreaker: { slowCallDurationThreshold: 'slow' } } },
      'policies.circuitBreaker.slowCallDurationThreshold',
      'must be a duration such as "250ms" or "30s" (or a number of seconds), not "slow"',
    ],
    [
      { policies: { circuitBreaker: { waitDurationInOpenState: -1 } } },
      'policies.circuitBreaker.waitDurationInOpenState',
      'must be at least 0',
    ],
    [
      { policies: { circuitBreaker: { enabled: 'yes' } } },
      'policies.circuitBreaker.enabled',
      'must be true or false, not "yes"',
    ],
    [{ policies: { bulkhead: 3 } }, 'policies.bulkhead', 'must be a mapping'],
    [{ policies: { bulkhead: {} } }, 'policies.bulkhead.maxConcurrent', 'is required'],
    [{ policies: { bulkhead: { maxConcurrent: 0 } } }, 'policies.bulkhead.maxConcurrent', 'must be at least 1'],
    [{ policies: { bulkhead: { maxConcurrent: 1.5 } } }, 'policies.bulkhead.maxConcurrent', 'must be a whole number'],
    [{ faults: 'x' }, 'faults', 'must be a list'],
    [{ faults: [5] }, 'faults[0]', 'must be a mapping with at, kind, target and duration'],
    [
      { faults: [{ at: 0, kind: 'flood', target: 'servers', duration: 1 }] },
      'faults[0].kind',
      'must be one of crash, slow, error',
    ],
    [{ faults: [{ at: 0, kind: 'crash', duration: 1 }] }, 'faults[0].target', 'is required'],
    [
      { faults: [{ at: 0, kind: 'slow', target: 'dependency', factor: 2, duration: 1 }] },
      'faults[0].target',
      'the scenario has no dependency',
    ],
    [
      { ...withDep, faults: [{ at: 0, kind: 'crash', target: 'dependency', duration: 1 }] },
      'faults[0].target',
      'crash targets a server (server-N); slow or fail the dependency instead',
    ],
    [
      { faults: [{ at: 0, kind: 'crash', target: 'server-2', duration: 1 }] },
      'faults[0].target',
      'must be server-1 … server-1, servers or dependency',
    ],
    [
      { faults: [{ at: 0, kind: 'crash', target: 'server-0', duration: 1 }] },
      'faults[0].target',
      'must be server-1 … server-1, servers or dependency',
    ],
    [
      { faults: [{ at: 0, kind: 'crash', target: 'db', duration: 1 }] },
      'faults[0].target',
      'must be server-1 … server-1, servers or dependency',
    ],
    [{ faults: [{ kind: 'crash', target: 'servers', duration: 1 }] }, 'faults[0].at', 'is required'],
    [{ faults: [{ at: 0, kind: 'crash', target: 'servers', duration: 0 }] }, 'faults[0].duration', 'must be above 0'],
    [{ faults: [{ at: 0, kind: 'slow', target: 'servers', duration: 1 }] }, 'faults[0].factor', 'is required'],
    [
      { faults: [{ at: 0, kind: 'slow', target: 'servers', factor: 0, duration: 1 }] },
      'faults[0].factor',
      'must be above 0',
    ],
    [{ faults: [{ at: 0, kind: 'error', target: 'servers', duration: 1 }] }, 'faults[0].rate', 'is required'],
    [
      { faults: [{ at: 0, kind: 'error', target: 'servers', rate: 1.5, duration: 1 }] },
      'faults[0].rate',
      'must be at most 1, not 1.5',
    ],
    [{ apdex: 5 }, 'apdex', 'must be a mapping such as { t: 100ms }'],
    [{ apdex: {} }, 'apdex.t', 'is required'],
    [{ apdex: { t: 0 } }, 'apdex.t', 'must be above 0'],
    [
      { servers: [{ weight: 2, service: { mean: '5ms' } }, { service: { mean: '5ms' } }] },
      'loadBalancer.strategy',
      'round-robin ignores weights: use weighted-round-robin, least-connections or power-of-two-choices, or give every group the same weight',
    ],
    [
      {
        loadBalancer: { strategy: 'ip-hash' },
        servers: [{ service: { mean: '5ms' } }, { weight: 3, service: { mean: '5ms' } }],
      },
      'loadBalancer.strategy',
      'ip-hash ignores weights: use weighted-round-robin, least-connections or power-of-two-choices, or give every group the same weight',
    ],
    [
      {
        loadBalancer: { strategy: 'random' },
        servers: [{ service: { mean: '5ms' } }, { weight: 3, service: { mean: '5ms' } }],
      },
      'loadBalancer.strategy',
      'random ignores weights: use weighted-round-robin, least-connections or power-of-two-choices, or give every group the same weight',
    ],
    [server({ count: 10_001 }), 'servers', '10,001 servers in all, over the limit of 10,000'],
    [
      { duration: '86401s', traffic: { rate: 1 } },
      'duration',
      '86,401 s of simulated time, over the limit of 86,400 s (one day: the result has a row per second)',
    ],
    [
      { duration: '1000s', traffic: { rate: 100_001 } },
      'traffic.rate',
      'would take about 200,002,000 events, over the budget of 200,000,000: shorten duration or lower traffic.rate',
    ],
  ])('%j: %s %s', (patch, field, message) => {
    const { scenario, problems } = validateScenario(doc(patch));
    expect(scenario).toBeUndefined();
    expect(problems).toContainEqual({ field, message });
  });

  it.each<[Doc, string]>([
    [{ colour: 'blue' }, 'colour'],
    [{ traffic: { rate: 1, burst: 2 } }, 'traffic.burst'],
    [{ traffic: { rate: 1, steps: [{ at: 1, rate: 1, x: 1 }] } }, 'traffic.steps[0].x'],
    [server({ cpu: 2 }), 'servers[0].cpu'],
    [server({ service: { mean: '1ms', shape: 2 } }), 'servers[0].service.shape'],
    [{ dependency: { service: { mean: '1ms' }, pool: 1 } }, 'dependency.pool'],
    [{ ...withDep, cache: { hitRatio: 0.5, latency: 1, ttl: 1 } }, 'cache.ttl'],
    [{ policies: { retries: 1 } }, 'policies.retries'],
    [{ policies: { retry: { attempts: 2, delay: 1 } } }, 'policies.retry.delay'],
    [{ policies: { circuitBreaker: { colour: 1 } } }, 'policies.circuitBreaker.colour'],
    [{ policies: { bulkhead: { maxConcurrent: 1, queue: 1 } } }, 'policies.bulkhead.queue'],
    [{ faults: [{ at: 0, kind: 'crash', target: 'servers', duration: 1, why: 'x' }] }, 'faults[0].why'],
  ])('%j: unknown field %s', (patch, field) => {
    const { problems } = validateScenario(doc(patch));
    expect(problems.find((p) => p.field === field)?.message).toMatch(/^unknown field \(known: .+\)$/);
  });

  it.each<[Doc, string, string]>([
    [{ servers: [] }, 'servers', 'must be a list of at least one server group'],
    [{ faults: 'x' }, 'faults', 'must be a list'],
    [{ traffic: { rate: 1, steps: 'x' } }, 'traffic.steps', 'must be a list'],
  ])('%j: that one line and no other', (patch, field, message) => {
    expect(validateScenario(doc(patch)).problems).toEqual([{ field, message }]);
  });

  it('an unknown field names every known one', () => {
    expect(validateScenario(doc({ colour: 1 })).problems).toEqual([
      {
        field: 'colour',
        message:
          'unknown field (known: kind, name, description, seed, duration, warmup, traffic, loadBalancer, servers, dependency, cache, policies, faults, apdex, levers, slos, expect)',
      },
    ]);
  });

  it('a dynamics kind is validated by its own reader', () => {
    const kafka = {
      kind: 'kafka',
      name: 'k',
      duration: '1m',
      producer: { rate: 10 },
      topic: { partitions: 1 },
      consumers: { count: 1, processing: { mean: '1ms' } },
    };
    expect(validateScenario(kafka).scenario?.kind).toBe('kafka');
  });

  it('the limits are checked only on an otherwise valid scenario', () => {
    expect(validateScenario(doc({ seed: -1, ...server({ count: 20_000 }) })).problems).toEqual([
      { field: 'seed', message: 'must be at least 0' },
    ]);
  });

  it('not a mapping at all', () => {
    expect(validateScenario('x')).toEqual({
      problems: [{ field: '', message: 'a scenario must be a mapping of fields' }],
    });
    expect(validateScenario(null).problems).toHaveLength(1);
    expect(validateScenario([]).problems).toHaveLength(1);
  });

  it('the lever tools take every kind: a request scenario, as validateScenario reads it', () => {
    expect(validateLeverScenario(base)).toEqual(validateScenario(base));
  });

  it('levers and SLOs are read once the rest is valid', () => {
    const slos = [{ name: 'fast', metric: 'latencyMs.p95', max: 100 }];
    expect((validateScenario(doc({ slos })).scenario as Scenario | undefined)?.slos).toEqual(slos);
    expect(validateScenario(doc({ slos: 5 }))).toEqual({
      problems: [{ field: 'slos', message: 'must be a list of objectives' }],
    });
  });
});

describe('an availability scenario', () => {
  const avail = (patch: Doc = {}, component: Doc = {}): Doc => ({
    kind: 'availability',
    name: 'a',
    components: [{ name: 'db', mtbf: '100h', mttr: '1h', ...component }],
    ...patch,
  });

  it('defaults: a year, 200 trials, one instance needed of one', () => {
    expect(validateScenario(avail())).toEqual({
      scenario: {
        kind: 'availability',
        name: 'a',
        description: '',
        seed: 1,
        horizonHours: 8760,
        trials: 200,
        components: [
          { name: 'db', mtbfHours: 100, mttrHours: 1, count: 1, needed: 1, mode: 'active-active', failoverSeconds: 0 },
        ],
        levers: [],
        slos: [],
      },
      problems: [],
    });
  });

  it('every field set: hours, a target in percent, active-passive needs one', () => {
    const { scenario, problems } = validateScenario({
      kind: 'availability',
      name: 'av',
      description: 'd',
      seed: 3,
      horizon: '1d',
      trials: 10,
      target: 99.9,
      components: [
        { name: 'api', mtbf: '100h', mttr: '30m', count: 3, needed: 2, mode: 'active-active' },
        { name: 'db', mtbf: '1000h', mttr: '1h', count: 2, needed: 2, mode: 'active-passive', failover: '30s' },
      ],
    });
    expect(problems).toEqual([]);
    expect(scenario).toEqual({
      kind: 'availability',
      name: 'av',
      description: 'd',
      seed: 3,
      horizonHours: 24,
      trials: 10,
      target: expect.closeTo(0.999, 12),
      components: [
        { name: 'api', mtbfHours: 100, mttrHours: 0.5, count: 3, needed: 2, mode: 'active-active', failoverSeconds: 0 },
        { name: 'db', mtbfHours: 1000, mttrHours: 1, count: 2, needed: 1, mode: 'active-passive', failoverSeconds: 30 },
      ],
      levers: [],
      slos: [],
    });
  });

  it.each<[Doc, Doc, string, string]>([
    [{ components: [] }, {}, 'components', 'must be a list of at least one component'],
    [{ components: 'db' }, {}, 'components', 'must be a list of at least one component'],
    [{ components: [5] }, {}, 'components[0]', 'must be a mapping'],
    [{ name: undefined }, {}, 'name', 'is required'],
    [{ description: 3 }, {}, 'description', 'must be text'],
    [{ seed: 4_294_967_296 }, {}, 'seed', 'must be at most 4,294,967,295, not 4294967296'],
    [{ seed: 0.5 }, {}, 'seed', 'must be a whole number'],
    [{ horizon: 0 }, {}, 'horizon', 'must be above 0'],
    [{ trials: 0 }, {}, 'trials', 'must be at least 1'],
    [{ trials: 1.5 }, {}, 'trials', 'must be a whole number'],
    [{ target: 0 }, {}, 'target', 'must be above 0'],
    [{ target: 100.5 }, {}, 'target', 'must be at most 100, not 100.5'],
    [{}, { name: undefined }, 'components[0].name', 'is required'],
    [{}, { mtbf: undefined }, 'components[0].mtbf', 'is required'],
    [{}, { mttr: undefined }, 'components[0].mttr', 'is required'],
    [{}, { mttr: 0 }, 'components[0].mttr', 'must be above 0'],
    [{}, { mtbf: 0 }, 'components[0].mtbf', 'must be above 0'],
    [{}, { count: 0 }, 'components[0].count', 'must be at least 1'],
    [{}, { count: 1.5 }, 'components[0].count', 'must be a whole number'],
    [{}, { needed: 0 }, 'components[0].needed', 'must be at least 1'],
    [{}, { needed: 1.5 }, 'components[0].needed', 'must be a whole number'],
    [{}, { count: 2, needed: 3 }, 'components[0].needed', 'cannot exceed count (2)'],
    [{}, { mode: 'hot' }, 'components[0].mode', 'must be one of active-active, active-passive'],
    [{}, { failover: -1 }, 'components[0].failover', 'must be at least 0'],
    [
      { trials: 10 },
      { count: 1000, mtbf: '1h', mttr: '1h' },
      'trials',
      '10 trials of 8760 h would take about 87,610,000 failures and repairs, over the budget of 50,000,000: fewer trials or a shorter horizon',
    ],
  ])('%j %j: %s %s', (patch, component, field, message) => {
    const raw = avail(patch, component);
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete raw[k];
    const c = (raw.components as Doc[] | undefined)?.[0];
    if (c && typeof c === 'object') for (const [k, v] of Object.entries(component)) if (v === undefined) delete c[k];
    const { scenario, problems } = validateScenario(raw);
    expect(scenario).toBeUndefined();
    expect(problems).toContainEqual({ field, message });
  });

  it.each<[Doc, string]>([
    [{ servers: [] }, 'servers'],
    [{ components: [{ name: 'db', mtbf: '1h', mttr: '1h', zone: 'a' }] }, 'components[0].zone'],
  ])('%j: unknown field %s', (patch, field) => {
    const { problems } = validateScenario(avail(patch));
    expect(problems.find((p) => p.field === field)?.message).toMatch(/^unknown field \(known: .+\)$/);
  });

  it('the budget is checked only on an otherwise valid scenario; levers, SLOs and claims are known fields', () => {
    expect(validateScenario(avail({ seed: -1, trials: 1e9 })).problems).toEqual([
      { field: 'seed', message: 'must be at least 0' },
    ]);
    expect(validateScenario(avail({ components: [] })).problems).toEqual([
      { field: 'components', message: 'must be a list of at least one component' },
    ]);
    expect(validateScenario(avail({ levers: [], slos: [], expect: { availability: [99, 100] } })).problems).toEqual([]);
  });

  it('at the edges: count equal to needed, half the budget, a target of 100%', () => {
    expect(validateScenario(avail({ target: 100 }, { count: 2, needed: 2 })).problems).toEqual([]);
    expect(validateScenario(avail({ trials: 5 }, { count: 1000, mtbf: '1h', mttr: '1h' })).problems).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { isDynamicKind, isDynamicScenario, validateDynamic } from '../../../src/engine/sim/dynamics.js';

// The dynamics kinds' file formats (docs/simulator-dynamics.md), field by field: what each document
// normalises to (times in ms, defaults filled in) and the one line each wrong field gets.
type Doc = Record<string, unknown>;
const svc = { dist: 'constant', mean: '10ms' };
const norm = { dist: 'constant', mean: 10 };
const poisson = (rate: number) => ({ rate, arrival: 'poisson', steps: [] });

const least: Record<string, Doc> = {
  kafka: {
    kind: 'kafka',
    name: 'k',
    duration: '1m',
    producer: { rate: 10 },
    topic: { partitions: 3 },
    consumers: { count: 2, processing: svc },
  },
  gateway: {
    kind: 'gateway',
    name: 'g',
    duration: '1m',
    traffic: { rate: 10 },
    server: { service: svc },
    timeout: '1s',
  },
  cache: {
    kind: 'cache',
    name: 'c',
    duration: '1m',
    traffic: { rate: 10 },
    keys: { count: 100 },
    cache: { ttl: '10s' },
    database: { workers: 2, service: svc },
  },
  hedge: {
    kind: 'hedge',
    name: 'h',
    duration: '1m',
    traffic: { rate: 10 },
    replicas: 2,
    server: { service: svc },
    hedge: { after: '20ms' },
  },
  'closed-loop': { kind: 'closed-loop', name: 'cl', duration: '1m', users: 5, server: { service: svc } },
  metastable: {
    kind: 'metastable',
    name: 'm',
    scenario: {
      duration: '1m',
      traffic: { rate: 10 },
      servers: [{ service: svc }],
      faults: [
        { at: '20s', kind: 'slow', target: 'servers', factor: 3, duration: '5s' },
        { at: '10s', kind: 'error', target: 'servers', rate: 0.5, duration: '2s' },
      ],
    },
    variants: [{ name: 'plain' }, { name: 'budget', set: { 'policies.retry': { attempts: 3, budget: 0.1 } } }],
  },
};
const patch = (kind: string, p: Doc): Doc => {
  const out: Doc = { ...least[kind], ...p };
  for (const [k, v] of Object.entries(p)) if (v === undefined) delete out[k];
  return out;
};

describe('the least document of each kind, with its defaults', () => {
  it.each<[string, Doc]>([
    [
      'kafka',
      {
        kind: 'kafka',
        name: 'k',
        description: '',
        seed: 1,
        duration: 60_000,
        producer: { ...poisson(10), keys: 10_000, partitioner: 'hash' },
        topic: { partitions: 3 },
        consumers: { count: 2, processing: norm },
        group: { sessionTimeout: 45_000, rebalancePause: 3000, commitInterval: 5000 },
        faults: [],
      },
    ],
    [
      'gateway',
      {
        kind: 'gateway',
        name: 'g',
        description: '',
        seed: 1,
        duration: 60_000,
        warmup: 0,
        traffic: poisson(10),
        server: { workers: 1, service: norm },
        instances: 1,
        zones: 1,
        faults: [],
        queue: { limit: 1000, discipline: 'fifo' },
        timeout: 1000,
      },
    ],
    [
      'cache',
      {
        kind: 'cache',
        name: 'c',
        description: '',
        seed: 1,
        duration: 60_000,
        warmup: 0,
        traffic: poisson(10),
        keys: { count: 100, zipf: 1 },
        cache: {
          ttl: 10_000,
          ttlJitter: 0,
          hitLatency: 1,
          start: 'cold',
          singleFlight: false,
          staleWhileRevalidate: 0,
        },
        database: { workers: 2, queue: 1000, service: norm },
      },
    ],
    [
      'hedge',
      {
        kind: 'hedge',
        name: 'h',
        description: '',
        seed: 1,
        duration: 60_000,
        warmup: 0,
        traffic: poisson(10),
        replicas: 2,
        server: { workers: 1, service: norm },
        hedge: { after: 20, cancel: true },
      },
    ],
    [
      'closed-loop',
      {
        kind: 'closed-loop',
        name: 'cl',
        description: '',
        seed: 1,
        duration: 60_000,
        warmup: 0,
        users: 5,
        think: { dist: 'constant', mean: 0 },
        server: { workers: 1, service: norm },
        stalls: [],
      },
    ],
  ])('%s', (kind, scenario) => {
    const out = validateDynamic(least[kind]);
    expect(out.problems).toEqual([]);
    // A document without levers or SLOs has none (the lever tools read them after the model).
    expect(out.scenario).toEqual({ ...scenario, levers: [], slos: [] });
  });

  it('metastable: each variant a request scenario; the trigger from the first fault to the last end', () => {
    const out = validateDynamic(least.metastable);
    expect(out.problems).toEqual([]);
    const sc = out.scenario!;
    if (sc.kind !== 'metastable') throw new Error(sc.kind);
    expect([sc.name, sc.description, sc.seed, sc.healthyErrorRate, sc.trigger]).toEqual([
      'm',
      '',
      1,
      0.05,
      { from: 10_000, to: 25_000 },
    ]);
    expect(
      sc.variants.map((v) => [v.name, v.scenario.name, v.scenario.seed, v.scenario.policies.retry?.budget]),
    ).toEqual([
      ['plain', 'm', 1, undefined],
      ['budget', 'm', 1, 0.1],
    ]);
  });
});

describe('every field set', () => {
  it('kafka', () => {
    const out = validateDynamic({
      ...least.kafka,
      description: 'd',
      seed: 9,
      producer: { rate: 10, arrival: 'constant', keys: 50, partitioner: 'least-bytes' },
      group: { sessionTimeout: '10s', rebalancePause: '1s', commitInterval: '2s' },
      faults: [
        { at: '5s', kind: 'crash', target: 'consumer-2', duration: '30s' },
        { at: '1s', kind: 'slow', target: 'consumer-1', factor: 4, duration: '3s' },
      ],
    });
    expect(out.problems).toEqual([]);
    expect(out.scenario).toMatchObject({
      description: 'd',
      seed: 9,
      producer: { rate: 10, arrival: 'constant', keys: 50, partitioner: 'least-bytes' },
      group: { sessionTimeout: 10_000, rebalancePause: 1000, commitInterval: 2000 },
      faults: [
        { at: 5000, kind: 'crash', consumer: 1, duration: 30_000 },
        { at: 1000, kind: 'slow', consumer: 0, factor: 4, duration: 3000 },
      ],
    });
  });

  it('gateway', () => {
    const out = validateDynamic({
      ...least.gateway,
      description: 'd',
      seed: 2,
      warmup: '10s',
      rateLimit: { rate: 50, burst: 5 },
      server: { workers: 8, service: svc },
      instances: 4,
      zones: 2,
      faults: [{ at: '30s', kind: 'zone-down', zone: 2, duration: '10s' }],
      autoscale: { target: 0.6, min: 2, max: 8 },
      queue: { limit: 50, discipline: 'lifo', maxAge: '500ms' },
    });
    expect(out.problems).toEqual([]);
    expect(out.scenario).toMatchObject({
      warmup: 10_000,
      rateLimit: { rate: 50, burst: 5 },
      server: { workers: 8 },
      instances: 4,
      zones: 2,
      faults: [{ at: 30_000, kind: 'zone-down', zone: 1, duration: 10_000 }],
      autoscale: { target: 0.6, min: 2, max: 8, interval: 15_000 },
      queue: { limit: 50, discipline: 'lifo', maxAge: 500 },
    });
  });

  it('cache', () => {
    const out = validateDynamic({
      ...least.cache,
      warmup: '5s',
      keys: { count: 100, zipf: 0 },
      cache: {
        ttl: '10s',
        ttlJitter: 0.2,
        hitLatency: '2ms',
        start: 'warm',
        singleFlight: true,
        staleWhileRevalidate: '1s',
      },
      database: { workers: 2, queue: 0, service: svc },
    });
    expect(out.problems).toEqual([]);
    expect(out.scenario).toMatchObject({
      warmup: 5000,
      keys: { count: 100, zipf: 0 },
      cache: {
        ttl: 10_000,
        ttlJitter: 0.2,
        hitLatency: 2,
        start: 'warm',
        singleFlight: true,
        staleWhileRevalidate: 1000,
      },
      database: { queue: 0 },
    });
  });

  it('hedge and closed-loop', () => {
    expect(
      validateDynamic({
        ...least.hedge,
        replicas: 3,
        server: { workers: 2, service: svc },
        hedge: { after: 0.05, cancel: false },
      }).scenario,
    ).toMatchObject({ replicas: 3, server: { workers: 2 }, hedge: { after: 50, cancel: false } });
    expect(
      validateDynamic({
        ...least['closed-loop'],
        think: { dist: 'exponential', mean: '1s' },
        server: { workers: 3, service: svc },
        stalls: [
          { at: '30s', duration: '2s' },
          { at: '10s', duration: '1s' },
        ],
      }).scenario,
    ).toMatchObject({
      think: { dist: 'exponential', mean: 1000 },
      server: { workers: 3 },
      stalls: [
        { at: 10_000, duration: 1000 },
        { at: 30_000, duration: 2000 },
      ],
    });
  });
});

describe('refused, one line per field', () => {
  it.each<[string, Doc, string, string]>([
    ['kafka', { producer: undefined }, 'producer', 'is required'],
    ['kafka', { topic: {} }, 'topic.partitions', 'is required'],
    ['kafka', { topic: { partitions: 0 } }, 'topic.partitions', 'must be at least 1'],
    ['kafka', { topic: { partitions: 10_001 } }, 'topic.partitions', 'must be at most 10,000'],
    ['kafka', { consumers: { processing: svc } }, 'consumers.count', 'is required'],
    ['kafka', { consumers: { count: 1001, processing: svc } }, 'consumers.count', 'must be at most 1,000'],
    ['kafka', { producer: { rate: 10, keys: 0 } }, 'producer.keys', 'must be at least 1'],
    ['kafka', { producer: { rate: 10, keys: 1_000_001 } }, 'producer.keys', 'must be at most 1,000,000'],
    [
      'kafka',
      { producer: { rate: 10, partitioner: 'sticky' } },
      'producer.partitioner',
      'must be one of hash, least-bytes',
    ],
    ['kafka', { group: { sessionTimeout: 0 } }, 'group.sessionTimeout', 'must be above 0'],
    ['kafka', { group: { commitInterval: 0 } }, 'group.commitInterval', 'must be above 0'],
    ['kafka', { group: { rebalancePause: -1 } }, 'group.rebalancePause', 'must be at least 0'],
    ['kafka', { faults: [5] }, 'faults[0]', 'must be a mapping with at, kind, target and duration'],
    [
      'kafka',
      { faults: [{ at: 0, kind: 'crash', target: 'consumer-3', duration: 1 }] },
      'faults[0].target',
      'must be consumer-1 … consumer-2',
    ],
    [
      'kafka',
      { faults: [{ at: 0, kind: 'crash', target: 'consumer-0', duration: 1 }] },
      'faults[0].target',
      'must be consumer-1 … consumer-2',
    ],
    [
      'kafka',
      { faults: [{ at: 0, kind: 'crash', target: 'broker', duration: 1 }] },
      'faults[0].target',
      'must be consumer-1 … consumer-2',
    ],
    ['kafka', { faults: [{ at: 0, kind: 'crash', duration: 1 }] }, 'faults[0].target', 'is required'],
    [
      'kafka',
      { faults: [{ at: 0, kind: 'flood', target: 'consumer-1', duration: 1 }] },
      'faults[0].kind',
      'must be one of crash, slow',
    ],
    ['kafka', { faults: [{ kind: 'crash', target: 'consumer-1', duration: 1 }] }, 'faults[0].at', 'is required'],
    [
      'kafka',
      { faults: [{ at: 0, kind: 'crash', target: 'consumer-1', duration: 0 }] },
      'faults[0].duration',
      'must be above 0',
    ],
    [
      'kafka',
      { faults: [{ at: 0, kind: 'slow', target: 'consumer-1', duration: 1 }] },
      'faults[0].factor',
      'is required',
    ],
    [
      'kafka',
      { faults: [{ at: 0, kind: 'slow', target: 'consumer-1', factor: 0, duration: 1 }] },
      'faults[0].factor',
      'must be above 0',
    ],
    [
      'kafka',
      { producer: { rate: 20_001 }, duration: '1000s' },
      'producer.rate',
      'would produce about 20,001,000 messages, over the limit of 20,000,000: shorten duration or lower the rate',
    ],
    ['gateway', { zones: 0 }, 'zones', 'must be at least 1'],
    ['gateway', { zones: 101 }, 'zones', 'must be at most 100'],
    ['gateway', { instances: 0 }, 'instances', 'must be at least 1'],
    ['gateway', { instances: 10_001 }, 'instances', 'must be at most 10,000'],
    ['gateway', { timeout: undefined }, 'timeout', 'is required'],
    ['gateway', { timeout: 0 }, 'timeout', 'must be above 0'],
    ['gateway', { server: { workers: 0, service: svc } }, 'server.workers', 'must be at least 1'],
    ['gateway', { server: { workers: 100_001, service: svc } }, 'server.workers', 'must be at most 100,000'],
    ['gateway', { rateLimit: { burst: 1 } }, 'rateLimit.rate', 'is required'],
    ['gateway', { rateLimit: { rate: 0, burst: 1 } }, 'rateLimit.rate', 'must be above 0'],
    ['gateway', { rateLimit: { rate: 1 } }, 'rateLimit.burst', 'is required'],
    ['gateway', { rateLimit: { rate: 1, burst: 0 } }, 'rateLimit.burst', 'must be at least 1'],
    ['gateway', { queue: { limit: -1 } }, 'queue.limit', 'must be at least 0'],
    ['gateway', { queue: { limit: 10_000_001 } }, 'queue.limit', 'must be at most 10,000,000'],
    ['gateway', { queue: { discipline: 'random' } }, 'queue.discipline', 'must be one of fifo, lifo'],
    ['gateway', { queue: { maxAge: 0 } }, 'queue.maxAge', 'must be above 0'],
    [
      'gateway',
      { faults: [5] },
      'faults[0]',
      'must be a mapping such as { at: 60s, kind: zone-down, zone: 2, duration: 5m }',
    ],
    ['gateway', { faults: [{ at: 0, zone: 1, duration: 1 }] }, 'faults[0].kind', 'is required (zone-down)'],
    [
      'gateway',
      { faults: [{ at: 0, kind: 'fire', zone: 1, duration: 1 }] },
      'faults[0].kind',
      'must be one of zone-down',
    ],
    [
      'gateway',
      { faults: [{ at: 0, kind: 'zone-down', zone: 2, duration: 1 }] },
      'faults[0].zone',
      'must be at most 1',
    ],
    [
      'gateway',
      { faults: [{ at: 0, kind: 'zone-down', zone: 0, duration: 1 }] },
      'faults[0].zone',
      'must be at least 1',
    ],
    ['gateway', { faults: [{ at: 0, kind: 'zone-down', duration: 1 }] }, 'faults[0].zone', 'is required'],
    ['gateway', { faults: [{ kind: 'zone-down', zone: 1, duration: 1 }] }, 'faults[0].at', 'is required'],
    [
      'gateway',
      { faults: [{ at: 0, kind: 'zone-down', zone: 1, duration: 0 }] },
      'faults[0].duration',
      'must be above 0',
    ],
    ['gateway', { warmup: '1m' }, 'warmup', 'must be shorter than duration'],
    [
      'gateway',
      { traffic: { rate: 20_001 }, duration: '1000s' },
      'traffic.rate',
      'would offer about 20,001,000 requests, over the limit of 20,000,000: shorten duration or lower the rate',
    ],
    ['cache', { keys: {} }, 'keys.count', 'is required'],
    ['cache', { keys: { count: 1_000_001 } }, 'keys.count', 'must be at most 1,000,000'],
    ['cache', { keys: { count: 1, zipf: 5.5 } }, 'keys.zipf', 'must be at most 5'],
    ['cache', { keys: { count: 1, zipf: -1 } }, 'keys.zipf', 'must be at least 0'],
    ['cache', { cache: {} }, 'cache.ttl', 'is required'],
    ['cache', { cache: { ttl: 0 } }, 'cache.ttl', 'must be above 0'],
    ['cache', { cache: { ttl: 1, ttlJitter: 1.5 } }, 'cache.ttlJitter', 'must be at most 1'],
    ['cache', { cache: { ttl: 1, hitLatency: -1 } }, 'cache.hitLatency', 'must be at least 0'],
    ['cache', { cache: { ttl: 1, start: 'hot' } }, 'cache.start', 'must be one of cold, warm'],
    ['cache', { cache: { ttl: 1, singleFlight: 'yes' } }, 'cache.singleFlight', 'must be true or false, not "yes"'],
    ['cache', { cache: { ttl: 1, staleWhileRevalidate: -1 } }, 'cache.staleWhileRevalidate', 'must be at least 0'],
    ['cache', { database: { service: svc } }, 'database.workers', 'is required'],
    ['cache', { database: { workers: 100_001, service: svc } }, 'database.workers', 'must be at most 100,000'],
    ['cache', { database: { workers: 1, queue: -1, service: svc } }, 'database.queue', 'must be at least 0'],
    ['cache', { database: { workers: 1 } }, 'database.service', 'is required'],
    ['cache', { warmup: '1m' }, 'warmup', 'must be shorter than duration'],
    [
      'cache',
      { traffic: { rate: 20_001 }, duration: '1000s' },
      'traffic.rate',
      'would offer over 20,000,000 requests: shorten duration or lower the rate',
    ],
    ['hedge', { replicas: undefined }, 'replicas', 'is required'],
    ['hedge', { replicas: 1 }, 'replicas', 'must be at least 2'],
    ['hedge', { replicas: 1001 }, 'replicas', 'must be at most 1,000'],
    ['hedge', { hedge: {} }, 'hedge.after', 'is required'],
    ['hedge', { hedge: { after: 0 } }, 'hedge.after', 'must be above 0'],
    ['hedge', { hedge: { after: 1, cancel: 1 } }, 'hedge.cancel', 'must be true or false, not 1'],
    ['hedge', { server: { workers: 0, service: svc } }, 'server.workers', 'must be at least 1'],
    ['hedge', { warmup: '1m' }, 'warmup', 'must be shorter than duration'],
    [
      'hedge',
      { traffic: { rate: 2001 }, duration: '1000s' },
      'traffic.rate',
      'would offer over 2,000,000 requests (each run twice, with and without hedging): shorten duration or lower the rate',
    ],
    ['closed-loop', { users: undefined }, 'users', 'is required'],
    ['closed-loop', { users: 0 }, 'users', 'must be at least 1'],
    ['closed-loop', { users: 100_001 }, 'users', 'must be at most 100,000'],
    ['closed-loop', { think: 5 }, 'think', 'must be a mapping such as { dist: exponential, mean: 20ms }'],
    ['closed-loop', { server: { workers: 0, service: svc } }, 'server.workers', 'must be at least 1'],
    ['closed-loop', { stalls: [5] }, 'stalls[0]', 'must be a mapping with at and duration'],
    ['closed-loop', { stalls: [{ duration: 1 }] }, 'stalls[0].at', 'is required'],
    ['closed-loop', { stalls: [{ at: 1, duration: 0 }] }, 'stalls[0].duration', 'must be above 0'],
    ['closed-loop', { warmup: '1m' }, 'warmup', 'must be shorter than duration'],
    // 1,000 users at 10 ms each: 100,000/s for 201 s.
    [
      'closed-loop',
      { users: 1000, duration: '201s' },
      'users',
      'would send about 20,100,000 requests, over the limit of 20,000,000: fewer users or a shorter duration',
    ],
    ['metastable', { scenario: undefined }, 'scenario', 'is required'],
    ['metastable', { variants: [] }, 'variants', 'must be a list of at least one variant, such as { name: no budget }'],
    ['metastable', { variants: [5] }, 'variants[0]', 'must be a mapping with name and set'],
    ['metastable', { variants: [{ set: {} }] }, 'variants[0].name', 'is required'],
    [
      'metastable',
      { variants: [{ name: 'v', set: { 'policies.timeout': 0 } }] },
      'variants[0].set',
      'policies.timeout: must be above 0',
    ],
    ['metastable', { healthyErrorRate: 1.5 }, 'healthyErrorRate', 'must be at most 1'],
    ['metastable', { seed: -1 }, 'seed', 'must be at least 0'],
  ])('%s %j: %s %s', (kind, p, field, message) => {
    const out = validateDynamic(patch(kind, p));
    expect(out.scenario).toBeUndefined();
    const found = out.problems.find((x) => x.field === field);
    expect(found?.message.startsWith(message)).toBe(true);
  });

  it.each([
    ['kafka', 'colour'],
    ['gateway', 'colour'],
    ['cache', 'colour'],
    ['hedge', 'colour'],
    ['closed-loop', 'colour'],
    ['metastable', 'colour'],
  ])('%s: an unknown top-level field %s', (kind, field) => {
    expect(validateDynamic(patch(kind, { [field]: 1 })).problems.find((p) => p.field === field)?.message).toMatch(
      /^unknown field \(known: .+\)$/,
    );
  });

  it.each<[string, Doc, string]>([
    ['kafka', { topic: { partitions: 1, replicas: 3 } }, 'topic.replicas'],
    ['kafka', { consumers: { count: 1, processing: svc, lag: 1 } }, 'consumers.lag'],
    ['kafka', { group: { id: 'g' } }, 'group.id'],
    ['kafka', { producer: { rate: 1, acks: 'all' } }, 'producer.acks'],
    ['kafka', { faults: [{ at: 0, kind: 'crash', target: 'consumer-1', duration: 1, why: 1 }] }, 'faults[0].why'],
    ['gateway', { traffic: { rate: 1, clients: 1 } }, 'traffic.clients'],
    ['gateway', { server: { service: svc, cpu: 1 } }, 'server.cpu'],
    ['gateway', { queue: { size: 1 } }, 'queue.size'],
    ['gateway', { rateLimit: { rate: 1, burst: 1, per: 's' } }, 'rateLimit.per'],
    ['gateway', { faults: [{ at: 0, kind: 'zone-down', zone: 1, duration: 1, why: 1 }] }, 'faults[0].why'],
    ['cache', { traffic: { rate: 1, clients: 1 } }, 'traffic.clients'],
    ['cache', { keys: { count: 1, size: 1 } }, 'keys.size'],
    ['cache', { cache: { ttl: 1, size: 1 } }, 'cache.size'],
    ['cache', { database: { workers: 1, service: svc, pool: 1 } }, 'database.pool'],
    ['hedge', { traffic: { rate: 1, clients: 1 } }, 'traffic.clients'],
    ['hedge', { server: { service: svc, cpu: 1 } }, 'server.cpu'],
    ['hedge', { hedge: { after: 1, max: 2 } }, 'hedge.max'],
    ['closed-loop', { server: { service: svc, cpu: 1 } }, 'server.cpu'],
    ['closed-loop', { stalls: [{ at: 1, duration: 1, why: 1 }] }, 'stalls[0].why'],
    ['metastable', { variants: [{ name: 'v', why: 1 }] }, 'variants[0].why'],
  ])('%s %j: unknown field %s', (kind, p, field) => {
    expect(validateDynamic(patch(kind, p)).problems.find((x) => x.field === field)?.message).toMatch(
      /^unknown field \(known: .+\)$/,
    );
  });

  it('a metastable scenario needs a fault to recover from, and its base scenario must be valid', () => {
    const noFault = { ...(least.metastable.scenario as Doc), faults: [] };
    expect(validateDynamic(patch('metastable', { scenario: noFault })).problems).toEqual([
      {
        field: 'scenario.faults',
        message: 'needs at least one fault: the short trigger the variants recover from, or not',
      },
    ]);
    const bad = { ...(least.metastable.scenario as Doc), duration: 0 };
    expect(validateDynamic(patch('metastable', { scenario: bad })).problems).toEqual([
      { field: 'scenario.duration', message: 'must be above 0' },
    ]);
  });

  it('a metastable variant sets list items by index', () => {
    const out = validateDynamic(patch('metastable', { variants: [{ name: 'two', set: { 'servers[0].count': 2 } }] }));
    expect(out.scenario?.kind === 'metastable' && out.scenario.variants[0].scenario.servers[0].count).toBe(2);
  });

  it('a metastable run over the event budget', () => {
    const big = { ...(least.metastable.scenario as Doc), duration: '1000s', traffic: { rate: 20_000 } };
    const out = validateDynamic(patch('metastable', { scenario: big }));
    // 20,000,000 arrivals: 2 events each in the first variant, 3 attempts × (2 + retry) in the second;
    // each within the budget alone, 220,000,000 together.
    expect(out.problems).toEqual([
      {
        field: 'variants',
        message:
          'the variants would take about 220,000,000 events in all, over the budget of 200,000,000: shorten scenario.duration or lower its rate',
      },
    ]);
  });
});

describe('dispatch', () => {
  it.each([
    ['kafka', true],
    ['hedge', true],
    ['requests', false],
    [5, false],
    [undefined, false],
  ])('%j is a dynamics kind: %s', (kind, yes) => {
    expect(isDynamicKind(kind)).toBe(yes);
    if (typeof kind === 'string') expect(isDynamicScenario({ kind })).toBe(yes);
  });

  it('anything else is refused naming the kinds', () => {
    expect(validateDynamic({ kind: 'requests' })).toEqual({
      problems: [{ field: 'kind', message: 'must be one of kafka, closed-loop, metastable, gateway, cache, hedge' }],
    });
    expect(validateDynamic('kafka').problems).toHaveLength(1);
  });
});

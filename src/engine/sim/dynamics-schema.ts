/**
 * JSON Schema (draft 2020-12) for the dynamics kinds, one schema per `kind:`, in the conventions of the
 * request scenario's schema: durations as text with a unit or a number of seconds, no unknown fields.
 * `simulate --schema` can offer them beside the request and availability kinds.
 */
import type { DynamicScenario } from './dynamics.js';
import { leversSchema, slosSchema } from './lever-schema.js';

type Schema = Record<string, unknown>;

const DURATION_PATTERN = '^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h|d|y)\\s*$';
const duration = (description: string): Schema => ({
  description: `${description} A string with a unit (ms, s, m, h, d, y), or a number of seconds.`,
  oneOf: [
    { type: 'string', pattern: DURATION_PATTERN },
    { type: 'number', minimum: 0 },
  ],
});
const int = (description: string, minimum: number, maximum: number): Schema => ({
  type: 'integer',
  description,
  minimum,
  maximum,
});
const num = (description: string, extra: Schema = {}): Schema => ({ type: 'number', description, ...extra });
const obj = (properties: Schema, required: string[] = [], description?: string): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required,
  additionalProperties: false,
});
const bool = (description: string): Schema => ({ type: 'boolean', description });

const dist = obj(
  {
    dist: { enum: ['exponential', 'constant', 'lognormal'], default: 'exponential' },
    mean: duration('Mean time.'),
    p99: duration('99th percentile, lognormal only: above the mean and at most about 15× it.'),
  },
  ['mean'],
  'A time distribution.',
);

const arrivals = (description: string): Schema =>
  obj(
    {
      rate: num('Per second.', { minimum: 0 }),
      arrival: { enum: ['poisson', 'constant'], default: 'poisson' },
      steps: {
        type: 'array',
        items: obj({ at: duration('From when.'), rate: num('The new rate.', { minimum: 0 }) }, ['at', 'rate']),
      },
      bursts: obj(
        {
          on: duration('Mean length of an on period.'),
          off: duration('Mean length of an off period.'),
          factor: num('Rate multiplier while on.', { minimum: 0 }),
        },
        ['on', 'off', 'factor'],
        'On/off bursts (Poisson only).',
      ),
      diurnal: obj(
        {
          period: duration('Length of the cycle. Default 24 h.'),
          peakAt: duration('When the rate peaks.'),
          trough: num('Multiplier half a period from the peak.', { minimum: 0, maximum: 1 }),
        },
        ['peakAt', 'trough'],
        'A daily cosine cycle (Poisson only).',
      ),
    },
    ['rate'],
    description,
  );

const common = (kind: DynamicScenario['kind'], description: string): Schema => ({
  kind: { const: kind, description },
  name: { type: 'string', minLength: 1 },
  description: { type: 'string' },
  seed: int('Seed of the random generator (overridden by --seed).', 0, 4_294_967_295),
  duration: duration('Simulated time.'),
  levers: leversSchema(kind),
  slos: slosSchema(kind),
});

const kafka = obj(
  {
    ...common('kafka', 'A topic and one consumer group, message by message.'),
    producer: {
      ...arrivals('Messages produced.'),
      properties: {
        ...(arrivals('').properties as Schema),
        keys: int('Distinct keys. Default 10,000.', 1, 1_000_000),
        partitioner: { enum: ['hash', 'least-bytes'], default: 'hash' },
      },
    },
    topic: obj({ partitions: int('Partitions.', 1, 10_000) }, ['partitions']),
    consumers: obj({ count: int('Consumers in the group.', 1, 1000), processing: dist }, ['count', 'processing']),
    group: obj({
      sessionTimeout: duration('Default 45 s.'),
      rebalancePause: duration('Default 3 s.'),
      commitInterval: duration('Default 5 s.'),
    }),
    faults: {
      type: 'array',
      items: obj(
        {
          at: duration('When.'),
          kind: { enum: ['crash', 'slow'] },
          target: { type: 'string', pattern: '^consumer-\\d+$' },
          duration: duration('How long.'),
          factor: num('Slow only: processing time multiplier.', { exclusiveMinimum: 0 }),
        },
        ['at', 'kind', 'target', 'duration'],
      ),
    },
  },
  ['kind', 'name', 'duration', 'producer', 'topic', 'consumers'],
);

const closedLoop = obj(
  {
    ...common('closed-loop', 'N users who wait for answers, beside open-loop arrivals at the same rate.'),
    warmup: duration('Excluded from the statistics.'),
    users: int('Users in the closed loop.', 1, 100_000),
    think: {
      ...dist,
      description: 'Think time Z between an answer and the next request. Absent: none (like hey -c N).',
    },
    server: obj({ workers: int('Workers. Default 1.', 1, 100_000), service: dist }, ['service']),
    stalls: {
      type: 'array',
      items: obj({ at: duration('When.'), duration: duration('How long the server makes no progress.') }, [
        'at',
        'duration',
      ]),
    },
  },
  ['kind', 'name', 'duration', 'users', 'server'],
);

const metastable = obj(
  {
    kind: {
      const: 'metastable',
      description: 'One request scenario run once per variant over the same short trigger.',
    },
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    seed: int('Seed of the random generator (overridden by --seed).', 0, 4_294_967_295),
    levers: leversSchema('metastable'),
    slos: slosSchema('metastable'),
    healthyErrorRate: num('A second is healthy at or below this error rate. Default 0.05.', { minimum: 0, maximum: 1 }),
    scenario: {
      type: 'object',
      description: 'A request scenario without kind, name or seed; its faults are the trigger.',
    },
    variants: {
      type: 'array',
      minItems: 1,
      items: obj(
        {
          name: { type: 'string', minLength: 1 },
          set: { type: 'object', description: 'Dotted paths into the scenario and their values.' },
        },
        ['name'],
      ),
    },
  },
  ['kind', 'name', 'scenario', 'variants'],
);

const gateway = obj(
  {
    ...common('gateway', 'Admission control: a token bucket, a bounded queue, shedding, autoscaling and zones.'),
    warmup: duration('Excluded from the statistics.'),
    traffic: arrivals('Requests offered.'),
    rateLimit: obj(
      {
        rate: num('Tokens a second.', { exclusiveMinimum: 0 }),
        burst: int('Tokens saved at most.', 1, Number.MAX_SAFE_INTEGER),
      },
      ['rate', 'burst'],
    ),
    server: obj({ workers: int('Workers per instance. Default 1.', 1, 100_000), service: dist }, ['service']),
    instances: int('Instances at the start. Default 1.', 1, 10_000),
    zones: int('Zones the instances are spread over. Default 1.', 1, 100),
    faults: {
      type: 'array',
      items: obj(
        {
          at: duration('When.'),
          kind: { const: 'zone-down' },
          zone: int('Zone, from 1.', 1, 100),
          duration: duration('How long.'),
        },
        ['at', 'kind', 'zone', 'duration'],
      ),
    },
    autoscale: obj(
      {
        target: num('Utilisation to hold.', { exclusiveMinimum: 0, maximum: 1 }),
        window: duration('Metric window. Default 60 s.'),
        interval: duration('Decision interval. Default 15 s.'),
        startup: duration('Decision to taking traffic. Default 60 s.'),
        cooldown: duration('No scale-in for this long after a decision. Default 5 min.'),
        tolerance: num('Default 0.1.', { minimum: 0, maximum: 1 }),
        min: int('Default 1.', 1, 10_000),
        max: int('Most instances.', 1, 10_000),
      },
      ['target', 'max'],
    ),
    queue: obj({
      limit: int('Waiting requests at most. Default 1000.', 0, 10_000_000),
      discipline: { enum: ['fifo', 'lifo'], default: 'fifo' },
      maxAge: duration('Drop a request that waited longer.'),
    }),
    timeout: duration('The client gives up after this.'),
  },
  ['kind', 'name', 'duration', 'traffic', 'server', 'timeout'],
);

const cache = obj(
  {
    ...common('cache', 'Reads of Zipf-popular keys through a TTL cache in front of a database.'),
    warmup: duration('Excluded from the statistics.'),
    traffic: arrivals('Reads offered.'),
    keys: obj(
      {
        count: int('Keys.', 1, 1_000_000),
        zipf: num('Popularity exponent; 0: all alike. Default 1.', { minimum: 0, maximum: 5 }),
      },
      ['count'],
    ),
    cache: obj(
      {
        ttl: duration('Time to live of a fill.'),
        ttlJitter: num('TTL × uniform[1 − j, 1 + j]. Default 0.', { minimum: 0, maximum: 1 }),
        hitLatency: duration('Default 1 ms.'),
        start: { enum: ['cold', 'warm'], default: 'cold' },
        singleFlight: bool('Coalesce concurrent misses of a key. Default false.'),
        staleWhileRevalidate: duration('Serve an expired entry this long while one read refreshes it. Default 0.'),
      },
      ['ttl'],
    ),
    database: obj(
      { workers: int('Connections.', 1, 100_000), queue: int('Default 1000.', 0, 10_000_000), service: dist },
      ['workers', 'service'],
    ),
  },
  ['kind', 'name', 'duration', 'traffic', 'keys', 'cache', 'database'],
);

const hedge = obj(
  {
    ...common('hedge', 'The same arrivals run plainly and with hedged requests.'),
    warmup: duration('Excluded from the statistics.'),
    traffic: arrivals('Requests offered.'),
    replicas: int('Replicas.', 2, 1000),
    server: obj({ workers: int('Workers per replica. Default 1.', 1, 100_000), service: dist }, ['service']),
    hedge: obj(
      {
        after: duration('Send a second copy after this.'),
        cancel: bool('Drop the losing copy if not started. Default true.'),
      },
      ['after'],
    ),
  },
  ['kind', 'name', 'duration', 'traffic', 'replicas', 'server', 'hedge'],
);

/** One schema per dynamics kind, keyed by kind. */
export function dynamicsJsonSchemas(): Record<
  'kafka' | 'closed-loop' | 'metastable' | 'gateway' | 'cache' | 'hedge',
  Schema
> {
  return { kafka, 'closed-loop': closedLoop, metastable, gateway, cache, hedge };
}

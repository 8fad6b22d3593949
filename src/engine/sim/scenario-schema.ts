import { BREAKER_DEFAULTS } from './breaker.js';
import { AVAILABILITY_BUDGET, EVENT_BUDGET, MAX_SERVERS, MAX_SIMULATED_MS } from './budget.js';
import { dynamicsJsonSchemas } from './dynamics-schema.js';
import { EXPECT_METRICS } from './expect.js';
import { leversSchema, slosSchema } from './lever-schema.js';
import { STRATEGIES } from './scenario.js';
import { MAX_BREAKER_CALLS, MAX_INT32, MAX_SEED } from './validate.js';

type Schema = Record<string, unknown>;

const DURATION_PATTERN = '^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h|d|y)\\s*$';

/** A duration: text with a unit, or a bare number of seconds. */
const duration = (description: string, extra: Schema = {}): Schema => ({
  description: `${description} A string with a unit (ms, s, m, h, d, y), or a number of seconds.`,
  oneOf: [
    { type: 'string', pattern: DURATION_PATTERN },
    { type: 'number', minimum: 0 },
  ],
  ...extra,
});

const int = (description: string, minimum: number, maximum?: number, dflt?: number): Schema => ({
  type: 'integer',
  description,
  minimum,
  ...(maximum !== undefined ? { maximum } : {}),
  ...(dflt !== undefined ? { default: dflt } : {}),
});
const num = (description: string, extra: Schema = {}): Schema => ({ type: 'number', description, ...extra });
const obj = (properties: Schema, required: string[] = [], description?: string): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required,
  additionalProperties: false,
});

const dist = obj(
  {
    dist: {
      enum: ['exponential', 'constant', 'lognormal'],
      default: 'exponential',
      description: 'Shape of the service time.',
    },
    mean: duration('Mean service time.'),
    p99: duration('99th percentile, lognormal only: above the mean and at most about 15× it.'),
  },
  ['mean'],
  'A service-time distribution.',
);

/** Claims about the scenario's own run, checked by `questions validate` (simulate ignores them). */
const claims = (kind: 'requests' | 'availability'): Schema =>
  obj(
    Object.fromEntries(
      EXPECT_METRICS[kind].map((metric) => [
        metric,
        {
          type: 'array',
          prefixItems: [{ type: 'number' }, { type: 'number' }],
          minItems: 2,
          maxItems: 2,
          description: "Inclusive range [low, high] the run with the file's seed must fall in.",
        },
      ]),
    ),
    [],
    'What the description claims about this run: each metric with the range its run must fall in.',
  );

const seed = int(`Seed of the random generator (overridden by --seed). At most ${MAX_SEED}.`, 0, MAX_SEED, 1);

const breakerProps: Schema = Object.fromEntries(
  Object.entries(BREAKER_DEFAULTS).map(([key, value]) => {
    if (key === 'slowCallDurationThreshold' || key === 'waitDurationInOpenState')
      return [key, duration(`Default ${value / 1000} s.`)];
    if (key.endsWith('Threshold'))
      return [
        key,
        num(`Percent, above 0 and at most 100. Default ${value}.`, {
          exclusiveMinimum: 0,
          maximum: 100,
          default: value,
        }),
      ];
    return [key, int(`Default ${value}, at most ${MAX_BREAKER_CALLS}.`, 1, MAX_BREAKER_CALLS, value)];
  }),
);

const requests = obj(
  {
    kind: { const: 'requests', description: 'Request-level scenario (the default).' },
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    seed,
    duration: duration(`Simulated time, above 0 and at most ${MAX_SIMULATED_MS / 1000} s (a result row per second).`),
    warmup: duration('Excluded from the statistics; shorter than duration. Default 0.'),
    traffic: obj(
      {
        rate: num('Requests per second.', { minimum: 0 }),
        arrival: { enum: ['poisson', 'constant'], default: 'poisson' },
        clients: int('Distinct clients; only ip-hash reads it.', 1, undefined, 10_000),
        steps: {
          type: 'array',
          items: obj(
            { at: duration('When the rate changes.'), rate: num('New requests per second.', { minimum: 0 }) },
            ['at', 'rate'],
          ),
        },
      },
      ['rate'],
    ),
    loadBalancer: obj({
      strategy: {
        enum: [...STRATEGIES],
        default: 'round-robin',
        description:
          'Weights are read by weighted-round-robin, least-connections and power-of-two-choices (Envoy: weight / (active + 1)); the others refuse unequal weights.',
      },
    }),
    servers: {
      type: 'array',
      minItems: 1,
      description: `Groups of identical servers, at most ${MAX_SERVERS} servers in all; named server-1, server-2, … in order.`,
      items: obj(
        {
          count: int('Servers in the group.', 1, MAX_SERVERS, 1),
          workers: int('Requests served at once per server.', 1, MAX_INT32, 1),
          queue: int('Requests waiting per server; a full server rejects.', 0, MAX_INT32, 1000),
          weight: num('Relative share of traffic.', { exclusiveMinimum: 0, default: 1 }),
          service: dist,
        },
        ['service'],
      ),
    },
    dependency: obj(
      {
        workers: int('Calls served at once (a connection pool, partitions).', 1, undefined, 10),
        queue: int('Calls waiting; beyond it a call is rejected.', 0, undefined, 1000),
        service: dist,
      },
      ['service'],
      'A downstream every request calls (database, Kafka).',
    ),
    cache: obj(
      {
        hitRatio: num('Fraction of calls answered by the cache, 0 to 1.', { minimum: 0, maximum: 1 }),
        latency: duration('Time of a hit.'),
      },
      ['hitRatio', 'latency'],
      'In front of the dependency; needs one.',
    ),
    policies: obj({
      timeout: duration('The client gives up after this long (the server carries on).'),
      retry: obj(
        {
          attempts: int('Tries in all, the first included (3 = the first try and two retries).', 1),
          backoff: { enum: ['exponential', 'constant'], default: 'exponential' },
          base: duration('First delay. Default 100 ms.'),
          max: duration('Largest delay. Default 10 s.'),
          jitter: { enum: ['none', 'full', 'equal', 'decorrelated'], default: 'none' },
          budget: num(
            'Retry tokens each request deposits (0.1 = retries up to 10% of requests), 0 to 10; none means unlimited.',
            { minimum: 0, maximum: 10 },
          ),
        },
        ['attempts'],
      ),
      circuitBreaker: obj({
        enabled: {
          type: 'boolean',
          default: true,
          description: 'false keeps the settings for a lever but the breaker off.',
        },
        ...breakerProps,
      }),
      bulkhead: obj({ maxConcurrent: int('Attempts in flight at once; more are rejected at once.', 1) }, [
        'maxConcurrent',
      ]),
    }),
    faults: {
      type: 'array',
      description:
        'Overlapping faults compose: slow factors multiply, error rates combine as 1 − Π(1 − rate), a server is down while any crash covers it.',
      items: obj(
        {
          at: duration('Start.'),
          kind: { enum: ['crash', 'slow', 'error'] },
          target: {
            type: 'string',
            pattern: '^(server-\\d+|servers|dependency)$',
            description: 'server-N, servers (all) or dependency (not for crash).',
          },
          duration: duration('How long it lasts, above 0.'),
          factor: num('slow: service times multiplied by this.', { exclusiveMinimum: 0 }),
          rate: num('error: fraction of calls that fail, 0 to 1.', { minimum: 0, maximum: 1 }),
        },
        ['at', 'kind', 'target', 'duration'],
      ),
    },
    apdex: obj({ t: duration('Apdex threshold T: satisfied ≤ T, tolerating ≤ 4T. Default 100 ms.') }, ['t']),
    levers: leversSchema('requests'),
    slos: slosSchema('requests'),
    expect: claims('requests'),
  },
  ['name', 'duration', 'traffic', 'servers'],
);

const availability = obj(
  {
    kind: { const: 'availability' },
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    seed,
    horizon: duration('Simulated time per trial. Default 1 y.'),
    trials: int(
      `Independent trials. Budget: trials × instances × failures per trial ≤ ${AVAILABILITY_BUDGET.toLocaleString('en-US')}.`,
      1,
      undefined,
      200,
    ),
    target: num('Target availability in percent (99.99), for the report.', { exclusiveMinimum: 0, maximum: 100 }),
    components: {
      type: 'array',
      minItems: 1,
      description: 'Groups in series: the system is down while any group is.',
      items: obj(
        {
          name: { type: 'string', minLength: 1 },
          mtbf: duration('Mean time between failures of one instance.'),
          mttr: duration('Mean time to repair one instance.'),
          count: int('Instances.', 1, undefined, 1),
          needed: int('active-active: instances that must be up (count − 1 for N+1).', 1, undefined, 1),
          mode: { enum: ['active-active', 'active-passive'], default: 'active-active' },
          failover: duration('active-passive: the gap when the active instance fails and a standby takes over.'),
        },
        ['name', 'mtbf', 'mttr'],
      ),
    },
    levers: leversSchema('availability'),
    slos: slosSchema('availability'),
    expect: claims('availability'),
  },
  ['kind', 'name', 'components'],
);

/** The scenario file format as JSON Schema (draft 2020-12), printed by `simulate --schema`. */
export function scenarioJsonSchema(): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:gocoffee-drill:scenario',
    title: 'gocoffee-drill simulator scenario',
    description: `A request-level scenario (kind: requests, the default), an availability scenario (kind: availability), or one of the dynamics kinds (kafka, closed-loop, metastable, gateway, cache, hedge; docs/simulator-dynamics.md). Limits: ${EVENT_BUDGET.toLocaleString('en-US')} events per run (arrivals × attempts × events per attempt), ${MAX_SERVERS.toLocaleString('en-US')} servers, ${MAX_SIMULATED_MS / 3_600_000} h of simulated time. See docs/simulator.md.`,
    oneOf: [requests, availability, ...Object.values(dynamicsJsonSchemas())],
  };
}

import * as z from 'zod/mini';
import { BREAKER_DEFAULTS } from './breaker.js';
import { EVENT_BUDGET, MAX_SERVERS, MAX_SIMULATED_MS, estimateEvents } from './budget.js';
import { MAX_SEED, described, dist, int, num, obj, oneOf, steps, text, time, toDist, type Fail } from './fields.js';
import { STRATEGIES, type BreakerOptions, type Fault, type Scenario } from './scenario.js';

/** The largest workers or queue a server group holds (its counters are 32-bit integers). */
export const MAX_INT32 = 2_147_483_647;
/** The largest breaker window or call count (its window is one byte per call). */
export const MAX_BREAKER_CALLS = 1_000_000;

const TIMES = new Set(['slowCallDurationThreshold', 'waitDurationInOpenState']);

/** The breaker's settings, each with resilience4j's default; `enabled: false` keeps them for a lever. */
const breaker = () =>
  obj({
    enabled: z._default(described(z.boolean(), 'false keeps the settings for a lever but the breaker off.'), true),
    ...(Object.fromEntries(
      Object.entries(BREAKER_DEFAULTS).map(([key, value]) => {
        if (TIMES.has(key)) return [key, z.optional(time(`Default ${value / 1000} s.`))];
        if (key.endsWith('Threshold'))
          return [
            key,
            z._default(num(`Percent, above 0 and at most 100.`, { min: 0, exclusiveMin: true, max: 100 }), value),
          ];
        return [key, z._default(int(`At most ${MAX_BREAKER_CALLS}.`, 1, MAX_BREAKER_CALLS), value)];
      }),
    ) as Record<keyof BreakerOptions, z.ZodMiniType<number | undefined>>),
  });

/** A `kind: requests` document (the default kind). */
export const requestFields = z.lazy(() =>
  obj({
    kind: z.optional(
      described(
        z.literal('requests', { error: 'must be requests (the default) or availability' }),
        'Request-level scenario (the default).',
      ),
    ),
    name: text(),
    description: z.optional(text()),
    seed: z._default(int(`Seed of the random generator (overridden by --seed). At most ${MAX_SEED}.`, 0, MAX_SEED), 1),
    duration: time(`Simulated time, above 0 and at most ${MAX_SIMULATED_MS / 1000} s (a result row per second).`, true),
    warmup: z.optional(time('Excluded from the statistics; shorter than duration. Default 0.')),
    traffic: obj({
      rate: num('Requests per second.', { min: 0 }),
      arrival: z._default(oneOf(['poisson', 'constant']), 'poisson'),
      clients: z._default(int('Distinct clients; only ip-hash reads it.', 1, MAX_INT32), 10_000),
      steps: z.optional(steps('New requests per second.')),
    }),
    loadBalancer: z.optional(
      obj({
        strategy: z._default(
          oneOf(
            STRATEGIES as readonly [string, ...string[]],
            'Weights are read by weighted-round-robin, least-connections and power-of-two-choices (Envoy: weight / (active + 1)); the others refuse unequal weights.',
          ),
          'round-robin',
        ),
      }),
    ),
    servers: z
      .array(
        obj(
          {
            count: z._default(int('Servers in the group.', 1).check(z.meta({ maximum: MAX_SERVERS })), 1),
            workers: z._default(int('Requests served at once per server.', 1, MAX_INT32), 1),
            queue: z._default(int('Requests waiting per server; a full server rejects.', 0, MAX_INT32), 1000),
            weight: z._default(num('Relative share of traffic.', { min: 0, exclusiveMin: true }), 1),
            service: dist(),
          },
          '',
          'must be a mapping',
        ),
        { error: (iss) => (iss.code === 'invalid_type' ? 'must be a list of at least one server group' : undefined) },
      )
      .check(
        z.minLength(1, 'must be a list of at least one server group'),
        z.describe(
          `Groups of identical servers, at most ${MAX_SERVERS} servers in all; named server-1, server-2, … in order.`,
        ),
      ),
    dependency: z.optional(
      obj(
        {
          workers: z._default(int('Calls served at once (a connection pool, partitions).', 1), 10),
          queue: z._default(int('Calls waiting; beyond it a call is rejected.', 0), 1000),
          service: dist(),
        },
        'A downstream every request calls (database, Kafka).',
      ),
    ),
    cache: z.optional(
      obj(
        {
          hitRatio: num('Fraction of calls answered by the cache, 0 to 1.', { min: 0, max: 1 }),
          latency: time('Time of a hit.'),
        },
        'In front of the dependency; needs one.',
      ),
    ),
    policies: z.optional(
      obj({
        timeout: z.optional(time('The client gives up after this long (the server carries on).', true)),
        retry: z.optional(
          obj({
            attempts: int('Tries in all, the first included (3 = the first try and two retries).', 1),
            backoff: z._default(oneOf(['exponential', 'constant']), 'exponential'),
            base: z.optional(time('First delay. Default 100 ms.')),
            max: z.optional(time('Largest delay. Default 10 s.')),
            jitter: z._default(oneOf(['none', 'full', 'equal', 'decorrelated']), 'none'),
            budget: z.optional(
              num(
                'Retry tokens each request deposits (0.1 = retries up to 10% of requests), 0 to 10; none means unlimited.',
                { min: 0, max: 10 },
              ),
            ),
          }),
        ),
        circuitBreaker: z.optional(breaker()),
        bulkhead: z.optional(obj({ maxConcurrent: int('Attempts in flight at once; more are rejected at once.', 1) })),
      }),
    ),
    faults: z.optional(
      described(
        z.array(
          obj(
            {
              at: time('Start.'),
              kind: oneOf(['crash', 'slow', 'error']),
              target: text('server-N, servers (all) or dependency (not for crash).').check(
                z.meta({ pattern: '^(server-\\d+|servers|dependency)$' }),
              ),
              duration: time('How long it lasts, above 0.', true),
              factor: z.optional(num('slow: service times multiplied by this.', { min: 0, exclusiveMin: true })),
              rate: z.optional(num('error: fraction of calls that fail, 0 to 1.', { min: 0, max: 1 })),
            },
            '',
            'must be a mapping with at, kind, target and duration',
          ),
        ),
        'Overlapping faults compose: slow factors multiply, error rates combine as 1 − Π(1 − rate), a server is down while any crash covers it.',
      ),
    ),
    apdex: z.optional(
      obj(
        { t: time('Apdex threshold T: satisfied ≤ T, tolerating ≤ 4T. Default 100 ms.', true) },
        '',
        'must be a mapping such as { t: 100ms }',
      ),
    ),
    // Read once the scenario is valid (levers.ts, expect.ts): their JSON Schema is theirs (scenario-schema.ts).
    levers: z.optional(z.unknown()),
    slos: z.optional(z.unknown()),
    expect: z.optional(z.unknown()),
  }),
);

/** Normalise a request scenario read by {@link requestFields}: defaults applied, the cross-field rules checked. */
export function toRequests(raw: z.output<typeof requestFields>, fail: Fail): Scenario {
  const policies = raw.policies ?? {};
  const servers = raw.servers.reduce((n, g) => n + g.count, 0);
  const { enabled, ...breakerOptions } = policies.circuitBreaker ?? {};
  const sc: Scenario = {
    kind: 'requests',
    name: raw.name,
    description: raw.description ?? '',
    seed: raw.seed,
    duration: raw.duration,
    warmup: raw.warmup ?? 0,
    traffic: { ...raw.traffic, steps: raw.traffic.steps ?? [] },
    loadBalancer: { strategy: (raw.loadBalancer?.strategy ?? 'round-robin') as Scenario['loadBalancer']['strategy'] },
    servers: raw.servers.map((g, i) => ({ ...g, service: toDist(g.service, `servers[${i}].service`, fail) })),
    dependency: raw.dependency && {
      ...raw.dependency,
      service: toDist(raw.dependency.service, 'dependency.service', fail),
    },
    cache: raw.cache,
    policies: {
      timeout: policies.timeout,
      retry: policies.retry && {
        attempts: policies.retry.attempts,
        kind: policies.retry.backoff,
        base: policies.retry.base ?? 100,
        max: policies.retry.max ?? 10_000,
        jitter: policies.retry.jitter,
        budget: policies.retry.budget,
      },
      circuitBreaker:
        policies.circuitBreaker === undefined || enabled === false
          ? undefined
          : {
              ...BREAKER_DEFAULTS,
              ...(Object.fromEntries(
                Object.entries(breakerOptions).filter(([, v]) => v !== undefined),
              ) as Partial<BreakerOptions>),
            },
      bulkhead: policies.bulkhead,
    },
    faults: (raw.faults ?? []).map((f, i) => fault(f, `faults[${i}]`, servers, raw.dependency !== undefined, fail)),
    apdex: raw.apdex?.t ?? 100,
  };
  if (sc.dependency === undefined && sc.cache !== undefined)
    fail('cache', 'a cache sits in front of a dependency: add dependency too');
  if (sc.warmup >= sc.duration) fail('warmup', 'must be shorter than duration');
  const weighted = sc.servers.some((g) => g.weight !== sc.servers[0].weight);
  if (weighted && ['round-robin', 'random', 'ip-hash'].includes(sc.loadBalancer.strategy))
    fail(
      'loadBalancer.strategy',
      `${sc.loadBalancer.strategy} ignores weights: use weighted-round-robin, least-connections or power-of-two-choices, or give every group the same weight`,
    );
  return sc;
}

type RawFault = NonNullable<z.output<typeof requestFields>['faults']>[number];

function fault(f: RawFault, at: string, servers: number, hasDependency: boolean, fail: Fail): Fault {
  const m = /^server-(\d+)$/.exec(f.target);
  if (f.target === 'dependency' && !hasDependency) fail(`${at}.target`, 'the scenario has no dependency');
  else if (f.target === 'dependency' && f.kind === 'crash')
    fail(`${at}.target`, 'crash targets a server (server-N); slow or fail the dependency instead');
  else if (f.target !== 'dependency' && f.target !== 'servers' && !(m && Number(m[1]) >= 1 && Number(m[1]) <= servers))
    fail(`${at}.target`, `must be server-1 … server-${servers}, servers or dependency`);
  const base = { at: f.at, target: f.target, duration: f.duration };
  if (f.kind === 'crash') return { ...base, kind: 'crash' };
  const needed = f.kind === 'slow' ? 'factor' : 'rate';
  if (f[needed] === undefined) fail(`${at}.${needed}`, 'is required');
  if (f.kind === 'slow') return { ...base, kind: 'slow', factor: f.factor ?? 1 };
  return { ...base, kind: 'error', rate: f.rate ?? 0 };
}

/** Limits checked before a run, each naming the field to change. */
export function requestBudgets(sc: Scenario, fail: Fail): void {
  const servers = sc.servers.reduce((n, g) => n + g.count, 0);
  if (servers > MAX_SERVERS) fail('servers', `${big(servers)} servers in all, over the limit of ${big(MAX_SERVERS)}`);
  else if (sc.duration > MAX_SIMULATED_MS)
    fail(
      'duration',
      `${big(sc.duration / 1000)} s of simulated time, over the limit of ${big(MAX_SIMULATED_MS / 1000)} s (one day: the result has a row per second)`,
    );
  else {
    const events = estimateEvents(sc);
    if (events > EVENT_BUDGET)
      fail(
        'traffic.rate',
        `would take about ${big(events)} events, over the budget of ${big(EVENT_BUDGET)}: shorten duration or lower traffic.rate`,
      );
  }
}

/** A count as the messages print it: 1,000,000. */
export function big(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

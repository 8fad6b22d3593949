import { BREAKER_DEFAULTS } from './breaker.js';
import {
  AVAILABILITY_BUDGET,
  EVENT_BUDGET,
  MAX_SERVERS,
  MAX_SIMULATED_MS,
  estimateAvailabilityChanges,
  estimateEvents,
} from './budget.js';
import { lognormalParams, type DistSpec } from './dist.js';
import { describe, readLeverSpecs, readSloSpecs } from './levers.js';
import { isDynamicKind, validateDynamic, type DynamicScenario } from './dynamics.js';
import { STRATEGIES, type AvailabilityScenario, type Fault, type Scenario } from './scenario.js';

/** The largest workers or queue a server group holds (its counters are 32-bit integers). */
export const MAX_INT32 = 2_147_483_647;
/** The largest seed: the generator is seeded from 32 bits, so a larger one would wrap silently. */
export const MAX_SEED = 4_294_967_295;
/** The largest breaker window or call count (its window is one byte per call). */
export const MAX_BREAKER_CALLS = 1_000_000;

export interface ScenarioProblem {
  /** e.g. `policies.retry.jitter` */
  field: string;
  message: string;
}

type Obj = Record<string, unknown>;

/** Validate a scenario for the lever tools (--levers, --set, the Simulate screen, try it): every kind has levers. */
export function validateLeverScenario(raw: unknown): {
  scenario?: Scenario | AvailabilityScenario | DynamicScenario;
  problems: ScenarioProblem[];
} {
  return validateScenario(raw);
}

/** Validate a parsed scenario document and normalise it (times to ms, defaults applied). */
export function validateScenario(raw: unknown): {
  scenario?: Scenario | AvailabilityScenario | DynamicScenario;
  problems: ScenarioProblem[];
} {
  if (isObj(raw) && isDynamicKind(raw.kind)) return validateDynamic(raw);
  const problems: ScenarioProblem[] = [];
  const bad = (field: string, message: string) => {
    problems.push({ field, message });
    return undefined;
  };
  if (!isObj(raw)) return { problems: [{ field: '', message: 'a scenario must be a mapping of fields' }] };
  const r = new Reader(bad);
  if (raw.kind === 'availability') {
    const sc = availability(raw, r);
    if (problems.length === 0) {
      const changes = estimateAvailabilityChanges(sc);
      if (changes > AVAILABILITY_BUDGET)
        bad(
          'trials',
          `${sc.trials} trials of ${sc.horizonHours} h would take about ${big(changes)} failures and repairs, over the budget of ${big(AVAILABILITY_BUDGET)}: fewer trials or a shorter horizon`,
        );
    }
    return withLevers(raw, sc, problems);
  }
  r.known(raw, '', [
    'kind',
    'name',
    'description',
    'seed',
    'duration',
    'warmup',
    'traffic',
    'loadBalancer',
    'servers',
    'dependency',
    'cache',
    'policies',
    'faults',
    'apdex',
    'levers',
    'slos',
    'expect',
  ]);
  if (raw.kind !== undefined && raw.kind !== 'requests') bad('kind', 'must be requests (the default) or availability');
  const traffic = r.obj(raw, 'traffic', true) ?? {};
  r.known(traffic, 'traffic', ['rate', 'arrival', 'clients', 'steps']);
  const servers =
    Array.isArray(raw.servers) && raw.servers.length > 0
      ? raw.servers
      : (bad('servers', 'must be a list of at least one server group'), []);
  const policies = r.obj(raw, 'policies', false) ?? {};
  r.known(policies, 'policies', ['timeout', 'retry', 'circuitBreaker', 'bulkhead']);
  const serverCount = servers.reduce(
    (n: number, g: unknown) => n + (isObj(g) && typeof g.count === 'number' ? g.count : 1),
    0,
  );
  const sc: Scenario = {
    kind: 'requests',
    name: r.str(raw, 'name', 'name', true) ?? 'scenario',
    description: r.str(raw, 'description', 'description', false) ?? '',
    seed: r.num(raw, 'seed', 'seed', { min: 0, max: MAX_SEED, integer: true }) ?? 1,
    duration: r.time(raw, 'duration', 'duration', true, { positive: true }) ?? 1,
    warmup: r.time(raw, 'warmup', 'warmup', false) ?? 0,
    traffic: {
      rate: r.num(traffic, 'rate', 'traffic.rate', { min: 0, required: true }) ?? 0,
      arrival: r.oneOf(traffic, 'arrival', 'traffic.arrival', ['poisson', 'constant']) ?? 'poisson',
      clients: r.num(traffic, 'clients', 'traffic.clients', { min: 1, integer: true }) ?? 10_000,
      steps: r.list(traffic, 'steps', 'traffic.steps').map((s, i) => {
        const at = `traffic.steps[${i}]`;
        if (!isObj(s)) return bad(at, 'must be a mapping with at and rate') ?? { at: 0, rate: 0 };
        r.known(s, at, ['at', 'rate']);
        return {
          at: r.time(s, 'at', `${at}.at`, true) ?? 0,
          rate: r.num(s, 'rate', `${at}.rate`, { min: 0, required: true }) ?? 0,
        };
      }),
    },
    loadBalancer: {
      strategy:
        r.oneOf(r.obj(raw, 'loadBalancer', false) ?? {}, 'strategy', 'loadBalancer.strategy', STRATEGIES) ??
        'round-robin',
    },
    servers: servers.map((g: unknown, i: number) => {
      const at = `servers[${i}]`;
      if (!isObj(g))
        return (
          bad(at, 'must be a mapping') ?? {
            count: 1,
            workers: 1,
            queue: 0,
            weight: 1,
            service: { dist: 'constant', mean: 1 },
          }
        );
      r.known(g, at, ['count', 'workers', 'queue', 'weight', 'service']);
      return {
        count: r.num(g, 'count', `${at}.count`, { min: 1, integer: true }) ?? 1,
        workers: r.num(g, 'workers', `${at}.workers`, { min: 1, max: MAX_INT32, integer: true }) ?? 1,
        queue: r.num(g, 'queue', `${at}.queue`, { min: 0, max: MAX_INT32, integer: true }) ?? 1000,
        weight: r.num(g, 'weight', `${at}.weight`, { min: 0, exclusiveMin: true }) ?? 1,
        service: dist(g.service, `${at}.service`, r),
      };
    }),
    dependency:
      raw.dependency === undefined
        ? undefined
        : (() => {
            const d = r.obj(raw, 'dependency', true) ?? {};
            r.known(d, 'dependency', ['workers', 'queue', 'service']);
            return {
              workers: r.num(d, 'workers', 'dependency.workers', { min: 1, integer: true }) ?? 10,
              queue: r.num(d, 'queue', 'dependency.queue', { min: 0, integer: true }) ?? 1000,
              service: dist(d.service, 'dependency.service', r),
            };
          })(),
    cache:
      raw.cache === undefined
        ? undefined
        : (() => {
            const c = r.obj(raw, 'cache', true) ?? {};
            r.known(c, 'cache', ['hitRatio', 'latency']);
            return {
              hitRatio: r.num(c, 'hitRatio', 'cache.hitRatio', { min: 0, max: 1, required: true }) ?? 0,
              latency: r.time(c, 'latency', 'cache.latency', true) ?? 0,
            };
          })(),
    policies: {
      timeout: r.time(policies, 'timeout', 'policies.timeout', false, { positive: true }),
      retry: policies.retry === undefined ? undefined : retry(r.obj(policies, 'retry', true) ?? {}, r),
      circuitBreaker:
        policies.circuitBreaker === undefined ? undefined : breaker(r.obj(policies, 'circuitBreaker', true) ?? {}, r),
      bulkhead:
        policies.bulkhead === undefined
          ? undefined
          : (() => {
              const b = r.obj(policies, 'bulkhead', true) ?? {};
              r.known(b, 'policies.bulkhead', ['maxConcurrent']);
              return {
                maxConcurrent:
                  r.num(b, 'maxConcurrent', 'policies.bulkhead.maxConcurrent', {
                    min: 1,
                    integer: true,
                    required: true,
                  }) ?? 1,
              };
            })(),
    },
    faults: r
      .list(raw, 'faults', 'faults')
      .map((f, i) => fault(f, `faults[${i}]`, serverCount, raw.dependency !== undefined, r)),
    apdex: isObj(raw.apdex)
      ? (r.time(raw.apdex, 't', 'apdex.t', true, { positive: true }) ?? 100)
      : raw.apdex === undefined
        ? 100
        : (bad('apdex', 'must be a mapping such as { t: 100ms }') ?? 100),
  };
  if (sc.dependency === undefined && sc.cache !== undefined)
    bad('cache', 'a cache sits in front of a dependency: add dependency too');
  if (sc.warmup >= sc.duration) bad('warmup', 'must be shorter than duration');
  const weighted = sc.servers.some((g) => g.weight !== sc.servers[0].weight);
  if (weighted && ['round-robin', 'random', 'ip-hash'].includes(sc.loadBalancer.strategy))
    bad(
      'loadBalancer.strategy',
      `${sc.loadBalancer.strategy} ignores weights: use weighted-round-robin, least-connections or power-of-two-choices, or give every group the same weight`,
    );
  if (problems.length === 0) budgets(sc, bad);
  return withLevers(raw, sc, problems);
}

/** Limits checked before a run, each naming the field to change. */
function budgets(sc: Scenario, bad: (field: string, message: string) => undefined): void {
  const servers = sc.servers.reduce((n, g) => n + g.count, 0);
  if (servers > MAX_SERVERS) bad('servers', `${big(servers)} servers in all, over the limit of ${big(MAX_SERVERS)}`);
  else if (sc.duration > MAX_SIMULATED_MS)
    bad(
      'duration',
      `${big(sc.duration / 1000)} s of simulated time, over the limit of ${big(MAX_SIMULATED_MS / 1000)} s (one day: the result has a row per second)`,
    );
  else {
    const events = estimateEvents(sc);
    if (events > EVENT_BUDGET)
      bad(
        'traffic.rate',
        `would take about ${big(events)} events, over the budget of ${big(EVENT_BUDGET)}: shorten duration or lower traffic.rate`,
      );
  }
}

function big(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Levers and SLOs are read once the scenario itself is valid: a lever's baseline is the scenario's value. */
function withLevers<T extends Scenario | AvailabilityScenario>(
  raw: Obj,
  sc: T,
  problems: ScenarioProblem[],
): { scenario?: T; problems: ScenarioProblem[] } {
  if (problems.length > 0) return { problems };
  sc.levers = readLeverSpecs(raw.levers, sc, problems);
  sc.slos = readSloSpecs(raw.slos, sc.kind, problems);
  return problems.length ? { problems } : { scenario: sc, problems };
}

function dist(raw: unknown, at: string, r: Reader): DistSpec {
  if (!isObj(raw))
    return r.fail(at, 'must be a mapping such as { dist: exponential, mean: 20ms }') ?? { dist: 'constant', mean: 1 };
  r.known(raw, at, ['dist', 'mean', 'p99']);
  const kind = r.oneOf(raw, 'dist', `${at}.dist`, ['exponential', 'constant', 'lognormal']) ?? 'exponential';
  const mean = r.time(raw, 'mean', `${at}.mean`, true, { positive: true }) ?? 1;
  if (kind !== 'lognormal') return { dist: kind, mean };
  const p99 = r.time(raw, 'p99', `${at}.p99`, true, { positive: true }) ?? mean * 2;
  if (!lognormalParams(mean, p99))
    r.fail(
      `${at}.p99`,
      `no lognormal has mean ${mean} ms and p99 ${p99} ms: p99 must exceed the mean, by at most e^(2.706) ≈ 15×`,
    );
  return { dist: 'lognormal', mean, p99 };
}

function retry(raw: Obj, r: Reader): NonNullable<Scenario['policies']['retry']> {
  const at = 'policies.retry';
  r.known(raw, at, ['attempts', 'backoff', 'base', 'max', 'jitter', 'budget']);
  return {
    attempts: r.num(raw, 'attempts', `${at}.attempts`, { min: 1, integer: true, required: true }) ?? 1,
    kind: r.oneOf(raw, 'backoff', `${at}.backoff`, ['exponential', 'constant']) ?? 'exponential',
    base: r.time(raw, 'base', `${at}.base`, false) ?? 100,
    max: r.time(raw, 'max', `${at}.max`, false) ?? 10_000,
    jitter: r.oneOf(raw, 'jitter', `${at}.jitter`, ['none', 'full', 'equal', 'decorrelated']) ?? 'none',
    budget: r.num(raw, 'budget', `${at}.budget`, { min: 0, max: 10 }),
  };
}

/** The breaker's settings; `enabled: false` keeps them in the file (for a lever to switch on) but the breaker off. */
function breaker(raw: Obj, r: Reader): Scenario['policies']['circuitBreaker'] {
  const at = 'policies.circuitBreaker';
  const keys = Object.keys(BREAKER_DEFAULTS) as Array<keyof typeof BREAKER_DEFAULTS>;
  r.known(raw, at, [...keys, 'enabled']);
  const out = { ...BREAKER_DEFAULTS };
  for (const key of keys) {
    const isTime = key === 'slowCallDurationThreshold' || key === 'waitDurationInOpenState';
    const isPercent = key.endsWith('Threshold') && !isTime;
    const value = isTime
      ? r.time(raw, key, `${at}.${key}`, false)
      : r.num(
          raw,
          key,
          `${at}.${key}`,
          isPercent ? { min: 0, exclusiveMin: true, max: 100 } : { min: 1, max: MAX_BREAKER_CALLS, integer: true },
        );
    if (value !== undefined) out[key] = value;
  }
  if (raw.enabled !== undefined && typeof raw.enabled !== 'boolean')
    return r.fail(`${at}.enabled`, `must be true or false, not ${describe(raw.enabled)}`);
  return raw.enabled === false ? undefined : out;
}

function fault(raw: unknown, at: string, servers: number, hasDependency: boolean, r: Reader): Fault {
  const fallback: Fault = { at: 0, kind: 'slow', target: 'servers', factor: 1, duration: 0 };
  if (!isObj(raw)) return r.fail(at, 'must be a mapping with at, kind, target and duration') ?? fallback;
  r.known(raw, at, ['at', 'kind', 'target', 'duration', 'factor', 'rate']);
  const kind = r.oneOf(raw, 'kind', `${at}.kind`, ['crash', 'slow', 'error']) ?? 'slow';
  const target = r.str(raw, 'target', `${at}.target`, true) ?? 'servers';
  const m = /^server-(\d+)$/.exec(target);
  if (target === 'dependency' && !hasDependency) r.fail(`${at}.target`, 'the scenario has no dependency');
  else if (target === 'dependency' && kind === 'crash')
    r.fail(`${at}.target`, 'crash targets a server (server-N); slow or fail the dependency instead');
  else if (target !== 'dependency' && target !== 'servers' && !(m && Number(m[1]) >= 1 && Number(m[1]) <= servers))
    r.fail(`${at}.target`, `must be server-1 … server-${servers}, servers or dependency`);
  const common = {
    at: r.time(raw, 'at', `${at}.at`, true) ?? 0,
    target,
    duration: r.time(raw, 'duration', `${at}.duration`, true, { positive: true }) ?? 0,
  };
  if (kind === 'crash') return { ...common, kind };
  if (kind === 'slow')
    return {
      ...common,
      kind,
      factor: r.num(raw, 'factor', `${at}.factor`, { min: 0, exclusiveMin: true, required: true }) ?? 1,
    };
  return { ...common, kind, rate: r.num(raw, 'rate', `${at}.rate`, { min: 0, max: 1, required: true }) ?? 0 };
}

function availability(raw: Obj, r: Reader): AvailabilityScenario {
  r.known(raw, '', [
    'kind',
    'name',
    'description',
    'seed',
    'horizon',
    'trials',
    'target',
    'components',
    'levers',
    'slos',
    'expect',
  ]);
  const comps =
    Array.isArray(raw.components) && raw.components.length > 0
      ? raw.components
      : (r.fail('components', 'must be a list of at least one component'), []);
  const hours = (v: number | undefined) => (v === undefined ? undefined : v / 3_600_000);
  return {
    kind: 'availability',
    name: r.str(raw, 'name', 'name', true) ?? 'availability',
    description: r.str(raw, 'description', 'description', false) ?? '',
    seed: r.num(raw, 'seed', 'seed', { min: 0, max: MAX_SEED, integer: true }) ?? 1,
    horizonHours: hours(r.time(raw, 'horizon', 'horizon', false, { positive: true })) ?? 8760,
    trials: r.num(raw, 'trials', 'trials', { min: 1, integer: true }) ?? 200,
    target:
      raw.target === undefined
        ? undefined
        : (r.num(raw, 'target', 'target', { min: 0, max: 100, exclusiveMin: true }) ?? 100) / 100,
    components: comps.map((c: unknown, i: number) => {
      const at = `components[${i}]`;
      const o = isObj(c) ? c : (r.fail(at, 'must be a mapping'), {});
      r.known(o, at, ['name', 'mtbf', 'mttr', 'count', 'needed', 'mode', 'failover']);
      const count = r.num(o, 'count', `${at}.count`, { min: 1, integer: true }) ?? 1;
      const needed = r.num(o, 'needed', `${at}.needed`, { min: 1, integer: true }) ?? 1;
      if (needed > count) r.fail(`${at}.needed`, `cannot exceed count (${count})`);
      const mode = r.oneOf(o, 'mode', `${at}.mode`, ['active-active', 'active-passive']) ?? 'active-active';
      return {
        name: r.str(o, 'name', `${at}.name`, true) ?? `component-${i + 1}`,
        mtbfHours: hours(r.time(o, 'mtbf', `${at}.mtbf`, true, { positive: true })) ?? 1,
        mttrHours: hours(r.time(o, 'mttr', `${at}.mttr`, true, { positive: true })) ?? 1,
        count,
        needed: mode === 'active-passive' ? 1 : needed,
        mode,
        failoverSeconds: (r.time(o, 'failover', `${at}.failover`, false) ?? 0) / 1000,
      };
    }),
  };
}

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, y: 31_536_000_000 };

/** Field readers that report by field path. Times: strings with units, or numbers of seconds. */
class Reader {
  constructor(readonly fail: (field: string, message: string) => undefined) {}

  known(o: Obj, at: string, keys: readonly string[]): void {
    for (const key of Object.keys(o))
      if (!keys.includes(key)) this.fail(at ? `${at}.${key}` : key, `unknown field (known: ${keys.join(', ')})`);
  }

  obj(o: Obj, key: string, required: boolean): Obj | undefined {
    const v = o[key];
    if (v === undefined) return required ? this.fail(key, 'is required') : undefined;
    return isObj(v) ? v : this.fail(key, 'must be a mapping');
  }

  list(o: Obj, key: string, at: string): unknown[] {
    const v = o[key];
    if (v === undefined) return [];
    return Array.isArray(v) ? v : (this.fail(at, 'must be a list'), []);
  }

  str(o: Obj, key: string, at: string, required: boolean): string | undefined {
    const v = o[key];
    if (v === undefined) return required ? this.fail(at, 'is required') : undefined;
    return typeof v === 'string' && v.trim() !== '' ? v : this.fail(at, 'must be text');
  }

  num(
    o: Obj,
    key: string,
    at: string,
    opts: { min?: number; max?: number; integer?: boolean; exclusiveMin?: boolean; required?: boolean },
  ): number | undefined {
    const v = o[key];
    if (v === undefined) return opts.required ? this.fail(at, 'is required') : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(at, `must be a number, not ${describe(v)}`);
    if (opts.integer && !Number.isInteger(v)) return this.fail(at, 'must be a whole number');
    if (opts.min !== undefined && (opts.exclusiveMin ? v <= opts.min : v < opts.min))
      return this.fail(at, `must be ${opts.exclusiveMin ? 'above' : 'at least'} ${opts.min}`);
    if (opts.max !== undefined && v > opts.max)
      return this.fail(at, `must be at most ${opts.max.toLocaleString('en-US')}, not ${describe(v)}`);
    return v;
  }

  oneOf<T extends string>(o: Obj, key: string, at: string, allowed: readonly T[]): T | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    return typeof v === 'string' && (allowed as readonly string[]).includes(v)
      ? (v as T)
      : this.fail(at, `must be one of ${allowed.join(', ')}`);
  }

  /** A duration in ms: "250ms", "30s", "5m", or a number of seconds. */
  time(o: Obj, key: string, at: string, required: boolean, opts: { positive?: boolean } = {}): number | undefined {
    const v = o[key];
    if (v === undefined) return required ? this.fail(at, 'is required') : undefined;
    let ms: number | undefined;
    if (typeof v === 'number' && Number.isFinite(v)) ms = v * 1000;
    else if (typeof v === 'string') {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|y)\s*$/.exec(v);
      if (m) ms = Number(m[1]) * UNIT_MS[m[2]];
    }
    if (ms === undefined)
      return this.fail(at, `must be a duration such as "250ms" or "30s" (or a number of seconds), not ${describe(v)}`);
    if (ms < 0 || (opts.positive && ms === 0))
      return this.fail(at, `must be ${opts.positive ? 'above' : 'at least'} 0`);
    return ms;
  }
}

import type { DynamicScenario } from './dynamics.js';
import type { AvailabilityScenario, Scenario } from './scenario.js';

/** A validated scenario of any kind, as a lever reads its baseline from it. */
export type LeverModel = Scenario | AvailabilityScenario | DynamicScenario;

/**
 * The model fields a lever may move. A lever reads its baseline from the validated scenario and
 * writes a new value into the scenario's document (the parsed file), which is then validated again:
 * a lever can never build a scenario the file format would refuse.
 */
export interface LeverField {
  /** What kind of number it is: this fixes which lever units are accepted. */
  kind: 'count' | 'number' | 'time' | 'fraction' | 'percent' | 'choice';
  /** For `time`: the model's unit (request and dynamics scenarios keep ms, availability MTBF/MTTR hours, failover seconds). */
  timeUnit?: 'ms' | 's' | 'h';
  /** For `choice`: the names, in the order of their lever values 0, 1, 2, … */
  choices?: readonly string[];
  /** Whether 0 turns the setting off (the key is removed). */
  zeroIsOff?: boolean;
  /** The value in model units, or undefined when the setting is off. Choices give their index. */
  get(sc: LeverModel, index: number): number | undefined;
  /** Write a model value into the document (already a copy); `sc` is the scenario the document validated to. */
  set(doc: Doc, index: number, value: number, sc: LeverModel): void;
  /** For a `zeroIsOff` field whose setting is more than its own key: take it out of the document. */
  remove?(doc: Doc, index: number): void;
}

export type Doc = Record<string, unknown>;

const JITTERS = ['none', 'full', 'equal', 'decorrelated'] as const;
const BACKOFFS = ['exponential', 'constant'] as const;
const SWITCH = ['off', 'on'] as const;
const STRATEGY_NAMES = [
  'round-robin',
  'weighted-round-robin',
  'least-connections',
  'ip-hash',
  'random',
  'power-of-two-choices',
] as const;

export function child(doc: Doc, key: string): Doc {
  const v = doc[key];
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Doc;
  const made: Doc = {};
  doc[key] = made;
  return made;
}

function item(doc: Doc, key: string, index: number): Doc {
  const list = doc[key] as unknown[];
  return list[index] as Doc;
}

const req = (sc: LeverModel) => (sc.kind === 'requests' ? sc : undefined);
const avail = (sc: LeverModel) => (sc.kind === 'availability' ? sc : undefined);
const ms = (v: number) => `${v}ms`;

/** The retry policy in the document, made (with one attempt, so no retry yet) when the file has none. */
function retryDoc(doc: Doc): Doc {
  const policies = child(doc, 'policies');
  if (policies.retry === undefined) policies.retry = { attempts: 1 };
  return policies.retry as Doc;
}

/** The breaker's settings must be in the file for a lever to switch it on (`enabled: false` keeps it off). */
function breakerDoc(doc: Doc): Doc {
  return child(child(doc, 'policies'), 'circuitBreaker');
}

function breakerNumber(
  key:
    | 'failureRateThreshold'
    | 'slowCallRateThreshold'
    | 'slidingWindowSize'
    | 'minimumNumberOfCalls'
    | 'permittedNumberOfCallsInHalfOpenState',
  kind: 'count' | 'percent',
): LeverField {
  return {
    kind,
    get: (sc) => req(sc)?.policies.circuitBreaker?.[key],
    set: (doc, _i, v) => void (breakerDoc(doc)[key] = v),
  };
}

function breakerTime(key: 'waitDurationInOpenState' | 'slowCallDurationThreshold'): LeverField {
  return {
    kind: 'time',
    timeUnit: 'ms',
    get: (sc) => req(sc)?.policies.circuitBreaker?.[key],
    set: (doc, _i, v) => void (breakerDoc(doc)[key] = ms(v)),
  };
}

/** Fields by path; `[]` stands for a list index given in the lever's path (servers[1].count). */
export const LEVER_FIELDS: Record<string, LeverField> = {
  'traffic.rate': {
    kind: 'number',
    get: (sc) => req(sc)?.traffic.rate,
    set: (doc, _i, v) => void (child(doc, 'traffic').rate = v),
  },
  'servers[].count': {
    kind: 'count',
    get: (sc, i) => req(sc)?.servers[i]?.count,
    set: (doc, i, v) => void (item(doc, 'servers', i).count = v),
  },
  'servers[].workers': {
    kind: 'count',
    get: (sc, i) => req(sc)?.servers[i]?.workers,
    set: (doc, i, v) => void (item(doc, 'servers', i).workers = v),
  },
  'servers[].queue': {
    kind: 'count',
    get: (sc, i) => req(sc)?.servers[i]?.queue,
    set: (doc, i, v) => void (item(doc, 'servers', i).queue = v),
  },
  'loadBalancer.strategy': {
    kind: 'choice',
    choices: STRATEGY_NAMES,
    get: (sc) => (req(sc) ? STRATEGY_NAMES.indexOf(req(sc)!.loadBalancer.strategy) : undefined),
    set: (doc, _i, v) => void (child(doc, 'loadBalancer').strategy = STRATEGY_NAMES[v]),
  },
  'dependency.workers': {
    kind: 'count',
    get: (sc) => req(sc)?.dependency?.workers,
    set: (doc, _i, v) => void (child(doc, 'dependency').workers = v),
  },
  /** The dependency's mean service time (a faster query); a lognormal keeps its shape (p99 scales with it). */
  'dependency.service.mean': {
    kind: 'time',
    timeUnit: 'ms',
    get: (sc) => req(sc)?.dependency?.service.mean,
    set: (doc, _i, v, sc) => {
      const dep = req(sc)?.dependency;
      const service = child(child(doc, 'dependency'), 'service');
      if (dep?.service.dist === 'lognormal') service.p99 = ms((dep.service.p99 * v) / dep.service.mean);
      service.mean = ms(v);
    },
  },
  'dependency.queue': {
    kind: 'count',
    get: (sc) => req(sc)?.dependency?.queue,
    set: (doc, _i, v) => void (child(doc, 'dependency').queue = v),
  },
  'cache.hitRatio': {
    kind: 'fraction',
    zeroIsOff: true,
    get: (sc) => req(sc)?.cache?.hitRatio,
    set: (doc, _i, v) => {
      const cache = child(doc, 'cache');
      cache.hitRatio = v;
      // A cache switched on by a lever answers in 1 ms unless the file says otherwise.
      if (cache.latency === undefined) cache.latency = '1ms';
    },
  },
  'policies.timeout': {
    kind: 'time',
    timeUnit: 'ms',
    zeroIsOff: true,
    get: (sc) => req(sc)?.policies.timeout,
    set: (doc, _i, v) => void (child(doc, 'policies').timeout = ms(v)),
  },
  'policies.retry.retries': {
    kind: 'count',
    zeroIsOff: true,
    get: (sc) => {
      const attempts = req(sc)?.policies.retry?.attempts;
      return attempts === undefined || attempts <= 1 ? undefined : attempts - 1;
    },
    set: (doc, _i, v) => void (retryDoc(doc).attempts = v + 1),
  },
  'policies.retry.backoff': {
    kind: 'choice',
    choices: BACKOFFS,
    get: (sc) => (req(sc) ? BACKOFFS.indexOf(req(sc)!.policies.retry?.kind ?? 'exponential') : undefined),
    set: (doc, _i, v) => void (retryDoc(doc).backoff = BACKOFFS[v]),
  },
  'policies.retry.base': {
    kind: 'time',
    timeUnit: 'ms',
    get: (sc) => (req(sc) ? (req(sc)!.policies.retry?.base ?? 100) : undefined),
    set: (doc, _i, v) => void (retryDoc(doc).base = ms(v)),
  },
  'policies.retry.max': {
    kind: 'time',
    timeUnit: 'ms',
    get: (sc) => (req(sc) ? (req(sc)!.policies.retry?.max ?? 10_000) : undefined),
    set: (doc, _i, v) => void (retryDoc(doc).max = ms(v)),
  },
  'policies.retry.jitter': {
    kind: 'choice',
    choices: JITTERS,
    get: (sc) => (req(sc) ? JITTERS.indexOf(req(sc)!.policies.retry?.jitter ?? 'none') : undefined),
    set: (doc, _i, v) => void (retryDoc(doc).jitter = JITTERS[v]),
  },
  'policies.retry.budget': {
    kind: 'fraction',
    zeroIsOff: true,
    get: (sc) => req(sc)?.policies.retry?.budget,
    set: (doc, _i, v) => void (retryDoc(doc).budget = v),
  },
  'policies.circuitBreaker.enabled': {
    kind: 'choice',
    choices: SWITCH,
    get: (sc) => (req(sc) ? (req(sc)!.policies.circuitBreaker ? 1 : 0) : undefined),
    set: (doc, _i, v) => void (breakerDoc(doc).enabled = v === 1),
  },
  'policies.circuitBreaker.failureRateThreshold': breakerNumber('failureRateThreshold', 'percent'),
  'policies.circuitBreaker.slowCallRateThreshold': breakerNumber('slowCallRateThreshold', 'percent'),
  'policies.circuitBreaker.slidingWindowSize': breakerNumber('slidingWindowSize', 'count'),
  'policies.circuitBreaker.minimumNumberOfCalls': breakerNumber('minimumNumberOfCalls', 'count'),
  'policies.circuitBreaker.permittedNumberOfCallsInHalfOpenState': breakerNumber(
    'permittedNumberOfCallsInHalfOpenState',
    'count',
  ),
  'policies.circuitBreaker.waitDurationInOpenState': breakerTime('waitDurationInOpenState'),
  'policies.circuitBreaker.slowCallDurationThreshold': breakerTime('slowCallDurationThreshold'),
  'policies.bulkhead.maxConcurrent': {
    kind: 'count',
    zeroIsOff: true,
    get: (sc) => req(sc)?.policies.bulkhead?.maxConcurrent,
    set: (doc, _i, v) => void (child(child(doc, 'policies'), 'bulkhead').maxConcurrent = v),
  },
  'components[].count': {
    kind: 'count',
    get: (sc, i) => avail(sc)?.components[i]?.count,
    set: (doc, i, v) => void (item(doc, 'components', i).count = v),
  },
  'components[].needed': {
    kind: 'count',
    get: (sc, i) => avail(sc)?.components[i]?.needed,
    set: (doc, i, v) => void (item(doc, 'components', i).needed = v),
  },
  'components[].mtbf': {
    kind: 'time',
    timeUnit: 'h',
    get: (sc, i) => avail(sc)?.components[i]?.mtbfHours,
    set: (doc, i, v) => void (item(doc, 'components', i).mtbf = `${v}h`),
  },
  'components[].mttr': {
    kind: 'time',
    timeUnit: 'h',
    get: (sc, i) => avail(sc)?.components[i]?.mttrHours,
    set: (doc, i, v) => void (item(doc, 'components', i).mttr = `${v}h`),
  },
  'components[].failover': {
    kind: 'time',
    timeUnit: 's',
    get: (sc, i) => avail(sc)?.components[i]?.failoverSeconds,
    set: (doc, i, v) => void (item(doc, 'components', i).failover = `${v}s`),
  },
  /** Standby copies behind one active instance: 0 is a single instance, k is active-passive with k standbys. */
  'components[].standby': {
    kind: 'count',
    get: (sc, i) => {
      const c = avail(sc)?.components[i];
      if (!c) return undefined;
      return c.mode === 'active-passive' ? c.count - 1 : c.count === 1 ? 0 : undefined;
    },
    set: (doc, i, v) => {
      const c = item(doc, 'components', i);
      c.count = v + 1;
      c.mode = 'active-passive';
      delete c.needed;
    },
  },
};

/**
 * Split `servers[1].count` into the table key `servers[].count` and the index 1 (0 when none); a path
 * inside a nested scenario keeps its prefix (`scenario.servers[0].count` is `scenario.servers[].count`).
 */
export function fieldKey(path: string): { key: string; index: number } {
  const m = /^((?:\w+\.)*)(\w+)\[(\d+)\]\.(\w+)$/.exec(path);
  if (m) return { key: `${m[1]}${m[2]}[].${m[4]}`, index: Number(m[3]) };
  return { key: path, index: 0 };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Take a setting that a lever turned off (value 0) out of a request or availability document. */
export function removeField(doc: Doc, path: string): void {
  if (path === 'policies.retry.retries') {
    const policies = doc.policies as Obj | undefined;
    if (isObj(policies?.retry)) policies.retry.attempts = 1;
    return;
  }
  const parts = path.split('.');
  let node: unknown = doc;
  for (const part of parts.slice(0, -1)) node = isObj(node) ? node[part] : undefined;
  const last = parts[parts.length - 1];
  if (!isObj(node)) return;
  // A cache or bulkhead with its one number off is no cache or bulkhead at all.
  if (path === 'cache.hitRatio') delete doc.cache;
  else if (path === 'policies.bulkhead.maxConcurrent') delete (doc.policies as Obj).bulkhead;
  else delete node[last];
}

/** Lever units a time field accepts, in ms. */
export const TIME_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const MODEL_UNIT_MS = { ms: 1, s: 1000, h: 3_600_000 } as const;

/**
 * How many model units one lever unit is: e.g. a timeout lever in s on a field kept in ms is 1000;
 * a hit ratio lever in % is 0.01; undefined when the unit does not fit the field.
 */
export function unitFactor(field: LeverField, unit: string): number | undefined {
  switch (field.kind) {
    case 'time':
      return TIME_UNITS_MS[unit] === undefined
        ? undefined
        : TIME_UNITS_MS[unit] / MODEL_UNIT_MS[field.timeUnit ?? 'ms'];
    case 'fraction':
      return unit === '%' ? 0.01 : unit === 'fraction' ? 1 : undefined;
    case 'percent':
      return unit === '%' ? 1 : undefined;
    case 'choice':
      return unit === 'choice' ? 1 : undefined;
    default:
      return 1;
  }
}

import type { DynamicScenario } from './dynamics.js';
import { LEVER_FIELDS, child, removeField, type Doc, type LeverField, type LeverModel } from './lever-fields.js';

type Kind = DynamicScenario['kind'];
type Obj = Record<string, unknown>;
const SWITCH = ['off', 'on'] as const;

/** The value at a dotted path of a validated scenario, when it is of `kind`. */
function read(sc: LeverModel, kind: Kind, path: string): unknown {
  if (sc.kind !== kind) return undefined;
  let node: unknown = sc;
  for (const key of path.split('.')) node = node !== null && typeof node === 'object' ? (node as Obj)[key] : undefined;
  return node;
}

/** Write `value` at a dotted path of a document, making the mappings on the way. */
function write(doc: Doc, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = doc;
  for (const key of keys.slice(0, -1)) node = child(node, key);
  node[keys[keys.length - 1]] = value;
}

const asNumber = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** A number kept as it is (counts, rates, fractions). */
function plain(kind: Kind, path: string, type: 'count' | 'number' | 'fraction'): LeverField {
  return {
    kind: type,
    get: (sc) => asNumber(read(sc, kind, path)),
    set: (doc, _i, v) => write(doc, path, v),
  };
}

/** A time the model keeps in ms; `zeroIsOff` removes the key (a setting that is off when absent). */
function time(kind: Kind, path: string, zeroIsOff = false): LeverField {
  return {
    kind: 'time',
    timeUnit: 'ms',
    zeroIsOff,
    get: (sc) => asNumber(read(sc, kind, path)),
    set: (doc, _i, v) => write(doc, path, `${v}ms`),
  };
}

/** A named setting (or a true/false one, as off/on): the lever's value is the index of the name. */
function choice(kind: Kind, path: string, names: readonly string[]): LeverField {
  const isSwitch = names === SWITCH;
  return {
    kind: 'choice',
    choices: names,
    get: (sc) => {
      if (sc.kind !== kind) return undefined;
      const v = read(sc, kind, path);
      return isSwitch ? (v ? 1 : 0) : names.indexOf(String(v));
    },
    set: (doc, _i, v) => write(doc, path, isSwitch ? v === 1 : names[v]),
  };
}

/** A distribution's mean time; a lognormal keeps its shape (its p99 scales with the mean). */
function distMean(kind: Kind, path: string): LeverField {
  return {
    kind: 'time',
    timeUnit: 'ms',
    get: (sc) => asNumber(read(sc, kind, `${path}.mean`)),
    set: (doc, _i, v, sc) => {
      const spec = read(sc, kind, path) as { dist: string; mean: number; p99?: number } | undefined;
      if (spec?.dist === 'lognormal' && spec.p99 !== undefined)
        write(doc, `${path}.p99`, `${(spec.p99 * v) / spec.mean}ms`);
      write(doc, `${path}.mean`, `${v}ms`);
    },
  };
}

const kafka: Record<string, LeverField> = {
  'producer.rate': plain('kafka', 'producer.rate', 'number'),
  'producer.partitioner': choice('kafka', 'producer.partitioner', ['hash', 'least-bytes']),
  'topic.partitions': plain('kafka', 'topic.partitions', 'count'),
  'consumers.count': plain('kafka', 'consumers.count', 'count'),
  'consumers.processing.mean': distMean('kafka', 'consumers.processing'),
  'group.sessionTimeout': time('kafka', 'group.sessionTimeout'),
  'group.rebalancePause': time('kafka', 'group.rebalancePause'),
  'group.commitInterval': time('kafka', 'group.commitInterval'),
};

const closedLoop: Record<string, LeverField> = {
  users: plain('closed-loop', 'users', 'count'),
  /** Think time; 0 is none (like `hey -c N`); one switched on by a lever is exponential, like a person's pause. */
  'think.mean': {
    ...time('closed-loop', 'think.mean', true),
    set: (doc, _i, v) => {
      const think = child(doc, 'think');
      if (think.dist === undefined) think.dist = 'exponential';
      think.mean = `${v}ms`;
    },
    remove: (doc) => void delete doc.think,
  },
  'server.workers': plain('closed-loop', 'server.workers', 'count'),
  'server.service.mean': distMean('closed-loop', 'server.service'),
  'stalls[].duration': {
    kind: 'time',
    timeUnit: 'ms',
    get: (sc, i) => (sc.kind === 'closed-loop' ? sc.stalls[i]?.duration : undefined),
    set: (doc, i, v) => void ((doc.stalls as Obj[])[i].duration = `${v}ms`),
  },
};

const gateway: Record<string, LeverField> = {
  'traffic.rate': plain('gateway', 'traffic.rate', 'number'),
  instances: plain('gateway', 'instances', 'count'),
  zones: plain('gateway', 'zones', 'count'),
  'server.workers': plain('gateway', 'server.workers', 'count'),
  'server.service.mean': distMean('gateway', 'server.service'),
  timeout: time('gateway', 'timeout'),
  /** Tokens a second; 0 is no bucket. One switched on by a lever saves a tenth of a second's tokens unless the file says. */
  'rateLimit.rate': {
    kind: 'number',
    zeroIsOff: true,
    get: (sc) => asNumber(read(sc, 'gateway', 'rateLimit.rate')),
    set: (doc, _i, v) => {
      const limit = child(doc, 'rateLimit');
      limit.rate = v;
      if (limit.burst === undefined) limit.burst = Math.max(1, Math.ceil(v / 10));
    },
    remove: (doc) => void delete doc.rateLimit,
  },
  'rateLimit.burst': plain('gateway', 'rateLimit.burst', 'count'),
  'queue.limit': plain('gateway', 'queue.limit', 'count'),
  'queue.discipline': choice('gateway', 'queue.discipline', ['fifo', 'lifo']),
  'queue.maxAge': time('gateway', 'queue.maxAge', true),
  'autoscale.target': plain('gateway', 'autoscale.target', 'fraction'),
  'autoscale.min': plain('gateway', 'autoscale.min', 'count'),
  'autoscale.max': plain('gateway', 'autoscale.max', 'count'),
  'autoscale.window': time('gateway', 'autoscale.window'),
  'autoscale.interval': time('gateway', 'autoscale.interval'),
  'autoscale.startup': time('gateway', 'autoscale.startup'),
  'autoscale.cooldown': time('gateway', 'autoscale.cooldown'),
};

const cache: Record<string, LeverField> = {
  'traffic.rate': plain('cache', 'traffic.rate', 'number'),
  'cache.ttl': time('cache', 'cache.ttl'),
  'cache.ttlJitter': plain('cache', 'cache.ttlJitter', 'fraction'),
  'cache.start': choice('cache', 'cache.start', ['cold', 'warm']),
  'cache.singleFlight': choice('cache', 'cache.singleFlight', SWITCH),
  'cache.staleWhileRevalidate': time('cache', 'cache.staleWhileRevalidate'),
  'database.workers': plain('cache', 'database.workers', 'count'),
  'database.service.mean': distMean('cache', 'database.service'),
};

const hedge: Record<string, LeverField> = {
  'traffic.rate': plain('hedge', 'traffic.rate', 'number'),
  replicas: plain('hedge', 'replicas', 'count'),
  'server.workers': plain('hedge', 'server.workers', 'count'),
  'server.service.mean': distMean('hedge', 'server.service'),
  'hedge.after': time('hedge', 'hedge.after'),
  'hedge.cancel': choice('hedge', 'hedge.cancel', SWITCH),
};

/**
 * A metastable scenario's levers move its `scenario` (the system every variant starts from): the request
 * levers under `scenario.`, read from the first variant (the system as written) and written into `scenario`.
 */
const metastable: Record<string, LeverField> = Object.fromEntries(
  Object.entries(LEVER_FIELDS)
    .filter(([key]) => !key.startsWith('components'))
    .map(([key, f]): [string, LeverField] => [
      `scenario.${key}`,
      {
        ...f,
        get: (sc, i) => (sc.kind === 'metastable' ? f.get(sc.variants[0].scenario, i) : undefined),
        set: (doc, i, v, sc) =>
          f.set(child(doc, 'scenario'), i, v, sc.kind === 'metastable' ? sc.variants[0].scenario : sc),
        remove: (doc, i) =>
          f.remove
            ? f.remove(child(doc, 'scenario'), i)
            : removeField(child(doc, 'scenario'), key.replace('[]', `[${i}]`)),
      },
    ]),
);

const BY_KIND: Record<Kind, Record<string, LeverField>> = {
  kafka,
  'closed-loop': closedLoop,
  metastable,
  gateway,
  cache,
  hedge,
};

/** The fields a lever of a scenario of this kind may move, by path (`[]` for a list index). */
export function leverFieldsFor(kind: LeverModel['kind']): Record<string, LeverField> {
  return kind === 'requests' || kind === 'availability' ? LEVER_FIELDS : BY_KIND[kind];
}

import { peakRate, readArrivals, type ArrivalSpec } from './arrivals.js';
import type { DistSpec } from './dist.js';
import type { FieldReader, Obj } from './field-reader.js';
import type { Lever, Slo } from './levers.js';

/** Reads through a TTL cache in front of a database (`kind: cache`); times in ms. */
export interface CacheScenario {
  kind: 'cache';
  name: string;
  description: string;
  seed: number;
  duration: number;
  /** Excluded from the statistics. @default 0 */
  warmup: number;
  traffic: ArrivalSpec;
  /** `count` keys, key k (from 1) requested with probability ∝ 1 / k^zipf (0: all alike). */
  keys: { count: number; zipf: number };
  cache: {
    ttl: number;
    /** Each entry's TTL is drawn uniformly from ttl × [1 − jitter, 1 + jitter]. @default 0 */
    ttlJitter: number;
    /** Time to answer from the cache. @default 1 */
    hitLatency: number;
    /** warm: every key cached at the start, with a uniformly spread remaining TTL; cold: empty. @default 'cold' */
    start: 'cold' | 'warm';
    /** Concurrent misses of one key wait for one database read (Go's singleflight). @default false */
    singleFlight: boolean;
    /** For this long after expiry the stale value is served while one background read refreshes it. @default 0 */
    staleWhileRevalidate: number;
  };
  database: { workers: number; queue: number; service: DistSpec };
  /** The knobs a user may turn (`simulate --levers`). @default [] */
  levers?: Lever[];
  /** The objectives a run is judged against. @default [] */
  slos?: Slo[];
}

/** Validate and normalise a `kind: cache` document. */
export function readCache(raw: Obj, r: FieldReader): CacheScenario {
  r.known(raw, '', [
    'kind',
    'name',
    'description',
    'seed',
    'duration',
    'warmup',
    'traffic',
    'keys',
    'cache',
    'database',
  ]);
  const traffic = r.obj(raw, 'traffic', 'traffic', true);
  r.known(traffic, 'traffic', ['rate', 'arrival', 'steps', 'bursts', 'diurnal']);
  const keys = r.obj(raw, 'keys', 'keys', true);
  r.known(keys, 'keys', ['count', 'zipf']);
  const cache = r.obj(raw, 'cache', 'cache', true);
  r.known(cache, 'cache', ['ttl', 'ttlJitter', 'hitLatency', 'start', 'singleFlight', 'staleWhileRevalidate']);
  const db = r.obj(raw, 'database', 'database', true);
  r.known(db, 'database', ['workers', 'queue', 'service']);
  const sc: CacheScenario = {
    kind: 'cache',
    name: r.str(raw, 'name', 'name', true) ?? 'cache',
    description: r.str(raw, 'description', 'description', false) ?? '',
    seed: r.num(raw, 'seed', 'seed', { min: 0, max: 4_294_967_295, integer: true }) ?? 1,
    duration: r.time(raw, 'duration', 'duration', true, true) ?? 1,
    warmup: r.time(raw, 'warmup', 'warmup', false) ?? 0,
    traffic: readArrivals(traffic, 'traffic', r),
    keys: {
      count: r.num(keys, 'count', 'keys.count', { min: 1, max: 1_000_000, integer: true, required: true }) ?? 1,
      zipf: r.num(keys, 'zipf', 'keys.zipf', { min: 0, max: 5 }) ?? 1,
    },
    cache: {
      ttl: r.time(cache, 'ttl', 'cache.ttl', true, true) ?? 1,
      ttlJitter: r.num(cache, 'ttlJitter', 'cache.ttlJitter', { min: 0, max: 1 }) ?? 0,
      hitLatency: r.time(cache, 'hitLatency', 'cache.hitLatency', false) ?? 1,
      start: r.oneOf(cache, 'start', 'cache.start', ['cold', 'warm'] as const) ?? 'cold',
      singleFlight: r.bool(cache, 'singleFlight', 'cache.singleFlight') ?? false,
      staleWhileRevalidate: r.time(cache, 'staleWhileRevalidate', 'cache.staleWhileRevalidate', false) ?? 0,
    },
    database: {
      workers: r.num(db, 'workers', 'database.workers', { min: 1, max: 100_000, integer: true, required: true }) ?? 1,
      queue: r.num(db, 'queue', 'database.queue', { min: 0, max: 10_000_000, integer: true }) ?? 1000,
      service: r.dist(db, 'service', 'database.service'),
    },
  };
  if (sc.warmup >= sc.duration) r.fail('warmup', 'must be shorter than duration');
  if ((peakRate(sc.traffic) * sc.duration) / 1000 > 20_000_000)
    r.fail('traffic.rate', 'would offer over 20,000,000 requests: shorten duration or lower the rate');
  return sc;
}

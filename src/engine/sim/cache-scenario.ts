import * as z from 'zod/mini';
import { arrivals, peakRate, toArrivals, type ArrivalSpec } from './arrivals.js';
import type { DistSpec } from './dist.js';
import { common, described, dist, int, num, obj, oneOf, time, toDist, type Fail } from './fields.js';
import type { WithLevers } from './levers.js';

/** Reads through a TTL cache in front of a database (`kind: cache`); times in ms. */
export interface CacheScenario extends WithLevers {
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
}

/** The `kind: cache` document. */
export const cacheFields = z.lazy(() =>
  obj({
    ...common('cache', 'Reads of Zipf-popular keys through a TTL cache in front of a database.'),
    duration: time('Simulated time.', true),
    warmup: z.optional(time('Excluded from the statistics.')),
    traffic: arrivals('Reads offered.'),
    keys: obj({
      count: int('Keys.', 1, 1_000_000),
      zipf: z._default(num('Popularity exponent; 0: all alike.', { min: 0, max: 5 }), 1),
    }),
    cache: obj({
      ttl: time('Time to live of a fill.', true),
      ttlJitter: z._default(num('TTL × uniform[1 − j, 1 + j].', { min: 0, max: 1 }), 0),
      hitLatency: z.optional(time('Default 1 ms.')),
      start: z._default(oneOf(['cold', 'warm']), 'cold'),
      singleFlight: z._default(described(z.boolean(), 'Coalesce concurrent misses of a key.'), false),
      staleWhileRevalidate: z.optional(
        time('Serve an expired entry this long while one read refreshes it. Default 0.'),
      ),
    }),
    database: obj({
      workers: int('Connections.', 1, 100_000),
      queue: z._default(int('Calls waiting; beyond it a call is rejected.', 0, 10_000_000), 1000),
      service: dist(),
    }),
  }),
);

/** Normalise a `kind: cache` document read by {@link cacheFields}. */
export function toCache(raw: z.output<typeof cacheFields>, fail: Fail): CacheScenario {
  const sc: CacheScenario = {
    kind: 'cache',
    name: raw.name,
    description: raw.description ?? '',
    seed: raw.seed,
    duration: raw.duration,
    warmup: raw.warmup ?? 0,
    traffic: toArrivals(raw.traffic, 'traffic', fail),
    keys: raw.keys,
    cache: {
      ...raw.cache,
      hitLatency: raw.cache.hitLatency ?? 1,
      staleWhileRevalidate: raw.cache.staleWhileRevalidate ?? 0,
    },
    database: { ...raw.database, service: toDist(raw.database.service, 'database.service', fail) },
  };
  if (sc.warmup >= sc.duration) fail('warmup', 'must be shorter than duration');
  if ((peakRate(sc.traffic) * sc.duration) / 1000 > 20_000_000)
    fail('traffic.rate', 'would offer over 20,000,000 requests: shorten duration or lower the rate');
  return sc;
}

import { describe, expect, it } from 'vitest';
import { analyticHitRatio, runCache, zipfCdf } from '../../../src/engine/sim/cache-model.js';
import type { CacheScenario } from '../../../src/engine/sim/cache-scenario.js';
import { validateDynamic } from '../../../src/engine/sim/dynamics.js';

const cache = (over: Record<string, unknown>, cacheFields: Record<string, unknown> = {}): CacheScenario => {
  const { scenario, problems } = validateDynamic({
    kind: 'cache',
    name: 't',
    duration: '10m',
    warmup: '1m',
    traffic: { rate: 500 },
    keys: { count: 2000, zipf: 1 },
    database: { workers: 50, service: { dist: 'constant', mean: '0.01ms' } },
    ...over,
    cache: { ttl: '10s', start: 'warm', ...cacheFields },
  });
  if (scenario?.kind !== 'cache') throw new Error(JSON.stringify(problems));
  return scenario;
};

describe('hit ratio of a TTL cache against the closed form (Poisson arrivals, instant reads)', () => {
  it.each([
    ['uniform keys', { keys: { count: 2000, zipf: 0 } }, {}],
    ['Zipf 1', {}, {}],
    ['Zipf 1.2, TTL 30 s', { keys: { count: 2000, zipf: 1.2 } }, { ttl: '30s' }],
    ['Zipf 0.8, stale-while-revalidate 5 s', { keys: { count: 2000, zipf: 0.8 } }, { staleWhileRevalidate: '5s' }],
    ['Zipf 1, TTL jitter ±50%', {}, { ttlJitter: 0.5 }],
  ])('%s: within half a point', (_name, over, fields) => {
    const sc = cache(over, fields);
    const r = runCache(sc, 4);
    expect(r.analyticHitRatio).toBe(Math.round(analyticHitRatio(sc) * 1e4) / 1e4);
    expect(Math.abs(r.hitRatio - r.analyticHitRatio)).toBeLessThan(0.005);
  });

  it('the closed form itself: one key at rate λ holds λT / (1 + λT); uniform keys share it', () => {
    // 500/s over 2,000 keys is 0.25/s per key; T = 10 s: 2.5 / 3.5.
    expect(analyticHitRatio(cache({ keys: { count: 2000, zipf: 0 } }))).toBeCloseTo(2.5 / 3.5, 10);
    // W = 4 s: a miss only if no request comes within W: e^(−1) / 3.5.
    expect(analyticHitRatio(cache({ keys: { count: 2000, zipf: 0 } }, { staleWhileRevalidate: '4s' }))).toBeCloseTo(
      1 - Math.exp(-1) / 3.5,
      10,
    );
  });
});

describe('a stampede on a hot key', () => {
  // One key at 1,000/s; a 50 ms query; TTL 10 s.
  const hot = (fields: Record<string, unknown>) =>
    runCache(
      cache(
        {
          duration: '60s',
          warmup: '0s',
          traffic: { rate: 1000 },
          keys: { count: 1, zipf: 0 },
          database: { workers: 100, queue: 10000, service: { dist: 'constant', mean: '50ms' } },
        },
        { start: 'cold', ...fields },
      ),
      2,
    );

  it('without coalescing every read during a 50 ms query misses too: about λ × 50 ms = 50 at once', () => {
    const r = hot({});
    expect(r.hottestKeyMaxConcurrentReads).toBeGreaterThan(35);
    expect(r.hottestKeyMaxConcurrentReads).toBeLessThan(70);
  });

  it('single flight: one query per expiry, the rest wait for it', () => {
    const r = hot({ singleFlight: true });
    expect(r.hottestKeyMaxConcurrentReads).toBe(1);
    // Filled at about 0.05 s, then every 10 s + 50 ms: six reads in 60 s.
    expect(r.database.reads).toBe(6);
    expect(r.requests.coalesced).toBeGreaterThan(200);
  });

  it('stale-while-revalidate: after the first fill nobody waits; one background read per TTL', () => {
    const r = hot({ singleFlight: true, staleWhileRevalidate: '5s' });
    expect(r.requests.misses).toBe(1);
    expect(r.requests.staleHits).toBeGreaterThanOrEqual(5);
    expect(r.database.reads).toBe(6);
  });
});

describe('Zipf popularity', () => {
  it('key 1 of 500 at s = 1.1 takes 1 / H(500, 1.1) of reads', () => {
    let h = 0;
    for (let k = 1; k <= 500; k += 1) h += 1 / k ** 1.1;
    expect(zipfCdf(500, 1.1)[0]).toBeCloseTo(1 / h, 12);
    expect(zipfCdf(500, 1.1)[499]).toBeCloseTo(1, 12);
  });
});

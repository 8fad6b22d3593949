import { describe, expect, it } from 'vitest';
import { analyticHitRatio, runCache, zipfCdf } from '../../../src/engine/sim/cache-model.js';
import type { CacheScenario } from '../../../src/engine/sim/cache-scenario.js';

// One key, a request every 100 ms (constant arrivals), a database read of exactly `read` ms, TTL 250 ms,
// 1 ms to answer from the cache. Every run below is worked by hand from those rules.
function one(cache: Partial<CacheScenario['cache']>, over: Partial<CacheScenario> = {}, read = 50): CacheScenario {
  return {
    kind: 'cache',
    name: 'one key',
    description: '',
    seed: 1,
    duration: 3000,
    warmup: 0,
    traffic: { rate: 10, arrival: 'constant', steps: [] },
    keys: { count: 1, zipf: 1 },
    cache: {
      ttl: 250,
      ttlJitter: 0,
      hitLatency: 1,
      start: 'cold',
      singleFlight: false,
      staleWhileRevalidate: 0,
      ...cache,
    },
    database: { workers: 1, queue: 10, service: { dist: 'constant', mean: read } },
    ...over,
  };
}

describe('one key through a TTL cache, by hand', () => {
  it('a fill at t + 50 lasts to t + 300: the request landing exactly at expiry misses, so every third one does', () => {
    // Misses at 100, 400, …, 2800 (10); the other 20 of the 30 requests are hits.
    const r = runCache(one({}), 1);
    expect(r.requests).toEqual({ total: 30, hits: 20, staleHits: 0, misses: 10, coalesced: 0, failed: 0 });
    expect(r.hitRatio).toBe(0.6667);
    expect(r.database).toMatchObject({ reads: 10, readsPerSec: 3.333, utilization: 0.1667, maxQueue: 0 });
    expect(r.hottestKeyMaxConcurrentReads).toBe(1);
    expect(r.latencyMs.p50).toBeCloseTo(1, 1);
    expect(r.latencyMs.p95).toBeCloseTo(51, 0);
    expect(r.latencyMs.max).toBe(51);
    // Second 1: 100…900, misses 100, 400, 700. Second 2: 1000…1900, misses 1000, 1300, 1600, 1900.
    // Second 3: misses 2200, 2500, 2800 (the tick at 3 s comes before the request at 3 s).
    expect(r.timeline).toEqual([
      { t: 1, hitRatio: 0.6667, dbReadsPerSec: 3, dbQueue: 0, p99Ms: 51 },
      { t: 2, hitRatio: 0.6, dbReadsPerSec: 4, dbQueue: 0, p99Ms: 51 },
      { t: 3, hitRatio: 0.7, dbReadsPerSec: 3, dbQueue: 0, p99Ms: 51 },
    ]);
    expect(r).toMatchObject({ scenario: 'one key', kind: 'cache', seed: 1, simulatedSeconds: 3 });
  });

  it('a warm-up of 1 s leaves 21 requests (1000…3000), 7 of them misses and 7 reads of 50 ms in 2 s', () => {
    const r = runCache(one({}, { warmup: 1000 }), 1);
    expect(r.requests).toEqual({ total: 21, hits: 14, staleHits: 0, misses: 7, coalesced: 0, failed: 0 });
    expect(r.database).toMatchObject({ reads: 7, readsPerSec: 3.5, utilization: 0.175, maxQueue: 0 });
  });

  it('stale-while-revalidate: one miss, then every expiry is served stale while a background read refreshes', () => {
    // Stale at 400, 700, …, 2800 (9), each refreshing in the background; 3000 is fresh again.
    const r = runCache(one({ staleWhileRevalidate: 1000 }), 1);
    expect(r.requests).toEqual({ total: 30, hits: 29, staleHits: 9, misses: 1, coalesced: 0, failed: 0 });
    expect(r.database.reads).toBe(10);
    expect(r.latencyMs.max).toBe(51);
    expect(r.latencyMs.p95).toBeCloseTo(1, 1);
    // A background read answers nobody: second 1 has the one miss (51 ms) and stale hits at 400 and 700.
    expect(r.timeline.map((row) => [row.hitRatio, row.p99Ms])).toEqual([
      [0.8889, 51],
      [1, 1],
      [1, 1],
    ]);
  });

  it('a warm start fills every key at a random point of one TTL: with a TTL of 100 ms the first request is stale, not a miss', () => {
    // Every fill lasts 100 ms and may be served stale for 1 s: stale at 100, 300, …, 2,900, fresh at the even hundreds.
    const r = runCache(one({ start: 'warm', ttl: 100, staleWhileRevalidate: 1000 }), 1);
    expect(r.requests).toEqual({ total: 30, hits: 30, staleHits: 15, misses: 0, coalesced: 0, failed: 0 });
    expect(r.database.reads).toBe(15);
  });

  it('stale-while-revalidate with single flight and 250 ms reads: one refresh for the three stale requests of a cycle', () => {
    // 100 misses (read to 350); 200, 300 wait; 400, 500 fresh; 600 stale and refreshes (to 850, fresh to
    // 1,100); 700, 800 stale with the refresh under way; 900, 1,000 fresh; 1,100 stale …
    const r = runCache(one({ singleFlight: true, staleWhileRevalidate: 1000 }, {}, 250), 1);
    expect(r.requests).toEqual({ total: 30, hits: 27, staleHits: 15, misses: 1, coalesced: 2, failed: 0 });
    expect(r.database.reads).toBe(6);
  });

  it.each<[string, CacheScenario, Record<string, number>]>([
    // Stale at 400, 700, …: from 1,000 on, 1,000 … 2,800.
    [
      'stale hits',
      one({ staleWhileRevalidate: 1000 }, { warmup: 1000 }),
      { total: 21, hits: 21, staleHits: 7, misses: 0 },
    ],
    // A 500 ms cycle of a miss, two waiting and two hits (100, 600, 1,100, …): from 1,000 on, misses at
    // 1,100, 1,600, 2,100, 2,600.
    [
      'single flight',
      one({ singleFlight: true }, { warmup: 1000 }, 250),
      { total: 21, hits: 9, misses: 4, coalesced: 8, failed: 0 },
    ],
    // No queue: 600 misses; 700 and 800 find the database taken and fail (200 and 300 before the warm-up).
    [
      'failures',
      one(
        {},
        { duration: 1000, warmup: 500, database: { workers: 1, queue: 0, service: { dist: 'constant', mean: 250 } } },
      ),
      { total: 6, hits: 3, misses: 3, failed: 2 },
    ],
  ])('a warm-up of 1 s counts only later requests: %s', (_, sc, counts) => {
    expect(runCache(sc, 1).requests).toMatchObject(counts);
  });

  it('latencies of requests that arrived before the warm-up are left out, however late they are answered', () => {
    // 250 ms reads on one connection: 100, 200 and 300 miss (answered at 350, 600, 850: up to 551 ms);
    // from the warm-up at 350 ms every request hits.
    const r = runCache(one({}, { duration: 1000, warmup: 350 }, 250), 1);
    expect(r.requests).toMatchObject({ total: 7, hits: 7, misses: 0 });
    expect(r.latencyMs.max).toBe(1);
  });

  it('single flight answers every waiter: per cycle 251, 151, 51, 1 and 1 ms', () => {
    const r = runCache(one({ singleFlight: true }, {}, 250), 1);
    // 30 answers: 12 hits of 1 ms, then 6 each of 51, 151 and 251 ms; the 15th is 51 (its bucket's midpoint).
    expect(r.latencyMs.p50).toBeCloseTo(51, 1);
    expect(r.latencyMs.p95).toBeCloseTo(251, 0);
  });

  it('a second with no request has a hit ratio of 0 and a P99 of 0', () => {
    const r = runCache(one({}, { traffic: { rate: 10, arrival: 'constant', steps: [{ at: 1000, rate: 0 }] } }), 1);
    expect(r.timeline.map((row) => [row.hitRatio, row.p99Ms])).toEqual([
      [0.6667, 51],
      [0, 0],
      [0, 0],
    ]);
  });

  it('single flight, 250 ms reads: a cycle of one miss, two requests waiting for it and two hits every 500 ms', () => {
    // Miss at 100 (read to 350); 200 and 300 wait; 350 fills to 600; 400, 500 hit; 600 misses again …
    const r = runCache(one({ singleFlight: true }, {}, 250), 1);
    expect(r.requests).toEqual({ total: 30, hits: 12, staleHits: 0, misses: 6, coalesced: 12, failed: 0 });
    expect(r.database).toMatchObject({ reads: 6, readsPerSec: 2, utilization: 0.5, maxQueue: 0 });
    expect(r.hottestKeyMaxConcurrentReads).toBe(1);
    // The waiters are answered with the read: 250 + 1, 150 + 1, 50 + 1.
    expect(r.latencyMs.max).toBe(251);
  });

  it('no single flight, 250 ms reads, one connection: three reads of the key at once, two queued', () => {
    // 100, 200, 300 all miss; reads run 100–350, 350–600, 600–850; each fill lasts 250 ms, so 400…1000 hit.
    const r = runCache(one({}, { duration: 1000 }, 250), 1);
    expect(r.requests).toEqual({ total: 10, hits: 7, staleHits: 0, misses: 3, coalesced: 0, failed: 0 });
    expect(r.database).toMatchObject({ reads: 3, readsPerSec: 3, utilization: 0.75, maxQueue: 2 });
    expect(r.hottestKeyMaxConcurrentReads).toBe(3);
    // The third request waited for two reads before its own: 550 + 1.
    expect(r.latencyMs.max).toBe(551);
  });

  it('no queue: a read the database cannot take fails its request', () => {
    // Reads 100–350 and 600–850 run; the misses at 200, 300, 700 and 800 find no room and fail.
    const r = runCache(
      one({}, { duration: 1000, database: { workers: 1, queue: 0, service: { dist: 'constant', mean: 250 } } }),
      1,
    );
    expect(r.requests).toEqual({ total: 10, hits: 4, staleHits: 0, misses: 6, coalesced: 0, failed: 4 });
    expect(r.database).toMatchObject({ reads: 6, readsPerSec: 6, utilization: 0.5, maxQueue: 0 });
  });
});

describe('closed forms', () => {
  it.each([
    // One key at 10/s, TTL 250 ms: λT = 2.5, hit ratio λT / (1 + λT).
    ['one key', one({}), 2.5 / 3.5],
    // W = 100 ms: a miss only if no request comes within W after expiry: 1 − e^(−1) / 3.5.
    ['one key, stale for 100 ms', one({ staleWhileRevalidate: 100 }), 1 - Math.exp(-1) / 3.5],
    // Two equally popular keys at 5/s each: λT = 1.25.
    ['two uniform keys', one({}, { keys: { count: 2, zipf: 0 } }), 1.25 / 2.25],
    // Zipf 1 over 2 keys: p = 2/3 and 1/3, λₖT = 5/3 and 5/6.
    ['two Zipf keys', one({}, { keys: { count: 2, zipf: 1 } }), 1 - 2 / 3 / (8 / 3) - 1 / 3 / (11 / 6)],
  ])('%s', (_, sc, hit) => {
    expect(analyticHitRatio(sc)).toBeCloseTo(hit, 12);
  });

  it.each([
    [3, 1, [6 / 11, 9 / 11, 1]],
    [3, 0, [1 / 3, 2 / 3, 1]],
    [2, 2, [0.8, 1]],
  ])('zipfCdf(%i, %d): weights 1/k^s, cumulated and normalised', (count, s, cdf) => {
    const got = zipfCdf(count, s);
    expect(got).toHaveLength(count);
    cdf.forEach((p, k) => expect(got[k]).toBeCloseTo(p, 12));
  });
});

import { Arrivals } from './arrivals.js';
import type { CacheScenario } from './cache-scenario.js';
import { sampler } from './dist.js';
import { EventHeap } from './heap.js';
import { Histogram } from './histogram.js';
import { IntDeque } from './int-deque.js';
import { round } from './metrics.js';
import { nearestRank } from './nearest-rank.js';
import { Rng } from './rng.js';

const ARRIVAL = 0;
const DONE = 1;
const TICK = 2;

export interface CacheResult {
  scenario: string;
  kind: 'cache';
  seed: number;
  simulatedSeconds: number;
  /** hits include stale ones; coalesced misses waited for another request's database read. */
  requests: { total: number; hits: number; staleHits: number; misses: number; coalesced: number; failed: number };
  hitRatio: number;
  /** Poisson arrivals and a TTL from each fill: 1 − Σ pₖ e^(−λₖW) / (1 + λₖT) (Jung et al.), base rate. */
  analyticHitRatio: number;
  /** peakReadsPerSec: the busiest second's database reads after the warm-up (a stampede's load). */
  database: { reads: number; readsPerSec: number; peakReadsPerSec: number; utilization: number; maxQueue: number };
  /** Reads of the most popular key that were in flight at once, at most (a stampede's height). */
  hottestKeyMaxConcurrentReads: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  timeline: Array<{ t: number; hitRatio: number; dbReadsPerSec: number; dbQueue: number; p99Ms: number }>;
  wallMs: number;
}

/**
 * Reads of Zipf-popular keys through a TTL cache in front of a database. A fresh entry is a hit; an
 * expired one within `staleWhileRevalidate` is served stale while one background read refreshes it;
 * otherwise the request misses and reads the database, or, with `singleFlight`, waits for the read
 * already in flight for that key. A read that completes fills the entry for a new TTL.
 */
export function runCache(sc: CacheScenario, seed: number): Omit<CacheResult, 'wallMs'> {
  const rng = new Rng(seed);
  const arrivals = new Arrivals(sc.traffic, rng);
  const service = sampler(sc.database.service, rng);
  const K = sc.keys.count;
  const cdf = zipfCdf(K, sc.keys.zipf);
  const c = sc.cache;
  const ttl = () => c.ttl * (1 + c.ttlJitter * (2 * rng.next() - 1));
  const expires = new Float64Array(K).fill(-Infinity);
  if (c.start === 'warm') for (let k = 0; k < K; k += 1) expires[k] = rng.next() * c.ttl;
  const loading = new Uint8Array(K);
  const waiters = new Map<number, number[]>();
  const inFlightForKey = new Int32Array(K);
  let hottestMax = 0;
  const heap = new EventHeap();
  let seq = 0;
  const at = (t: number, kind: number, data: number) => heap.push(t, seq++, kind, data);
  // Database reads: key and the requester's arrival time (−1 for a background refresh).
  const readKey: number[] = [];
  const readFor: number[] = [];
  const freeReads: number[] = [];
  const queue = new IntDeque();
  let idle = sc.database.workers;
  let busyMs = 0;
  let maxQueue = 0;
  const n = { total: 0, hits: 0, staleHits: 0, misses: 0, coalesced: 0, failed: 0, reads: 0 };
  const latency = new Histogram();
  const sec = { requests: 0, hits: 0, reads: 0, latencies: [] as number[] };
  const timeline: CacheResult['timeline'] = [];

  const answer = (arrived: number, now: number) => {
    const l = now - arrived + c.hitLatency;
    if (arrived >= sc.warmup) latency.record(l);
    sec.latencies.push(l);
  };
  const read = (key: number, requester: number, now: number) => {
    const id = freeReads.pop() ?? readKey.length;
    readKey[id] = key;
    readFor[id] = requester;
    if (now >= sc.warmup) n.reads += 1;
    sec.reads += 1;
    inFlightForKey[key] += 1;
    if (key === 0) hottestMax = Math.max(hottestMax, inFlightForKey[0]);
    if (idle > 0) start(id, now);
    else if (queue.size < sc.database.queue) {
      queue.push(id);
      maxQueue = Math.max(maxQueue, queue.size);
    } else finish(id, now, false);
  };
  const start = (id: number, now: number) => {
    idle -= 1;
    const s = service();
    if (now >= sc.warmup) busyMs += s;
    at(now + s, DONE, id);
  };
  const finish = (id: number, now: number, ok: boolean) => {
    const key = readKey[id];
    inFlightForKey[key] -= 1;
    if (ok) expires[key] = now + ttl();
    loading[key] = 0;
    const group = [readFor[id], ...(waiters.get(key) ?? [])].filter((t) => t >= 0);
    if (sc.cache.singleFlight) waiters.delete(key);
    for (const arrived of group) {
      if (ok) answer(arrived, now);
      else if (arrived >= sc.warmup) n.failed += 1;
    }
    freeReads.push(id);
  };

  at(arrivals.next(0), ARRIVAL, 0);
  at(1000, TICK, 1);
  while (heap.size > 0) {
    heap.pop();
    const now = heap.topTime;
    if (now > sc.duration) break;
    if (heap.topKind === ARRIVAL) {
      at(arrivals.next(now), ARRIVAL, 0);
      const key = pick(cdf, rng.next());
      const counted = now >= sc.warmup;
      if (counted) n.total += 1;
      sec.requests += 1;
      if (now < expires[key]) {
        if (counted) n.hits += 1;
        sec.hits += 1;
        answer(now, now);
      } else if (expires[key] > -Infinity && now < expires[key] + c.staleWhileRevalidate) {
        if (counted) n.staleHits += 1;
        sec.hits += 1;
        answer(now, now);
        if (!loading[key]) {
          loading[key] = 1;
          read(key, -1, now);
        }
      } else if (c.singleFlight && loading[key]) {
        if (counted) n.coalesced += 1;
        const list = waiters.get(key);
        if (list) list.push(now);
        else waiters.set(key, [now]);
      } else {
        if (counted) n.misses += 1;
        loading[key] = 1;
        read(key, now, now);
      }
    } else if (heap.topKind === DONE) {
      idle += 1;
      finish(heap.topData, now, true);
      if (queue.size > 0) start(queue.shift(), now);
    } else {
      timeline.push({
        t: heap.topData,
        hitRatio: round(sec.requests === 0 ? 0 : sec.hits / sec.requests, 4),
        dbReadsPerSec: sec.reads,
        dbQueue: queue.size,
        p99Ms: round(nearestRank(sec.latencies, 0.99), 1),
      });
      Object.assign(sec, { requests: 0, hits: 0, reads: 0, latencies: [] });
      at(now + 1000, TICK, heap.topData + 1);
    }
  }

  const seconds = (sc.duration - sc.warmup) / 1000;
  const q = (p: number) => round(latency.quantile(p), 1);
  return {
    scenario: sc.name,
    kind: 'cache',
    seed,
    simulatedSeconds: sc.duration / 1000,
    requests: {
      total: n.total,
      hits: n.hits + n.staleHits,
      staleHits: n.staleHits,
      misses: n.misses,
      coalesced: n.coalesced,
      failed: n.failed,
    },
    hitRatio: round((n.hits + n.staleHits) / Math.max(1, n.total), 4),
    analyticHitRatio: round(analyticHitRatio(sc), 4),
    database: {
      reads: n.reads,
      readsPerSec: round(n.reads / seconds, 3),
      peakReadsPerSec: timeline.reduce((m, row) => (row.t * 1000 > sc.warmup ? Math.max(m, row.dbReadsPerSec) : m), 0),
      utilization: round(busyMs / (sc.database.workers * (sc.duration - sc.warmup)), 4),
      maxQueue,
    },
    hottestKeyMaxConcurrentReads: hottestMax,
    latencyMs: { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: round(latency.max(), 1) },
    timeline,
  };
}

/** Cumulative Zipf probabilities for keys 1…count. */
export function zipfCdf(count: number, s: number): Float64Array {
  const cdf = new Float64Array(count);
  let total = 0;
  for (let k = 0; k < count; k += 1) {
    total += 1 / (k + 1) ** s;
    cdf[k] = total;
  }
  for (let k = 0; k < count; k += 1) cdf[k] /= total;
  return cdf;
}

/** The key whose cumulative probability first reaches u (binary search). */
function pick(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each key's cycle starts with a fill and lasts T, then until its next request (1/λₖ on average): λₖT + 1
 * requests, of which the first after expiry misses unless it comes within W (stale-while-revalidate). By
 * the renewal-reward theorem the miss ratio is E[misses per cycle] / E[requests per cycle], so a symmetric
 * TTL jitter leaves it unchanged. Exact for Poisson arrivals when reads are instant.
 */
export function analyticHitRatio(sc: CacheScenario): number {
  const cdf = zipfCdf(sc.keys.count, sc.keys.zipf);
  const lambda = sc.traffic.rate / 1000;
  let miss = 0;
  for (let k = 0; k < cdf.length; k += 1) {
    const p = cdf[k] - (k > 0 ? cdf[k - 1] : 0);
    miss += (p * Math.exp(-lambda * p * sc.cache.staleWhileRevalidate)) / (1 + lambda * p * sc.cache.ttl);
  }
  return 1 - miss;
}

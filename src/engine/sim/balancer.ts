import type { Rng } from './rng.js';
import type { Strategy } from './scenario.js';

/** What a balancer sees of each server. */
export interface ServerView {
  up: Uint8Array;
  /** Requests in service or queued. */
  active: Int32Array;
  weight: Float64Array;
}

/** Picks a server for a request from `client`; -1 when none is up. */
export type Balancer = (client: number) => number;

/**
 * Whether least connections or power of two choices runs as Envoy's least request: when the weights
 * differ. The other strategies read weights their own way or not at all.
 */
export function isWeightedLeastRequest(strategy: Strategy, weights: ArrayLike<number>): boolean {
  const weighted = Array.prototype.some.call(weights, (w: number) => w !== weights[0]);
  return weighted && (strategy === 'least-connections' || strategy === 'power-of-two-choices');
}

export function makeBalancer(strategy: Strategy, view: ServerView, rng: Rng): Balancer {
  const n = view.up.length;
  if (isWeightedLeastRequest(strategy, view.weight)) return weightedLeastRequest(view, n);
  switch (strategy) {
    case 'round-robin': {
      let next = 0;
      // Wrapped by a subtraction, not %: an integer division costs tens of cycles, twice a request.
      return () => {
        for (let k = 0; k < n; k += 1) {
          const i = next + k < n ? next + k : next + k - n;
          if (view.up[i]) {
            next = i + 1 < n ? i + 1 : 0;
            return i;
          }
        }
        return -1;
      };
    }
    case 'weighted-round-robin': {
      // Envoy's earliest-deadline-first schedule: each pick advances the chosen server's deadline by 1/weight.
      const deadline = Float64Array.from(view.weight, (w) => 1 / w);
      return () => {
        let best = -1;
        for (let i = 0; i < n; i += 1) if (view.up[i] && (best < 0 || deadline[i] < deadline[best])) best = i;
        if (best >= 0) deadline[best] += 1 / view.weight[best];
        return best;
      };
    }
    case 'least-connections':
      return () => {
        let best = -1;
        let ties = 0;
        for (let i = 0; i < n; i += 1) {
          if (!view.up[i]) continue;
          if (best < 0 || view.active[i] < view.active[best]) {
            best = i;
            ties = 1;
          } else if (view.active[i] === view.active[best] && rng.int(++ties) === 0) best = i; // reservoir: a fair tie-break
        }
        return best;
      };
    case 'random':
      return () => pickUp(view, rng, n);
    case 'power-of-two-choices':
      return () => {
        const a = pickUp(view, rng, n);
        if (a < 0) return -1;
        const b = pickUp(view, rng, n);
        return view.active[b] < view.active[a] ? b : a;
      };
    case 'ip-hash':
      return consistentHash(view, n);
  }
}

/**
 * Envoy's least request with unequal weights: an earliest-deadline-first schedule in which a server,
 * when picked, is next due after (active + 1) / weight, i.e. its weight is weight / (active + 1). Idle
 * servers share in proportion to their weights; a busy one is picked less often.
 */
function weightedLeastRequest(view: ServerView, n: number): Balancer {
  const deadline = new Float64Array(n);
  let clock = 0;
  return () => {
    let best = -1;
    for (let i = 0; i < n; i += 1) if (view.up[i] && (best < 0 || deadline[i] < deadline[best])) best = i;
    if (best < 0) return -1;
    clock = Math.max(clock, deadline[best]);
    deadline[best] = clock + (view.active[best] + 1) / view.weight[best];
    return best;
  };
}

function pickUp(view: ServerView, rng: Rng, n: number): number {
  let upCount = 0;
  for (let i = 0; i < n; i += 1) upCount += view.up[i];
  if (upCount === 0) return -1;
  let k = rng.int(upCount);
  if (upCount === n) return k; // all up: the k-th up server is server k
  for (let i = 0; i < n; i += 1) if (view.up[i] && k-- === 0) return i;
  return -1;
}

/** 32-bit FNV-1a then a murmur finaliser: a well-spread hash for ring positions. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const VIRTUAL_NODES = 160;

/** The points of n servers on the consistent-hash ring, in ring order, and the server owning each. */
export function hashRing(n: number): { ring: Uint32Array; owner: Int32Array } {
  const points: Array<[number, number]> = [];
  for (let s = 0; s < n; s += 1)
    for (let v = 0; v < VIRTUAL_NODES; v += 1) points.push([hash32(`server-${s + 1}#${v}`), s]);
  points.sort((x, y) => x[0] - y[0]);
  return { ring: Uint32Array.from(points, (p) => p[0]), owner: Int32Array.from(points, (p) => p[1]) };
}

/**
 * IP hash on a consistent-hash ring: each server owns VIRTUAL_NODES points; a client goes to the
 * first point clockwise from its hash whose server is up, so removing one of N servers moves only
 * the ~1/N of clients it held.
 */
function consistentHash(view: ServerView, n: number): Balancer {
  const { ring, owner } = hashRing(n);
  return (client) => {
    const h = hash32(`client-${client}`);
    let lo = 0;
    let hi = ring.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ring[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    for (let k = 0; k < ring.length; k += 1) {
      const s = owner[(lo + k) % ring.length];
      if (view.up[s]) return s;
    }
    return -1;
  };
}

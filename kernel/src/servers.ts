// Servers, flattened across groups (src/engine/sim/servers.ts), their queues, and the balancers that pick
// one (balancer.ts). A server is down while a crash fault covers it (the full model only).

import { f64s, getB, getF, getI, i32s, setB, setF, setI, zeroed } from './memory';
import { uniformInt } from './random';

// Balancers, the loader's numbers.
const ROUND_ROBIN = 0;
export const WEIGHTED_ROUND_ROBIN = 1;
const LEAST_CONNECTIONS = 2;
const RANDOM = 3;
const POWER_OF_TWO = 4;
/** Least connections or power of two over unequal weights: Envoy's least request. */
const WEIGHTED_LEAST_REQUEST = 5;
export const IP_HASH = 6;

export let n: i32 = 0;
export let strategy: i32 = 0;
export let groupOf: usize = 0;
export let workers: usize = 0;
export let queueCap: usize = 0;
export let weight: usize = 0;
export let up: usize = 0;
let upCount: i32 = 0;
export let active: usize = 0;
export let busy: usize = 0;
export let served: usize = 0;
export let maxQueue: usize = 0;
export let busyArea: usize = 0;
export let lastChange: usize = 0;
let deadline: usize = 0;
let queueAt: usize = 0;
let queueCapacity: usize = 0;
let queueHead: usize = 0;
let queueLength: usize = 0;
export let ring: usize = 0;
export let ringOwner: usize = 0;
let ringLength: i32 = 0;
let rrNext: i32 = 0;
let clock: f64 = 0;

export function setupServers(servers: i32, points: i32): void {
  n = servers;
  ringLength = points;
  groupOf = i32s(n);
  workers = i32s(n);
  queueCap = i32s(n);
  weight = f64s(n);
  up = heap.alloc(<usize>max(n, 1));
  memory.fill(up, 1, <usize>n);
  upCount = n;
  active = zeroed(i32s(n), <usize>n << 2);
  busy = zeroed(i32s(n), <usize>n << 2);
  served = zeroed(f64s(n), <usize>n << 3);
  maxQueue = zeroed(i32s(n), <usize>n << 2);
  busyArea = zeroed(f64s(n), <usize>n << 3);
  lastChange = zeroed(f64s(n), <usize>n << 3);
  deadline = zeroed(f64s(n), <usize>n << 3);
  queueAt = i32s(n);
  queueCapacity = i32s(n);
  queueHead = zeroed(i32s(n), <usize>n << 2);
  queueLength = zeroed(i32s(n), <usize>n << 2);
  for (let s = 0; s < n; s++) {
    setI(queueAt, s, <i32>i32s(16));
    setI(queueCapacity, s, 16);
  }
  ring = i32s(points);
  ringOwner = i32s(points);
}

/** The balancer; weighted round robin starts each server one period in (call once the weights are in). */
export function setBalancer(balancer: i32): void {
  strategy = balancer;
  if (strategy == WEIGHTED_ROUND_ROBIN) for (let i = 0; i < n; i++) setF(deadline, i, 1 / getF(weight, i));
}

/** Change server s's busy workers by delta at `now`, first adding the busy time since the last change. */
@inline export function markBusy(s: i32, now: f64, delta: i32): void {
  setF(busyArea, s, getF(busyArea, s) + <f64>getI(busy, s) * (now - getF(lastChange, s)));
  setF(lastChange, s, now);
  setI(busy, s, getI(busy, s) + delta);
}

/** Whether server s is full: its workers and queue all taken. */
@inline export function full(s: i32): bool {
  return <f64>getI(active, s) >= <f64>getI(workers, s) + <f64>getI(queueCap, s);
}

export function setUp(s: i32, isUp: bool): void {
  setB(up, s, isUp ? 1 : 0);
  upCount += isUp ? 1 : -1;
}

export function enqueue(s: i32, item: i32): void {
  let capacity = getI(queueCapacity, s);
  let at = <usize>getI(queueAt, s);
  const head = getI(queueHead, s);
  const length = getI(queueLength, s);
  if (length == capacity) {
    const grown = i32s(capacity * 2);
    for (let k = 0; k < length; k++) setI(grown, k, getI(at, (head + k) & (capacity - 1)));
    at = grown;
    capacity *= 2;
    setI(queueAt, s, <i32>at);
    setI(queueCapacity, s, capacity);
    setI(queueHead, s, 0);
    setI(at, length, item);
  } else setI(at, (head + length) & (capacity - 1), item);
  setI(queueLength, s, length + 1);
  if (length + 1 > getI(maxQueue, s)) setI(maxQueue, s, length + 1);
}

/** The oldest item waiting at server s, removed; −1 when none. */
export function dequeue(s: i32): i32 {
  const length = getI(queueLength, s);
  if (length == 0) return -1;
  const head = getI(queueHead, s);
  const item = getI(<usize>getI(queueAt, s), head);
  setI(queueHead, s, (head + 1) & (getI(queueCapacity, s) - 1));
  setI(queueLength, s, length - 1);
  return item;
}

export function clearQueue(s: i32): void {
  setI(queueHead, s, 0);
  setI(queueLength, s, 0);
}

@inline function isUp(i: i32): bool {
  return getB(up, i) != 0;
}

/** A uniformly chosen server that is up; −1 when none is. */
function pickUp(): i32 {
  if (upCount == 0) return -1;
  let k = <i32>uniformInt(<f64>upCount);
  if (upCount == n) return k;
  for (let i = 0; i < n; i++) if (isUp(i) && k-- == 0) return i;
  return -1;
}

/** The server for a request from `client`; −1 when none is up. */
export function balance(client: f64): i32 {
  switch (strategy) {
    case ROUND_ROBIN: {
      for (let k = 0; k < n; k++) {
        const i = rrNext + k < n ? rrNext + k : rrNext + k - n;
        if (isUp(i)) {
          rrNext = i + 1 < n ? i + 1 : 0;
          return i;
        }
      }
      return -1;
    }
    case WEIGHTED_ROUND_ROBIN: {
      // Earliest deadline first: each pick moves the server's deadline on by 1/weight.
      let best = -1;
      for (let i = 0; i < n; i++) if (isUp(i) && (best < 0 || getF(deadline, i) < getF(deadline, best))) best = i;
      if (best >= 0) setF(deadline, best, getF(deadline, best) + 1 / getF(weight, best));
      return best;
    }
    case LEAST_CONNECTIONS: {
      let best = -1;
      let ties = 0;
      for (let i = 0; i < n; i++) {
        if (!isUp(i)) continue;
        if (best < 0 || getI(active, i) < getI(active, best)) {
          best = i;
          ties = 1;
        } else if (getI(active, i) == getI(active, best)) {
          // Reservoir sampling: a fair pick among the tied.
          ties += 1;
          if (uniformInt(<f64>ties) == 0) best = i;
        }
      }
      return best;
    }
    case RANDOM:
      return pickUp();
    case POWER_OF_TWO: {
      const a = pickUp();
      if (a < 0) return -1;
      const b = pickUp();
      return getI(active, b) < getI(active, a) ? b : a;
    }
    case WEIGHTED_LEAST_REQUEST: {
      // Next due after (active + 1) / weight.
      let best = -1;
      for (let i = 0; i < n; i++) if (isUp(i) && (best < 0 || getF(deadline, i) < getF(deadline, best))) best = i;
      if (best < 0) return -1;
      clock = max(clock, getF(deadline, best));
      setF(deadline, best, clock + <f64>(getI(active, best) + 1) / getF(weight, best));
      return best;
    }
  }
  return ipHash(client);
}

/** The first ring point at or after the hash of `client-<n>` whose server is up. */
function ipHash(client: f64): i32 {
  // FNV-1a of the name, then a murmur finaliser (balancer.ts hash32).
  let h: u32 = 0x811c9dc5;
  h = (h ^ 0x63) * 0x01000193; // c
  h = (h ^ 0x6c) * 0x01000193; // l
  h = (h ^ 0x69) * 0x01000193; // i
  h = (h ^ 0x65) * 0x01000193; // e
  h = (h ^ 0x6e) * 0x01000193; // n
  h = (h ^ 0x74) * 0x01000193; // t
  h = (h ^ 0x2d) * 0x01000193; // -
  const value = <u64>client;
  let digits: u64 = 1;
  while (digits * 10 <= value) digits *= 10;
  while (digits > 0) {
    h = (h ^ <u32>(0x30 + (value / digits) % 10)) * 0x01000193;
    digits /= 10;
  }
  h ^= h >>> 16;
  h = h * 0x85ebca6b;
  h ^= h >>> 13;
  h = h * 0xc2b2ae35;
  h ^= h >>> 16;
  let lo = 0;
  let hi = ringLength;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (<u32>getI(ring, mid) < h) lo = mid + 1;
    else hi = mid;
  }
  for (let k = 0; k < ringLength; k++) {
    const s = getI(ringOwner, (lo + k) % ringLength);
    if (isUp(s)) return s;
  }
  return -1;
}

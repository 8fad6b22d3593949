// The plain model's loop (src/engine/sim/plain.ts), in AssemblyScript, compiled to WebAssembly by
// `npm run build:kernel`. A plain scenario is arrivals, a balancer and servers: nothing else.
//
// It makes the same draws, in the same order, with the same arithmetic as the full model
// (src/engine/sim/model.ts), so a run's result is byte for byte the same; test/engine/sim/plain.test.ts
// checks that over every balancer, arrival kind, rate step, queue limit and service distribution.
// Logarithm, exponential and cosine come from JavaScript's Math for that reason: WebAssembly has none,
// and a library's would differ from V8's in the last bit.
//
// Why WebAssembly: a JavaScript loop runs its first tens of milliseconds in the interpreter while V8
// compiles it; this code is compiled before it runs (bench/sim.mjs measures both).
//
// Memory: the loader (plain.ts) calls setup(), fills the arrays it allocated (their addresses come back
// from the `*At` functions), then calls run() until it returns 1 and reads the results from memory.

@external('env', 'log') declare function mathLog(x: f64): f64;
@external('env', 'exp') declare function mathExp(x: f64): f64;
@external('env', 'cos') declare function mathCos(x: f64): f64;

// Balancers, the numbers plain.ts passes.
const ROUND_ROBIN = 0;
const WEIGHTED_ROUND_ROBIN = 1;
const LEAST_CONNECTIONS = 2;
const RANDOM = 3;
const POWER_OF_TWO = 4;
/** Least connections or power of two with unequal weights: Envoy's least request (balancer.ts). */
const WEIGHTED_LEAST_REQUEST = 5;
const IP_HASH = 6;

// Service-time distributions.
const EXPONENTIAL = 0;
const CONSTANT = 1;
const LOGNORMAL = 2;

// Event kinds in the heap (the full model's numbers); arrivals are kept apart, as in agenda.ts.
const SERVER_DONE = 3;
const RATE_STEP = 7;

/** Latency histogram: 1024 sub-buckets per power of two from 2^-10 to 2^24 (histogram.ts). */
const SUB = 1024;
const SUB_SHIFT = 10;
/** The window's overflow histogram: 64 sub-buckets. */
const SPILL_SUB = 64;
const SPILL_SHIFT = 14;
const MIN_EXP = -10;
const MAX_EXP = 24;
const POWERS = MAX_EXP - MIN_EXP + 1;
/** Values a second keeps exactly before spilling into a histogram (window-quantile.ts). */
const EXACT_CAP = 65536;

// ---------------------------------------------------------------------------------------------------
// Arrays. Each is an address in linear memory; the growable ones are reallocated when full.

function f64s(n: i32): usize {
  return heap.alloc(<usize>max(n, 1) << 3);
}
function i32s(n: i32): usize {
  return heap.alloc(<usize>max(n, 1) << 2);
}
function zeroed(at: usize, bytes: usize): usize {
  memory.fill(at, 0, bytes);
  return at;
}
@inline function getF(a: usize, i: i32): f64 {
  return load<f64>(a + (<usize>i << 3));
}
@inline function setF(a: usize, i: i32, v: f64): void {
  store<f64>(a + (<usize>i << 3), v);
}
@inline function getI(a: usize, i: i32): i32 {
  return load<i32>(a + (<usize>i << 2));
}
@inline function setI(a: usize, i: i32, v: i32): void {
  store<i32>(a + (<usize>i << 2), v);
}

// Configuration (filled by the loader).
let n: i32 = 0;
let strategy: i32 = 0;
let poisson: bool = true;
let clients: f64 = 1;
let end: f64 = 0;
let warmup: f64 = 0;
let apdexT: f64 = 0;
let nSteps: i32 = 0;
let ringLength: i32 = 0;

let groupOf: usize = 0;
let workers: usize = 0;
let queueCap: usize = 0;
let weight: usize = 0;
let distKind: usize = 0;
let distA: usize = 0;
let distB: usize = 0;
let stepAt: usize = 0;
let stepRate: usize = 0;
let ke: usize = 0;
let we: usize = 0;
let fe: usize = 0;
let ring: usize = 0;
let ringOwner: usize = 0;

// Per server.
let up: usize = 0;
let upCount: i32 = 0;
let active: usize = 0;
let busy: usize = 0;
let served: usize = 0;
let maxQueue: usize = 0;
let busyArea: usize = 0;
let lastChange: usize = 0;
let deadline: usize = 0;
let queueAt: usize = 0;
let queueCapacity: usize = 0;
let queueHead: usize = 0;
let queueLength: usize = 0;

// Requests in flight, in slots that are reused.
let start: usize = 0;
let server: usize = 0;
let slots: i32 = 0;
let free: usize = 0;
let freeCount: i32 = 0;
let freeCapacity: i32 = 0;
let nextSlot: i32 = 0;

// The agenda: a heap of (time, sequence, kind, data) and the one pending arrival.
let heapTime: usize = 0;
let heapSeq: usize = 0;
let heapKind: usize = 0;
let heapData: usize = 0;
let heapSize: i32 = 0;
let heapCapacity: i32 = 0;
let seq: f64 = 0;
let arrivalAt: f64 = Infinity;
let arrivalSeq: f64 = 0;

// Metrics (metrics.ts).
let latency: usize = 0;
let latencyTotal: f64 = 0;
let latencySum: f64 = 0;
let latencyMax: f64 = 0;
let offered: f64 = 0;
let succeeded: f64 = 0;
let failed: f64 = 0;
let rejected: f64 = 0;
let satisfied: f64 = 0;
let tolerating: f64 = 0;
let second: i32 = 0;
let secondEnds: f64 = 1000;
let secOffered: i32 = 0;
let secGood: i32 = 0;
let secFailed: i32 = 0;
let window: usize = 0;
let windowCount: i32 = 0;
let spill: usize = 0;
let spillTotal: f64 = 0;
let spillMax: f64 = 0;
let rowOffered: usize = 0;
let rowGood: usize = 0;
let rowFailed: usize = 0;
let rowP95: usize = 0;

// The run.
let s0: u32 = 0;
let s1: u32 = 0;
let s2: u32 = 0;
let s3: u32 = 0;
let rate: f64 = 0;
let gap: f64 = 1;
let rrNext: i32 = 0;
let clock: f64 = 0;
let inFlight: i32 = 0;
let maxInFlight: i32 = 0;
let attempts: f64 = 0;
let events: f64 = 0;
let started: bool = false;

/**
 * Allocate every array for `servers` servers, `groups` groups, `steps` rate steps, `rows` seconds
 * and a consistent-hash ring of `points` points.
 */
export function setup(servers: i32, groups: i32, steps: i32, rows: i32, points: i32): void {
  n = servers;
  nSteps = steps;
  ringLength = points;
  groupOf = i32s(n);
  workers = i32s(n);
  queueCap = i32s(n);
  weight = f64s(n);
  distKind = i32s(groups);
  distA = f64s(groups);
  distB = f64s(groups);
  stepAt = f64s(steps);
  stepRate = f64s(steps);
  ke = i32s(256);
  we = f64s(256);
  fe = f64s(256);
  ring = i32s(points);
  ringOwner = i32s(points);
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
  slots = 1024;
  start = f64s(slots);
  server = i32s(slots);
  freeCapacity = 1024;
  free = i32s(freeCapacity);
  heapCapacity = 1024;
  heapTime = f64s(heapCapacity);
  heapSeq = f64s(heapCapacity);
  heapKind = i32s(heapCapacity);
  heapData = i32s(heapCapacity);
  latency = zeroed(f64s(POWERS * SUB), <usize>(POWERS * SUB) << 3);
  window = f64s(EXACT_CAP);
  spill = zeroed(f64s(POWERS * SPILL_SUB), <usize>(POWERS * SPILL_SUB) << 3);
  rowOffered = zeroed(i32s(rows), <usize>rows << 2);
  rowGood = zeroed(i32s(rows), <usize>rows << 2);
  rowFailed = zeroed(i32s(rows), <usize>rows << 2);
  rowP95 = zeroed(f64s(rows), <usize>rows << 3);
}

export function configure(
  balancer: i32,
  poissonArrivals: bool,
  clientCount: f64,
  runEnd: f64,
  warmupEnd: f64,
  apdex: f64,
  firstRate: f64,
): void {
  strategy = balancer;
  poisson = poissonArrivals;
  clients = clientCount;
  end = runEnd;
  warmup = warmupEnd;
  apdexT = apdex;
  rate = firstRate;
  gap = 1000 / rate;
}

export function seedRng(a: u32, b: u32, c: u32, d: u32): void {
  s0 = a;
  s1 = b;
  s2 = c;
  s3 = d;
}

// Where the loader writes and reads.
export function groupOfAt(): usize {
  return groupOf;
}
export function workersAt(): usize {
  return workers;
}
export function queueCapAt(): usize {
  return queueCap;
}
export function weightAt(): usize {
  return weight;
}
export function distKindAt(): usize {
  return distKind;
}
export function distAAt(): usize {
  return distA;
}
export function distBAt(): usize {
  return distB;
}
export function stepAtAt(): usize {
  return stepAt;
}
export function stepRateAt(): usize {
  return stepRate;
}
export function keAt(): usize {
  return ke;
}
export function weAt(): usize {
  return we;
}
export function feAt(): usize {
  return fe;
}
export function ringAt(): usize {
  return ring;
}
export function ringOwnerAt(): usize {
  return ringOwner;
}
export function servedAt(): usize {
  return served;
}
export function busyAt(): usize {
  return busy;
}
export function maxQueueAt(): usize {
  return maxQueue;
}
export function busyAreaAt(): usize {
  return busyArea;
}
export function lastChangeAt(): usize {
  return lastChange;
}
export function latencyAt(): usize {
  return latency;
}
export function rowOfferedAt(): usize {
  return rowOffered;
}
export function rowGoodAt(): usize {
  return rowGood;
}
export function rowFailedAt(): usize {
  return rowFailed;
}
export function rowP95At(): usize {
  return rowP95;
}
export function rowCount(): i32 {
  return second;
}

/** The counters at the end, by index: see COUNTERS in plain.ts. */
export function counter(i: i32): f64 {
  switch (i) {
    case 0:
      return offered;
    case 1:
      return succeeded;
    case 2:
      return failed;
    case 3:
      return rejected;
    case 4:
      return satisfied;
    case 5:
      return tolerating;
    case 6:
      return latencyTotal;
    case 7:
      return latencySum;
    case 8:
      return latencyMax;
    case 9:
      return events;
    case 10:
      return <f64>maxInFlight;
    case 11:
      return attempts;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// Random numbers (rng.ts, exponential.ts).

@inline function nextI32(): u32 {
  const b = s1;
  const m = b * 5;
  const result = ((m << 7) | (m >>> 25)) * 9;
  const t = b << 9;
  s2 ^= s0;
  s3 ^= b;
  s1 = b ^ s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = (s3 << 11) | (s3 >>> 21);
  return result;
}

@inline function uniform(): f64 {
  return <f64>nextI32() / 4294967296.0;
}

@inline function uniformOpen(): f64 {
  return (<f64>nextI32() + 1.0) / 4294967296.0;
}

@inline function uniformInt(count: f64): f64 {
  return Math.floor(uniform() * count);
}

/** Where the ziggurat's tail starts (exponential.ts). */
const R: f64 = 7.697117470131487;

@inline function standardExponential(): f64 {
  const u = nextI32();
  const i = <i32>(u & 0xff);
  const j = u >>> 8;
  if (<i32>j < getI(ke, i)) return <f64>j * getF(we, i);
  return exponentialSlowPath(i, j);
}

function exponentialSlowPath(layer: i32, position: u32): f64 {
  let i = layer;
  let j = position;
  for (;;) {
    if (i == 0) return R - mathLog(uniformOpen());
    const x = <f64>j * getF(we, i);
    if (getF(fe, i) + uniform() * (getF(fe, i - 1) - getF(fe, i)) < mathExp(-x)) return x;
    const u = nextI32();
    i = <i32>(u & 0xff);
    j = u >>> 8;
    if (<i32>j < getI(ke, i)) return <f64>j * getF(we, i);
  }
  return unreachable();
}

/** A service time of group g (dist.ts). */
@inline function serviceTime(g: i32): f64 {
  const kind = getI(distKind, g);
  if (kind == EXPONENTIAL) return getF(distA, g) * standardExponential();
  if (kind == CONSTANT) return getF(distA, g);
  return lognormal(g);
}

function lognormal(g: i32): f64 {
  // Box–Muller, one normal per call; the operands in the order dist.ts evaluates them.
  const radius = Math.sqrt(-2 * mathLog(uniformOpen()));
  const z = radius * mathCos(2 * Math.PI * uniform());
  return mathExp(getF(distA, g) + getF(distB, g) * z);
}

// ---------------------------------------------------------------------------------------------------
// Balancers (balancer.ts). A server is down while a crash fault covers it (full model only).

/** The k-th server that is up, for a uniform k: as balancer.ts's pickUp. */
function pickUp(): i32 {
  if (upCount == 0) return -1;
  let k = <i32>uniformInt(<f64>upCount);
  if (upCount == n) return k;
  for (let i = 0; i < n; i++) if (load<u8>(up + <usize>i) != 0 && k-- == 0) return i;
  return -1;
}

@inline function isUp(i: i32): bool {
  return load<u8>(up + <usize>i) != 0;
}

function balance(client: f64): i32 {
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

/** The first ring point at or after the client's hash (balancer.ts: hash32 of `client-<n>`). */
function ipHash(client: f64): i32 {
  let h: u32 = 0x811c9dc5;
  h = (h ^ 0x63) * 0x01000193; // c
  h = (h ^ 0x6c) * 0x01000193; // l
  h = (h ^ 0x69) * 0x01000193; // i
  h = (h ^ 0x65) * 0x01000193; // e
  h = (h ^ 0x6e) * 0x01000193; // n
  h = (h ^ 0x74) * 0x01000193; // t
  h = (h ^ 0x2d) * 0x01000193; // -
  let value = <u64>client;
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

// ---------------------------------------------------------------------------------------------------
// The agenda (agenda.ts, heap.ts): events in time order, ties in the order they were scheduled.

@inline function before(t: f64, q: f64, u: f64, r: f64): bool {
  return t < u || (t == u && q < r);
}

function growHeap(): void {
  const time = f64s(heapCapacity * 2);
  const sequence = f64s(heapCapacity * 2);
  const kind = i32s(heapCapacity * 2);
  const data = i32s(heapCapacity * 2);
  memory.copy(time, heapTime, <usize>heapSize << 3);
  memory.copy(sequence, heapSeq, <usize>heapSize << 3);
  memory.copy(kind, heapKind, <usize>heapSize << 2);
  memory.copy(data, heapData, <usize>heapSize << 2);
  heapTime = time;
  heapSeq = sequence;
  heapKind = kind;
  heapData = data;
  heapCapacity *= 2;
}

function schedule(time: f64, kind: i32, data: i32): void {
  if (heapSize == heapCapacity) growHeap();
  const q = seq;
  seq += 1;
  let i = heapSize++;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (before(getF(heapTime, p), getF(heapSeq, p), time, q)) break;
    setF(heapTime, i, getF(heapTime, p));
    setF(heapSeq, i, getF(heapSeq, p));
    setI(heapKind, i, getI(heapKind, p));
    setI(heapData, i, getI(heapData, p));
    i = p;
  }
  setF(heapTime, i, time);
  setF(heapSeq, i, q);
  setI(heapKind, i, kind);
  setI(heapData, i, data);
}

/** Remove the earliest event of the heap. */
function popHeap(): void {
  const last = --heapSize;
  if (last == 0) return;
  const t = getF(heapTime, last);
  const q = getF(heapSeq, last);
  const k = getI(heapKind, last);
  const d = getI(heapData, last);
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= last) break;
    if (c + 1 < last && before(getF(heapTime, c + 1), getF(heapSeq, c + 1), getF(heapTime, c), getF(heapSeq, c))) c++;
    if (before(t, q, getF(heapTime, c), getF(heapSeq, c))) break;
    setF(heapTime, i, getF(heapTime, c));
    setF(heapSeq, i, getF(heapSeq, c));
    setI(heapKind, i, getI(heapKind, c));
    setI(heapData, i, getI(heapData, c));
    i = c;
  }
  setF(heapTime, i, t);
  setF(heapSeq, i, q);
  setI(heapKind, i, k);
  setI(heapData, i, d);
}

function setArrival(time: f64): void {
  arrivalAt = time;
  arrivalSeq = seq;
  if (time != Infinity) seq += 1;
}

function arrivalAfter(now: f64): void {
  if (rate <= 0) {
    setArrival(Infinity);
    return;
  }
  const at = now + (poisson ? gap * standardExponential() : gap);
  setArrival(at < end ? at : Infinity);
}

// ---------------------------------------------------------------------------------------------------
// Metrics (metrics.ts, histogram.ts, window-quantile.ts).

@inline function bucket(value: f64, sub: i32, shift: i32): i32 {
  if (!(value > 0)) return 0;
  const hi = <u32>(reinterpret<u64>(value) >>> 32);
  const exponent = <i32>((hi >>> 20) & 0x7ff) - 1023;
  if (exponent < MIN_EXP) return 0;
  if (exponent > MAX_EXP) return POWERS * sub - 1;
  return (exponent - MIN_EXP) * sub + <i32>((hi & 0xfffff) >>> shift);
}

function spillRecord(value: f64): void {
  spillTotal += 1;
  if (value > spillMax) spillMax = value;
  const i = bucket(value, SPILL_SUB, SPILL_SHIFT);
  setF(spill, i, getF(spill, i) + 1);
}

/** The midpoint of histogram bucket i with `sub` sub-buckets per power of two. */
function midpoint(i: i32, sub: i32): f64 {
  const exponent = i / sub + MIN_EXP;
  const s = i % sub;
  // 2^exponent exactly, from its bits (JavaScript's 2 ** exponent is exact too).
  const power = reinterpret<f64>(<u64>(exponent + 1023) << 52);
  return power * (1 + (<f64>s + 0.5) / <f64>sub);
}

function spillQuantile(q: f64): f64 {
  const rank = max(1, Math.ceil(q * spillTotal));
  let seen: f64 = 0;
  for (let i = 0; i < POWERS * SPILL_SUB; i++) {
    seen += getF(spill, i);
    if (seen >= rank) return min(spillMax, midpoint(i, SPILL_SUB));
  }
  return spillMax;
}

/** The k-th smallest (0-based) of window[0..count): quickselect. */
function select(count: i32, k: i32): f64 {
  let lo = 0;
  let hi = count - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    if (getF(window, mid) < getF(window, lo)) swap(mid, lo);
    if (getF(window, hi) < getF(window, lo)) swap(hi, lo);
    if (getF(window, hi) < getF(window, mid)) swap(hi, mid);
    const pivot = getF(window, mid);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (getF(window, i) < pivot) i++;
      while (getF(window, j) > pivot) j--;
      if (i <= j) {
        swap(i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return getF(window, k);
  }
  return getF(window, k);
}

@inline function swap(i: i32, j: i32): void {
  const t = getF(window, i);
  setF(window, i, getF(window, j));
  setF(window, j, t);
}

/** The second's nearest-rank P95 (window-quantile.ts). */
function windowP95(): f64 {
  if (spillTotal > 0) {
    for (let i = 0; i < windowCount; i++) spillRecord(getF(window, i));
    windowCount = 0;
    return spillQuantile(0.95);
  }
  if (windowCount == 0) return 0;
  const k = <i32>max(1, Math.ceil(0.95 * <f64>windowCount)) - 1;
  return select(windowCount, k);
}

function closeSecond(): void {
  setI(rowOffered, second, secOffered);
  setI(rowGood, second, secGood);
  setI(rowFailed, second, secFailed);
  setF(rowP95, second, windowP95());
  second += 1;
  secondEnds = <f64>(second + 1) * 1000;
  secOffered = 0;
  secGood = 0;
  secFailed = 0;
  windowCount = 0;
  if (spillTotal > 0) {
    memory.fill(spill, 0, <usize>(POWERS * SPILL_SUB) << 3);
    spillTotal = 0;
    spillMax = 0;
  }
}

@inline function advance(now: f64): void {
  while (now >= secondEnds) closeSecond();
}

function success(now: f64, began: f64): void {
  advance(now);
  const ms = now - began;
  secGood += 1;
  if (windowCount < EXACT_CAP) setF(window, windowCount++, ms);
  else spillRecord(ms);
  if (began < warmup) return;
  succeeded += 1;
  latencyTotal += 1;
  latencySum += ms;
  if (ms > latencyMax) latencyMax = ms;
  const i = bucket(ms, SUB, SUB_SHIFT);
  setF(latency, i, getF(latency, i) + 1);
  if (ms <= apdexT) satisfied += 1;
  else if (ms <= 4 * apdexT) tolerating += 1;
}

function reject(now: f64): void {
  advance(now);
  secFailed += 1;
  if (now < warmup) return;
  failed += 1;
  rejected += 1;
}

// ---------------------------------------------------------------------------------------------------
// Servers and the loop (plain.ts).

@inline function markBusy(s: i32, now: f64, delta: i32): void {
  setF(busyArea, s, getF(busyArea, s) + <f64>getI(busy, s) * (now - getF(lastChange, s)));
  setF(lastChange, s, now);
  setI(busy, s, getI(busy, s) + delta);
}

function enqueue(s: i32, r: i32): void {
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
    setI(at, length, r);
  } else setI(at, (head + length) & (capacity - 1), r);
  setI(queueLength, s, length + 1);
  if (length + 1 > getI(maxQueue, s)) setI(maxQueue, s, length + 1);
}

/** The oldest request waiting at server s, removed; −1 when none. */
function dequeue(s: i32): i32 {
  const length = getI(queueLength, s);
  if (length == 0) return -1;
  const head = getI(queueHead, s);
  const r = getI(<usize>getI(queueAt, s), head);
  setI(queueHead, s, (head + 1) & (getI(queueCapacity, s) - 1));
  setI(queueLength, s, length - 1);
  return r;
}

function takeSlot(): i32 {
  if (freeCount > 0) return getI(free, --freeCount);
  const r = nextSlot++;
  if (r >= slots) {
    const grownStart = f64s(slots * 2);
    const grownServer = i32s(slots * 2);
    memory.copy(grownStart, start, <usize>slots << 3);
    memory.copy(grownServer, server, <usize>slots << 2);
    start = grownStart;
    server = grownServer;
    slots *= 2;
  }
  return r;
}

function releaseSlot(r: i32): void {
  if (freeCount == freeCapacity) {
    const grown = i32s(freeCapacity * 2);
    memory.copy(grown, free, <usize>freeCount << 2);
    free = grown;
    freeCapacity *= 2;
  }
  setI(free, freeCount++, r);
}

function done(now: f64, r: i32): void {
  const s = getI(server, r);
  setI(active, s, getI(active, s) - 1);
  markBusy(s, now, -1);
  setF(served, s, getF(served, s) + 1);
  const next = dequeue(s);
  if (next >= 0) {
    markBusy(s, now, 1);
    schedule(now + serviceTime(getI(groupOf, s)), SERVER_DONE, next);
  }
  inFlight -= 1;
  success(now, getF(start, r));
  releaseSlot(r);
}

function arrive(now: f64): void {
  advance(now);
  secOffered += 1;
  if (now >= warmup) offered += 1;
  const client = strategy == IP_HASH ? uniformInt(clients) : 0;
  attempts += 1;
  const s = balance(client);
  if (<f64>getI(active, s) >= <f64>getI(workers, s) + <f64>getI(queueCap, s)) reject(now);
  else {
    const r = takeSlot();
    setF(start, r, now);
    setI(server, r, s);
    inFlight += 1;
    if (inFlight > maxInFlight) maxInFlight = inFlight;
    setI(active, s, getI(active, s) + 1);
    if (getI(busy, s) < getI(workers, s)) {
      markBusy(s, now, 1);
      schedule(now + serviceTime(getI(groupOf, s)), SERVER_DONE, r);
    } else enqueue(s, r);
  }
  arrivalAfter(now);
}

/** Weighted round robin starts each server one period in (balancer.ts). */
function begin(): void {
  if (strategy == WEIGHTED_ROUND_ROBIN) for (let i = 0; i < n; i++) setF(deadline, i, 1 / getF(weight, i));
  for (let i = 0; i < nSteps; i++) if (getF(stepAt, i) < end) schedule(getF(stepAt, i), RATE_STEP, i);
  arrivalAfter(0);
}

/**
 * Run up to `budget` events; 1 when the run is over (every second closed), 0 to be called again.
 * The loader calls it in slices so that V8 can swap in optimised code between calls.
 */
export function run(budget: i32): i32 {
  if (!started) {
    started = true;
    begin();
  }
  for (let k = 0; k < budget; k++) {
    // The earliest of the pending arrival and the heap's top; at the same time, the one scheduled first.
    const heapFirst =
      heapSize > 0 &&
      (getF(heapTime, 0) < arrivalAt ||
        (getF(heapTime, 0) == arrivalAt && (arrivalAt == Infinity || getF(heapSeq, 0) < arrivalSeq)));
    if (heapFirst) {
      const now = getF(heapTime, 0);
      if (now >= end) return finish();
      const kind = getI(heapKind, 0);
      const data = getI(heapData, 0);
      popHeap();
      events += 1;
      if (kind == SERVER_DONE) done(now, data);
      else {
        rate = getF(stepRate, data);
        gap = 1000 / rate;
        arrivalAfter(now);
      }
    } else {
      const now = arrivalAt;
      if (now >= end) return finish();
      arrivalAt = Infinity;
      events += 1;
      arrive(now);
    }
  }
  return 0;
}

function finish(): i32 {
  while (<f64>second * 1000 < end) closeSecond();
  return 1;
}

// ===================================================================================================
// The full model (model.ts): timeouts, retries with backoff and a budget, a circuit breaker, a bulkhead,
// a dependency behind the servers with a cache in front, and faults. Everything above is shared.

// Event kinds of the full model (model.ts); ARRIVAL and TIMEOUT are the agenda's own.
const ARRIVAL = 0;
const TIMEOUT = 1;
const RETRY = 2;
const DEP_DONE = 4;
const FAULT_START = 5;
const FAULT_END = 6;
const CACHE_DONE = 8;

// Why a call failed (metrics.ts).
const ERROR = 0;
const TIMED_OUT = 1;
const REJECTED = 2;
const SHORT_CIRCUITED = 3;

// Breaker states, as BREAKER_STATES in breaker.ts; NO_BREAKER for an attempt that did not pass one.
const CLOSED = 0;
const OPEN = 1;
const HALF_OPEN = 2;
const NO_BREAKER = 255;

// Fault kinds and targets (the loader's numbers).
const CRASH = 0;
const SLOW = 1;
const FAULT_ERROR = 2;
const ALL_SERVERS = -1;
const DEPENDENCY = -2;

// Policies (configureFull).
let timeout: f64 = 0;
let hasTimeout: bool = false;
let retryAttempts: i32 = 0;
let hasRetry: bool = false;
let backoffConstant: bool = false;
let backoffBase: f64 = 0;
let backoffMax: f64 = 0;
let jitter: i32 = 0;
let hasBudget: bool = false;
let budgetPerRequest: f64 = 0;
let retryTokens: f64 = 0;
let bulkhead: i32 = 0;
let hasBulkhead: bool = false;
let hasDependency: bool = false;
let depWorkers: i32 = 0;
let depQueueCap: i32 = 0;
let depGroup: i32 = 0;
let depBusy: i32 = 0;
let depSlow: f64 = 1;
let depError: f64 = 0;
let depQueue: usize = 0;
let depQueueCapacity: i32 = 0;
let depQueueHead: i32 = 0;
let depQueueLength: i32 = 0;
let hasCache: bool = false;
let hitRatio: f64 = 0;
let cacheLatency: f64 = 0;

// More metrics.
let timedOut: f64 = 0;
let shortCircuited: f64 = 0;
let retries: f64 = 0;

// Faults, by index: when, how long, what kind, which target, factor or rate.
let nFaults: i32 = 0;
let faultAt: usize = 0;
let faultDuration: usize = 0;
let faultKind: usize = 0;
let faultTarget: usize = 0;
let faultValue: usize = 0;
/** Faults in force, in the order they started (model.ts's Set keeps that order; products depend on it). */
let activeFaults: usize = 0;
let activeCount: i32 = 0;
let epoch: usize = 0;
let slow: usize = 0;
let errorRate: usize = 0;
let crashDepth: usize = 0;

// Timeouts: all of one length, so they come due in the order they were set (agenda.ts).
let tTime: usize = 0;
let tSeq: usize = 0;
let tData: usize = 0;
let tHead: i32 = 0;
let tCount: i32 = 0;
let tMask: i32 = 0;

// Requests (slots.ts RequestSlots).
let reqStart: usize = 0;
let reqClient: usize = 0;
let reqTries: usize = 0;
let reqPrevDelay: usize = 0;
let reqSlots: i32 = 0;
let reqFree: usize = 0;
let reqFreeCount: i32 = 0;
let reqFreeCapacity: i32 = 0;
let reqNext: i32 = 0;

// Attempts (slots.ts AttemptSlots).
let attReq: usize = 0;
let attServer: usize = 0;
let attStart: usize = 0;
let attEpoch: usize = 0;
let attWaiting: usize = 0;
let attWorking: usize = 0;
let attBreaker: usize = 0;
let attOrder: usize = 0;
let attFreed: usize = 0;
let attSlots: i32 = 0;
let attFree: usize = 0;
let attFreeCount: i32 = 0;
let attFreeCapacity: i32 = 0;
let attNext: i32 = 0;
let attTaken: f64 = 0;

// The circuit breaker (breaker.ts).
let hasBreaker: bool = false;
let brFailureThreshold: f64 = 0;
let brSlowThreshold: f64 = 0;
let brSlowRateThreshold: f64 = 0;
let brWindow: i32 = 0;
let brMinCalls: i32 = 0;
let brWait: f64 = 0;
let brPermitted: i32 = 0;
let brState: i32 = CLOSED;
let brRing: usize = 0;
let brRingPos: i32 = 0;
let brRecorded: i32 = 0;
let brFailures: i32 = 0;
let brSlows: i32 = 0;
let brOpenedAt: f64 = 0;
let brHalfPermitted: i32 = 0;
let brHalfDone: i32 = 0;
let brHalfFailures: i32 = 0;
let brHalfSlows: i32 = 0;
let transitionAt: usize = 0;
let transitionFrom: usize = 0;
let transitionTo: usize = 0;
let transitions: i32 = 0;
let transitionCapacity: i32 = 0;

function u8s(count: i32): usize {
  return zeroed(heap.alloc(<usize>max(count, 1)), <usize>max(count, 1));
}
@inline function getB(a: usize, i: i32): i32 {
  return <i32>load<u8>(a + <usize>i);
}
@inline function setB(a: usize, i: i32, v: i32): void {
  store<u8>(a + <usize>i, <u8>v);
}

/** A copy of `bytes` bytes at `from` in a new block of `size` bytes. */
function regrow(from: usize, bytes: usize, size: usize): usize {
  const to = zeroed(heap.alloc(size), size);
  memory.copy(to, from, bytes);
  return to;
}

/** Allocate the full model's arrays (after setup): `faults` faults, a breaker window of `window` calls. */
export function setupFull(faults: i32, window: i32): void {
  nFaults = faults;
  faultAt = f64s(faults);
  faultDuration = f64s(faults);
  faultKind = i32s(faults);
  faultTarget = i32s(faults);
  faultValue = f64s(faults);
  activeFaults = i32s(faults);
  epoch = zeroed(i32s(n), <usize>n << 2);
  slow = f64s(n);
  for (let s = 0; s < n; s++) setF(slow, s, 1);
  errorRate = zeroed(f64s(n), <usize>n << 3);
  crashDepth = zeroed(i32s(n), <usize>n << 2);
  tMask = 255;
  tTime = f64s(256);
  tSeq = f64s(256);
  tData = i32s(256);
  reqSlots = 1024;
  reqStart = f64s(reqSlots);
  reqClient = f64s(reqSlots);
  reqTries = i32s(reqSlots);
  reqPrevDelay = f64s(reqSlots);
  reqFreeCapacity = 1024;
  reqFree = i32s(reqFreeCapacity);
  attSlots = 1024;
  attReq = i32s(attSlots);
  attServer = i32s(attSlots);
  attStart = f64s(attSlots);
  attEpoch = i32s(attSlots);
  attWaiting = u8s(attSlots);
  attWorking = u8s(attSlots);
  attBreaker = u8s(attSlots);
  attOrder = f64s(attSlots);
  attFreed = u8s(attSlots);
  attFreeCapacity = 1024;
  attFree = i32s(attFreeCapacity);
  depQueueCapacity = 16;
  depQueue = i32s(depQueueCapacity);
  brRing = u8s(window);
  transitionCapacity = 64;
  transitionAt = f64s(transitionCapacity);
  transitionFrom = i32s(transitionCapacity);
  transitionTo = i32s(transitionCapacity);
}

/**
 * The policies. A flag says whether each is set; `retryJitter` is 0 none, 1 full, 2 equal, 3
 * decorrelated; `budget` below 0 means no retry budget.
 */
export function configurePolicies(
  timeoutMs: f64,
  attemptsAllowed: i32,
  constantBackoff: bool,
  base: f64,
  maxDelay: f64,
  retryJitter: i32,
  budget: f64,
  bulkheadLimit: i32,
): void {
  hasTimeout = timeoutMs >= 0;
  timeout = timeoutMs;
  hasRetry = attemptsAllowed > 0;
  retryAttempts = attemptsAllowed;
  backoffConstant = constantBackoff;
  backoffBase = base;
  backoffMax = maxDelay;
  jitter = retryJitter;
  hasBudget = budget >= 0;
  budgetPerRequest = budget;
  hasBulkhead = bulkheadLimit >= 0;
  bulkhead = bulkheadLimit;
}

/** The dependency (its service times are distribution `group`), and the cache in front of it. */
export function configureDependency(workersCount: i32, queueLimit: i32, group: i32, ratio: f64, latencyMs: f64): void {
  hasDependency = workersCount > 0;
  depWorkers = workersCount;
  depQueueCap = queueLimit;
  depGroup = group;
  hasCache = ratio >= 0;
  hitRatio = ratio;
  cacheLatency = latencyMs;
}

export function configureBreaker(
  failureRate: f64,
  slowCall: f64,
  slowRate: f64,
  windowSize: i32,
  minimumCalls: i32,
  wait: f64,
  permitted: i32,
): void {
  hasBreaker = true;
  brFailureThreshold = failureRate;
  brSlowThreshold = slowCall;
  brSlowRateThreshold = slowRate;
  brWindow = windowSize;
  brMinCalls = min(minimumCalls, windowSize);
  brWait = wait;
  brPermitted = permitted;
}

export function faultAtAt(): usize {
  return faultAt;
}
export function faultDurationAt(): usize {
  return faultDuration;
}
export function faultKindAt(): usize {
  return faultKind;
}
export function faultTargetAt(): usize {
  return faultTarget;
}
export function faultValueAt(): usize {
  return faultValue;
}
export function transitionAtAt(): usize {
  return transitionAt;
}
export function transitionFromAt(): usize {
  return transitionFrom;
}
export function transitionToAt(): usize {
  return transitionTo;
}
export function transitionCount(): i32 {
  return transitions;
}

/** The full model's counters beyond counter(): timed out, short-circuited, retries. */
export function fullCounter(i: i32): f64 {
  if (i == 0) return timedOut;
  if (i == 1) return shortCircuited;
  return retries;
}

// --- Metrics for failures and retries ---------------------------------------------------------------

function failure(now: f64, began: f64, reason: i32): void {
  advance(now);
  secFailed += 1;
  if (began < warmup) return;
  failed += 1;
  if (reason == TIMED_OUT) timedOut += 1;
  else if (reason == REJECTED) rejected += 1;
  else if (reason == SHORT_CIRCUITED) shortCircuited += 1;
}

// --- The breaker ------------------------------------------------------------------------------------

function move(to: i32, now: f64): void {
  if (transitions == transitionCapacity) {
    transitionAt = regrow(transitionAt, <usize>transitions << 3, <usize>transitions << 4);
    transitionFrom = regrow(transitionFrom, <usize>transitions << 2, <usize>transitions << 3);
    transitionTo = regrow(transitionTo, <usize>transitions << 2, <usize>transitions << 3);
    transitionCapacity *= 2;
  }
  setF(transitionAt, transitions, now / 1000);
  setI(transitionFrom, transitions, brState);
  setI(transitionTo, transitions, to);
  transitions += 1;
  brState = to;
}

function breakerOpen(now: f64): void {
  move(OPEN, now);
  brOpenedAt = now;
}

function breakerClose(now: f64): void {
  move(CLOSED, now);
  memory.fill(brRing, 0, <usize>brWindow);
  brRingPos = 0;
  brRecorded = 0;
  brFailures = 0;
  brSlows = 0;
}

@inline function overThreshold(failureRate: f64, slowRate: f64): bool {
  return failureRate >= brFailureThreshold || slowRate >= brSlowRateThreshold;
}

function tryAcquire(now: f64): bool {
  if (brState == OPEN) {
    if (now - brOpenedAt < brWait) return false;
    move(HALF_OPEN, now);
    brHalfPermitted = 0;
    brHalfDone = 0;
    brHalfFailures = 0;
    brHalfSlows = 0;
  }
  if (brState == HALF_OPEN) {
    if (brHalfPermitted >= brPermitted) return false;
    brHalfPermitted += 1;
  }
  return true;
}

function breakerRecord(now: f64, isFailure: bool, durationMs: f64, startedIn: i32): void {
  const isSlow = durationMs > brSlowThreshold;
  if (brState == HALF_OPEN && startedIn == HALF_OPEN) {
    brHalfDone += 1;
    if (isFailure) brHalfFailures += 1;
    if (isSlow) brHalfSlows += 1;
    if (brHalfDone >= brPermitted) {
      const calls = <f64>brHalfDone;
      if (overThreshold((<f64>brHalfFailures / calls) * 100, (<f64>brHalfSlows / calls) * 100)) breakerOpen(now);
      else breakerClose(now);
    }
    return;
  }
  if (brState != CLOSED || startedIn != CLOSED) return;
  const bits = (isFailure ? 1 : 0) | (isSlow ? 2 : 0);
  if (brRecorded == brWindow) {
    const old = getB(brRing, brRingPos);
    if (old & 1) brFailures -= 1;
    if (old & 2) brSlows -= 1;
  } else brRecorded += 1;
  setB(brRing, brRingPos, bits);
  brRingPos = brRingPos + 1 < brWindow ? brRingPos + 1 : 0;
  if (isFailure) brFailures += 1;
  if (isSlow) brSlows += 1;
  if ((brFailures > 0 || brSlows > 0) && brRecorded >= brMinCalls) {
    const calls = <f64>brRecorded;
    if (overThreshold((<f64>brFailures / calls) * 100, (<f64>brSlows / calls) * 100)) breakerOpen(now);
  }
}

// --- Slots ------------------------------------------------------------------------------------------

function takeRequest(now: f64, client: f64): i32 {
  let r: i32;
  if (reqFreeCount > 0) r = getI(reqFree, --reqFreeCount);
  else {
    r = reqNext++;
    if (r >= reqSlots) {
      const bytes = <usize>reqSlots;
      reqStart = regrow(reqStart, bytes << 3, bytes << 4);
      reqClient = regrow(reqClient, bytes << 3, bytes << 4);
      reqTries = regrow(reqTries, bytes << 2, bytes << 3);
      reqPrevDelay = regrow(reqPrevDelay, bytes << 3, bytes << 4);
      reqSlots *= 2;
    }
  }
  setF(reqStart, r, now);
  setF(reqClient, r, client);
  setI(reqTries, r, 0);
  setF(reqPrevDelay, r, 0);
  return r;
}

function releaseRequest(r: i32): void {
  if (reqFreeCount == reqFreeCapacity) {
    reqFree = regrow(reqFree, <usize>reqFreeCount << 2, <usize>reqFreeCount << 3);
    reqFreeCapacity *= 2;
  }
  setI(reqFree, reqFreeCount++, r);
}

function takeAttempt(now: f64, r: i32, s: i32, serverEpoch: i32, breakerCode: i32): i32 {
  let a: i32;
  if (attFreeCount > 0) a = getI(attFree, --attFreeCount);
  else {
    a = attNext++;
    if (a >= attSlots) {
      const bytes = <usize>attSlots;
      attReq = regrow(attReq, bytes << 2, bytes << 3);
      attServer = regrow(attServer, bytes << 2, bytes << 3);
      attStart = regrow(attStart, bytes << 3, bytes << 4);
      attEpoch = regrow(attEpoch, bytes << 2, bytes << 3);
      attWaiting = regrow(attWaiting, bytes, bytes << 1);
      attWorking = regrow(attWorking, bytes, bytes << 1);
      attBreaker = regrow(attBreaker, bytes, bytes << 1);
      attOrder = regrow(attOrder, bytes << 3, bytes << 4);
      attFreed = regrow(attFreed, bytes, bytes << 1);
      attSlots *= 2;
    }
  }
  setI(attReq, a, r);
  setI(attServer, a, s);
  setF(attStart, a, now);
  setI(attEpoch, a, serverEpoch);
  setB(attWaiting, a, 1);
  setB(attWorking, a, 1);
  setB(attBreaker, a, breakerCode);
  setF(attOrder, a, attTaken);
  attTaken += 1;
  setB(attFreed, a, 0);
  return a;
}

/** Reuse the slot once neither the client nor a server holds it. */
function releaseAttempt(a: i32): void {
  if (getB(attWaiting, a) == 0 && getB(attWorking, a) == 0 && getB(attFreed, a) == 0) {
    setB(attFreed, a, 1);
    if (attFreeCount == attFreeCapacity) {
      attFree = regrow(attFree, <usize>attFreeCount << 2, <usize>attFreeCount << 3);
      attFreeCapacity *= 2;
    }
    setI(attFree, attFreeCount++, a);
  }
}

/** Whether the attempt's server crashed (or let go of it) since it arrived. */
@inline function lost(a: i32): bool {
  return getI(attEpoch, a) != getI(epoch, getI(attServer, a)) || getB(attWorking, a) == 0;
}

// --- Timeouts ---------------------------------------------------------------------------------------

function scheduleTimeout(time: f64, a: i32): void {
  if (tCount > tMask) {
    const size = (tMask + 1) * 2;
    const time2 = f64s(size);
    const seq2 = f64s(size);
    const data2 = i32s(size);
    for (let k = 0; k < tCount; k++) {
      const i = (tHead + k) & tMask;
      setF(time2, k, getF(tTime, i));
      setF(seq2, k, getF(tSeq, i));
      setI(data2, k, getI(tData, i));
    }
    tTime = time2;
    tSeq = seq2;
    tData = data2;
    tHead = 0;
    tMask = size - 1;
  }
  const i = (tHead + tCount) & tMask;
  setF(tTime, i, time);
  setF(tSeq, i, seq);
  seq += 1;
  setI(tData, i, a);
  tCount += 1;
}

// --- The dependency's queue -------------------------------------------------------------------------

function depPush(a: i32): void {
  if (depQueueLength == depQueueCapacity) {
    const grown = i32s(depQueueCapacity * 2);
    for (let k = 0; k < depQueueLength; k++)
      setI(grown, k, getI(depQueue, (depQueueHead + k) & (depQueueCapacity - 1)));
    depQueue = grown;
    depQueueCapacity *= 2;
    depQueueHead = 0;
  }
  setI(depQueue, (depQueueHead + depQueueLength) & (depQueueCapacity - 1), a);
  depQueueLength += 1;
}

function depShift(): i32 {
  if (depQueueLength == 0) return -1;
  const a = getI(depQueue, depQueueHead);
  depQueueHead = (depQueueHead + 1) & (depQueueCapacity - 1);
  depQueueLength -= 1;
  return a;
}

// --- The model --------------------------------------------------------------------------------------

function backoffDelay(retryIndex: i32, previous: f64): f64 {
  // 2^retryIndex from its bits, exact as JavaScript's 2 ** n (which is Infinity past 2^1023).
  const power = retryIndex > 1023 ? Infinity : reinterpret<f64>(<u64>(retryIndex + 1023) << 52);
  const expo = backoffConstant ? min(backoffMax, backoffBase) : min(backoffMax, backoffBase * power);
  if (jitter == 0) return expo;
  if (jitter == 1) return uniform() * expo;
  if (jitter == 2) return expo / 2 + uniform() * (expo / 2);
  const prev = previous > 0 ? previous : backoffBase;
  return min(backoffMax, backoffBase + uniform() * (prev * 3 - backoffBase));
}

function fullArrive(now: f64): void {
  advance(now);
  secOffered += 1;
  if (now >= warmup) offered += 1;
  const r = takeRequest(now, strategy == IP_HASH ? uniformInt(clients) : 0);
  if (hasRetry && hasBudget) retryTokens = min(retryTokens + budgetPerRequest, 10);
  startAttempt(now, r);
  arrivalAfter(now);
}

function startAttempt(now: f64, r: i32): void {
  setI(reqTries, r, getI(reqTries, r) + 1);
  attempts += 1;
  let breakerCode = NO_BREAKER;
  if (hasBreaker) {
    if (!tryAcquire(now)) {
      failure(now, getF(reqStart, r), SHORT_CIRCUITED);
      releaseRequest(r);
      return;
    }
    breakerCode = brState;
  }
  if (hasBulkhead && inFlight >= bulkhead) {
    refuse(now, r, breakerCode, REJECTED);
    return;
  }
  const s = balance(getF(reqClient, r));
  if (s < 0) {
    refuse(now, r, breakerCode, ERROR);
    return;
  }
  if (<f64>getI(active, s) >= <f64>getI(workers, s) + <f64>getI(queueCap, s)) {
    refuse(now, r, breakerCode, REJECTED);
    return;
  }
  const a = takeAttempt(now, r, s, getI(epoch, s), breakerCode);
  inFlight += 1;
  if (inFlight > maxInFlight) maxInFlight = inFlight;
  setI(active, s, getI(active, s) + 1);
  if (hasTimeout) scheduleTimeout(now + timeout, a);
  if (getI(busy, s) < getI(workers, s)) startService(now, s, a);
  else enqueue(s, a);
}

/** An attempt refused before it reached a server still counts as a failed call for the breaker. */
function refuse(now: f64, r: i32, breakerCode: i32, reason: i32): void {
  if (hasBreaker && breakerCode != NO_BREAKER) breakerRecord(now, true, 0, breakerCode);
  fail(now, r, reason);
}

function startService(now: f64, s: i32, a: i32): void {
  markBusy(s, now, 1);
  schedule(now + serviceTime(getI(groupOf, s)) * getF(slow, s), SERVER_DONE, a);
}

function serverDone(now: f64, a: i32): void {
  if (lost(a)) return;
  const s = getI(attServer, a);
  if (getF(errorRate, s) > 0 && uniform() < getF(errorRate, s)) answer(now, a, false, ERROR);
  else if (!hasDependency) answer(now, a, true, ERROR);
  else if (hasCache && uniform() < hitRatio) schedule(now + cacheLatency, CACHE_DONE, a);
  else if (depBusy < depWorkers) startDependency(now, a);
  else if (depQueueLength < depQueueCap) depPush(a);
  else answer(now, a, false, REJECTED);
}

function startDependency(now: f64, a: i32): void {
  depBusy += 1;
  schedule(now + serviceTime(depGroup) * depSlow, DEP_DONE, a);
}

function dependencyDone(now: f64, a: i32): void {
  depBusy -= 1;
  const next = depShift();
  if (next >= 0) startDependency(now, next);
  if (lost(a)) return;
  answer(now, a, !(depError > 0 && uniform() < depError), ERROR);
}

/** The server answers: its worker moves on, and the client (if still waiting) gets the answer. */
function answer(now: f64, a: i32, ok: bool, reason: i32): void {
  releaseWorker(now, getI(attServer, a), a);
  clientDone(now, a, ok, reason);
  releaseAttempt(a);
}

function releaseWorker(now: f64, s: i32, a: i32): void {
  setB(attWorking, a, 0);
  setI(active, s, getI(active, s) - 1);
  markBusy(s, now, -1);
  setF(served, s, getF(served, s) + 1);
  const next = dequeue(s);
  if (next >= 0) startService(now, s, next);
}

/** The client side of an attempt ends (answer, failure or timeout). */
function clientDone(now: f64, a: i32, ok: bool, reason: i32): void {
  if (getB(attWaiting, a) == 0) return;
  setB(attWaiting, a, 0);
  inFlight -= 1;
  const r = getI(attReq, a);
  const code = getB(attBreaker, a);
  if (hasBreaker && code != NO_BREAKER) breakerRecord(now, !ok, now - getF(attStart, a), code);
  if (ok) {
    success(now, getF(reqStart, r));
    releaseRequest(r);
  } else fail(now, r, reason);
  releaseAttempt(a);
}

/** A failed attempt: retry after a backoff if the policy and budget allow, or fail the request. */
function fail(now: f64, r: i32, reason: i32): void {
  const tries = getI(reqTries, r);
  if (hasRetry && reason != SHORT_CIRCUITED && tries < retryAttempts) {
    if (!hasBudget || retryTokens >= 1) {
      if (hasBudget) retryTokens -= 1;
      const delay = backoffDelay(tries - 1, getF(reqPrevDelay, r));
      setF(reqPrevDelay, r, delay);
      if (getF(reqStart, r) >= warmup) retries += 1;
      schedule(now + delay, RETRY, r);
      return;
    }
  }
  failure(now, getF(reqStart, r), reason);
  releaseRequest(r);
}

/**
 * Faults compose while they overlap: slow factors multiply, error rates combine as 1 − Π(1 − rate),
 * and a server stays down while any crash covers it.
 */
function applyFault(now: f64, index: i32, starting: bool): void {
  if (starting) setI(activeFaults, activeCount++, index);
  else {
    let k = 0;
    while (k < activeCount && getI(activeFaults, k) != index) k++;
    if (k < activeCount) {
      for (let j = k; j + 1 < activeCount; j++) setI(activeFaults, j, getI(activeFaults, j + 1));
      activeCount -= 1;
    }
  }
  if (getI(faultKind, index) != CRASH) {
    recomputeFaults();
    return;
  }
  const target = getI(faultTarget, index);
  const first = target == ALL_SERVERS ? 0 : target;
  const last = target == ALL_SERVERS ? n - 1 : target;
  for (let s = first; s <= last; s++) {
    setI(crashDepth, s, getI(crashDepth, s) + (starting ? 1 : -1));
    if (starting && getI(crashDepth, s) == 1) crash(now, s);
    else if (!starting && getI(crashDepth, s) == 0) {
      setB(up, s, 1);
      upCount += 1;
    }
  }
}

function recomputeFaults(): void {
  for (let s = 0; s < n; s++) {
    setF(slow, s, 1);
    setF(errorRate, s, 0);
  }
  depSlow = 1;
  depError = 0;
  for (let k = 0; k < activeCount; k++) {
    const i = getI(activeFaults, k);
    const kind = getI(faultKind, i);
    if (kind == CRASH) continue;
    const target = getI(faultTarget, i);
    const value = getF(faultValue, i);
    if (target == DEPENDENCY) {
      if (kind == SLOW) depSlow *= value;
      else depError = 1 - (1 - depError) * (1 - value);
      continue;
    }
    const first = target == ALL_SERVERS ? 0 : target;
    const last = target == ALL_SERVERS ? n - 1 : target;
    for (let s = first; s <= last; s++) {
      if (kind == SLOW) setF(slow, s, getF(slow, s) * value);
      else setF(errorRate, s, 1 - (1 - getF(errorRate, s)) * (1 - value));
    }
  }
}

/** Connections to a crashed server are reset: its work is lost and its clients fail now. */
function crash(now: f64, s: i32): void {
  // The attempts it holds, oldest first (slots.ts heldBy).
  const held = i32s(attNext);
  let count = 0;
  const e = getI(epoch, s);
  for (let a = 0; a < attNext; a++)
    if (getB(attWorking, a) != 0 && getI(attServer, a) == s && getI(attEpoch, a) == e) setI(held, count++, a);
  sortByOrder(held, count);
  setB(up, s, 0);
  upCount -= 1;
  setI(epoch, s, e + 1);
  markBusy(s, now, -getI(busy, s));
  setI(queueHead, s, 0);
  setI(queueLength, s, 0);
  setI(active, s, 0);
  // Their slots are never reused: events for them may still be queued.
  for (let k = 0; k < count; k++) {
    const a = getI(held, k);
    if (getB(attWaiting, a) != 0) clientDone(now, a, false, ERROR);
  }
}

/** Heapsort of attempts by the order they were taken. */
function sortByOrder(items: usize, count: i32): void {
  for (let i = (count >> 1) - 1; i >= 0; i--) siftOrder(items, i, count);
  for (let last = count - 1; last > 0; last--) {
    const t = getI(items, 0);
    setI(items, 0, getI(items, last));
    setI(items, last, t);
    siftOrder(items, 0, last);
  }
}

function siftOrder(items: usize, from: i32, count: i32): void {
  let i = from;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= count) return;
    if (c + 1 < count && getF(attOrder, getI(items, c + 1)) > getF(attOrder, getI(items, c))) c++;
    if (getF(attOrder, getI(items, i)) >= getF(attOrder, getI(items, c))) return;
    const t = getI(items, i);
    setI(items, i, getI(items, c));
    setI(items, c, t);
    i = c;
  }
}

function beginFull(): void {
  if (strategy == WEIGHTED_ROUND_ROBIN) for (let i = 0; i < n; i++) setF(deadline, i, 1 / getF(weight, i));
  for (let i = 0; i < nSteps; i++) if (getF(stepAt, i) < end) schedule(getF(stepAt, i), RATE_STEP, i);
  for (let i = 0; i < nFaults; i++) {
    const at = getF(faultAt, i);
    if (at < end) schedule(at, FAULT_START, i);
    if (at + getF(faultDuration, i) < end) schedule(at + getF(faultDuration, i), FAULT_END, i);
  }
  arrivalAfter(0);
}

/** As run(), for the full model. */
export function runFull(budget: i32): i32 {
  if (!started) {
    started = true;
    beginFull();
  }
  for (let k = 0; k < budget; k++) {
    // The earliest of arrival, heap and timeouts (agenda.ts next()).
    const at = arrivalAt;
    const ht = heapSize > 0 ? getF(heapTime, 0) : Infinity;
    const hs = heapSize > 0 ? getF(heapSeq, 0) : 0;
    const arrivalFirst = at < ht || (at == ht && at != Infinity && arrivalSeq < hs);
    let kind: i32;
    let now: f64;
    let data: i32 = 0;
    if (tCount > 0 && before(getF(tTime, tHead), getF(tSeq, tHead), arrivalFirst ? at : ht, arrivalFirst ? arrivalSeq : hs)) {
      now = getF(tTime, tHead);
      if (now >= end) return finish();
      kind = TIMEOUT;
      data = getI(tData, tHead);
      tHead = (tHead + 1) & tMask;
      tCount -= 1;
    } else if (arrivalFirst) {
      now = at;
      if (now >= end) return finish();
      kind = ARRIVAL;
      arrivalAt = Infinity;
    } else {
      now = ht;
      if (now >= end) return finish();
      kind = getI(heapKind, 0);
      data = getI(heapData, 0);
      popHeap();
    }
    events += 1;
    switch (kind) {
      case ARRIVAL:
        fullArrive(now);
        break;
      case RETRY:
        startAttempt(now, data);
        break;
      case SERVER_DONE:
        serverDone(now, data);
        break;
      case CACHE_DONE:
        if (!lost(data)) answer(now, data, true, ERROR);
        break;
      case DEP_DONE:
        dependencyDone(now, data);
        break;
      case TIMEOUT:
        if (getB(attWaiting, data) != 0 && getF(attStart, data) + timeout == now) clientDone(now, data, false, TIMED_OUT);
        break;
      case FAULT_START:
        applyFault(now, data, true);
        break;
      case FAULT_END:
        applyFault(now, data, false);
        break;
      case RATE_STEP:
        rate = getF(stepRate, data);
        gap = 1000 / rate;
        arrivalAfter(now);
        break;
    }
  }
  return 0;
}

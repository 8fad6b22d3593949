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
// Balancers (balancer.ts). No server is ever down in a plain run.

function balance(client: f64): i32 {
  switch (strategy) {
    case ROUND_ROBIN: {
      const i = rrNext;
      rrNext = i + 1 < n ? i + 1 : 0;
      return i;
    }
    case WEIGHTED_ROUND_ROBIN: {
      let best = 0;
      for (let i = 1; i < n; i++) if (getF(deadline, i) < getF(deadline, best)) best = i;
      setF(deadline, best, getF(deadline, best) + 1 / getF(weight, best));
      return best;
    }
    case LEAST_CONNECTIONS: {
      let best = 0;
      let ties = 1;
      for (let i = 1; i < n; i++) {
        const a = getI(active, i);
        const b = getI(active, best);
        if (a < b) {
          best = i;
          ties = 1;
        } else if (a == b) {
          ties += 1;
          if (uniformInt(<f64>ties) == 0) best = i;
        }
      }
      return best;
    }
    case RANDOM:
      return <i32>uniformInt(<f64>n);
    case POWER_OF_TWO: {
      const a = <i32>uniformInt(<f64>n);
      const b = <i32>uniformInt(<f64>n);
      return getI(active, b) < getI(active, a) ? b : a;
    }
    case WEIGHTED_LEAST_REQUEST: {
      let best = 0;
      for (let i = 1; i < n; i++) if (getF(deadline, i) < getF(deadline, best)) best = i;
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
  return getI(ringOwner, lo < ringLength ? lo : 0);
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

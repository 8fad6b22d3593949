// What happens next (src/engine/sim/agenda.ts, heap.ts): a heap of events in time order, ties in the
// order they were scheduled (a sequence number), beside two streams that skip it: the one pending
// arrival and the timeouts, which all have one length and so come due in the order they were set.

import { f64s, getF, getI, i32s, setF, setI } from './memory';
import { standardExponential } from './random';

// Event kinds (src/engine/sim/model.ts's numbers).
export const ARRIVAL = 0;
export const TIMEOUT = 1;
export const RETRY = 2;
export const SERVER_DONE = 3;
export const DEP_DONE = 4;
export const FAULT_START = 5;
export const FAULT_END = 6;
export const RATE_STEP = 7;
export const CACHE_DONE = 8;

/** The end of the run (ms): nothing at or after it happens. */
export let end: f64 = 0;
/** Arrivals per second now, the mean gap between them (ms), and whether they are Poisson. */
export let rate: f64 = 0;
let gap: f64 = 1;
let poisson: bool = true;

let seq: f64 = 0;
export let arrivalAt: f64 = Infinity;
export let arrivalSeq: f64 = 0;

export let heapTime: usize = 0;
export let heapSeq: usize = 0;
export let heapKind: usize = 0;
export let heapData: usize = 0;
export let heapSize: i32 = 0;
let heapCapacity: i32 = 0;

export let tTime: usize = 0;
export let tSeq: usize = 0;
export let tData: usize = 0;
export let tHead: i32 = 0;
export let tCount: i32 = 0;
export let tMask: i32 = 0;

export function setupAgenda(runEnd: f64, firstRate: f64, poissonArrivals: bool): void {
  end = runEnd;
  poisson = poissonArrivals;
  setRate(firstRate);
  heapCapacity = 1024;
  heapTime = f64s(heapCapacity);
  heapSeq = f64s(heapCapacity);
  heapKind = i32s(heapCapacity);
  heapData = i32s(heapCapacity);
  tMask = 255;
  tTime = f64s(256);
  tSeq = f64s(256);
  tData = i32s(256);
}

export function setRate(perSecond: f64): void {
  rate = perSecond;
  gap = 1000 / rate;
}

/** Whether event (t, q) comes before event (u, r). */
@inline export function before(t: f64, q: f64, u: f64, r: f64): bool {
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

@inline function putEvent(i: i32, time: f64, q: f64, kind: i32, data: i32): void {
  setF(heapTime, i, time);
  setF(heapSeq, i, q);
  setI(heapKind, i, kind);
  setI(heapData, i, data);
}

/** Move the heap's event at `from` to `to`. */
@inline function moveEvent(to: i32, from: i32): void {
  putEvent(to, getF(heapTime, from), getF(heapSeq, from), getI(heapKind, from), getI(heapData, from));
}

/** Schedule an event of `kind` (2 to 15; 0 and 1 are arrival and timeout) with an integer payload. */
export function schedule(time: f64, kind: i32, data: i32): void {
  if (heapSize == heapCapacity) growHeap();
  const q = seq;
  seq += 1;
  let i = heapSize++;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (before(getF(heapTime, p), getF(heapSeq, p), time, q)) break;
    moveEvent(i, p);
    i = p;
  }
  putEvent(i, time, q, kind, data);
}

/** Remove the earliest event of the heap (read it first at index 0). */
export function popHeap(): void {
  const last = --heapSize;
  if (last == 0) return;
  const t = getF(heapTime, last);
  const q = getF(heapSeq, last);
  const k = getI(heapKind, last);
  const d = getI(heapData, last);
  let i = 0;
  while (true) {
    let c = 2 * i + 1;
    if (c >= last) break;
    if (c + 1 < last && before(getF(heapTime, c + 1), getF(heapSeq, c + 1), getF(heapTime, c), getF(heapSeq, c))) c++;
    if (before(t, q, getF(heapTime, c), getF(heapSeq, c))) break;
    moveEvent(i, c);
    i = c;
  }
  putEvent(i, t, q, k, d);
}

/** Set the next arrival, replacing any pending one; Infinity for none. */
function setArrival(time: f64): void {
  arrivalAt = time;
  arrivalSeq = seq;
  if (time != Infinity) seq += 1;
}

export function takeArrival(): void {
  arrivalAt = Infinity;
}

/** Draw the next arrival after `now` (none past the end or at rate 0). */
export function arrivalAfter(now: f64): void {
  if (rate <= 0) {
    setArrival(Infinity);
    return;
  }
  const at = now + (poisson ? gap * standardExponential() : gap);
  setArrival(at < end ? at : Infinity);
}

/** Schedule a timeout at `time` for attempt a: timeouts must come due in the order they are set. */
export function scheduleTimeout(time: f64, a: i32): void {
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

export function takeTimeout(): void {
  tHead = (tHead + 1) & tMask;
  tCount -= 1;
}

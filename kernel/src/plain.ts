// The plain model's loop (src/engine/sim/plain.ts): arrivals, a balancer and servers, nothing else, so a
// request is its one attempt and nothing can fail but a full queue.

import {
  RATE_STEP,
  SERVER_DONE,
  arrivalAfter,
  arrivalAt,
  arrivalSeq,
  end,
  heapData,
  heapKind,
  heapSeq,
  heapSize,
  heapTime,
  popHeap,
  schedule,
  setRate,
  takeArrival,
} from './agenda';
import { f64s, getF, getI, i32s, setF, setI } from './memory';
import { REJECTED, arrival, failure, success } from './metrics';
import { serviceTime, uniformInt } from './random';
import { IP_HASH, active, balance, busy, dequeue, enqueue, full, groupOf, markBusy, served, strategy, workers } from './servers';
import * as state from './state';

// Requests in flight, in slots that are reused: when each started and where it went.
let start: usize = 0;
let server: usize = 0;
let slots: i32 = 0;
let free: usize = 0;
let freeCount: i32 = 0;
let freeCapacity: i32 = 0;
let nextSlot: i32 = 0;
export let inFlight: i32 = 0;
export let maxInFlight: i32 = 0;

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
  arrival(now);
  const client = strategy == IP_HASH ? uniformInt(state.clients) : 0;
  state.attempts += 1;
  const s = balance(client);
  if (full(s)) failure(now, now, REJECTED);
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

export function setupPlain(): void {
  slots = 1024;
  start = f64s(slots);
  server = i32s(slots);
  freeCapacity = 1024;
  free = i32s(freeCapacity);
}

export function beginPlain(): void {
  for (let i = 0; i < state.nSteps; i++)
    if (getF(state.stepAt, i) < end) schedule(getF(state.stepAt, i), RATE_STEP, i);
  arrivalAfter(0);
}

/** Up to `budget` events; true when the run is over. */
export function plainSlice(budget: i32): bool {
  for (let k = 0; k < budget; k++) {
    // The earliest of the pending arrival and the heap's top; at the same time, the one scheduled first.
    const heapFirst =
      heapSize > 0 &&
      (getF(heapTime, 0) < arrivalAt ||
        (getF(heapTime, 0) == arrivalAt && (arrivalAt == Infinity || getF(heapSeq, 0) < arrivalSeq)));
    if (heapFirst) {
      const now = getF(heapTime, 0);
      if (now >= end) return true;
      const kind = getI(heapKind, 0);
      const data = getI(heapData, 0);
      popHeap();
      state.events += 1;
      if (kind == SERVER_DONE) done(now, data);
      else {
        setRate(getF(state.stepRate, data));
        arrivalAfter(now);
      }
    } else {
      const now = arrivalAt;
      if (now >= end) return true;
      takeArrival();
      state.events += 1;
      arrive(now);
    }
  }
  return false;
}

// Requests and attempts in flight (src/engine/sim/slots.ts), in columns whose slots are reused: memory
// follows what is in flight at once, never the number of requests in a run.

import { f64s, getB, getF, getI, i32s, regrow, setB, setF, setI, u8s } from './memory';

/** Not through a breaker. */
export const NO_BREAKER = 255;

// Requests: when each started, its client, its tries, its last backoff delay.
export let reqStart: usize = 0;
export let reqClient: usize = 0;
export let reqTries: usize = 0;
export let reqPrevDelay: usize = 0;
let reqSlots: i32 = 0;
let reqFree: usize = 0;
let reqFreeCount: i32 = 0;
let reqFreeCapacity: i32 = 0;
let reqNext: i32 = 0;

// Attempts: one try of a request at one server.
export let attReq: usize = 0;
export let attServer: usize = 0;
export let attStart: usize = 0;
/** The server's crash count when the attempt reached it: a later crash lost it. */
export let attEpoch: usize = 0;
/** The client still waits for it; a server still holds it; the breaker state it started in. */
export let attWaiting: usize = 0;
export let attWorking: usize = 0;
export let attBreaker: usize = 0;
/** When it was taken, as a count of takes: orders the attempts a crash finds. */
let attOrder: usize = 0;
let attFreed: usize = 0;
let attSlots: i32 = 0;
let attFree: usize = 0;
let attFreeCount: i32 = 0;
let attFreeCapacity: i32 = 0;
let attNext: i32 = 0;
let attTaken: f64 = 0;

export function setupSlots(): void {
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
}

export function takeRequest(now: f64, client: f64): i32 {
  let r: i32;
  if (reqFreeCount > 0) r = getI(reqFree, --reqFreeCount);
  else {
    r = reqNext++;
    if (r >= reqSlots) {
      const size = <usize>reqSlots;
      reqStart = regrow(reqStart, size << 3, size << 4);
      reqClient = regrow(reqClient, size << 3, size << 4);
      reqTries = regrow(reqTries, size << 2, size << 3);
      reqPrevDelay = regrow(reqPrevDelay, size << 3, size << 4);
      reqSlots *= 2;
    }
  }
  setF(reqStart, r, now);
  setF(reqClient, r, client);
  setI(reqTries, r, 0);
  setF(reqPrevDelay, r, 0);
  return r;
}

export function releaseRequest(r: i32): void {
  if (reqFreeCount == reqFreeCapacity) {
    reqFree = regrow(reqFree, <usize>reqFreeCount << 2, <usize>reqFreeCount << 3);
    reqFreeCapacity *= 2;
  }
  setI(reqFree, reqFreeCount++, r);
}

export function takeAttempt(now: f64, r: i32, s: i32, serverEpoch: i32, breakerCode: i32): i32 {
  let a: i32;
  if (attFreeCount > 0) a = getI(attFree, --attFreeCount);
  else {
    a = attNext++;
    if (a >= attSlots) {
      const size = <usize>attSlots;
      attReq = regrow(attReq, size << 2, size << 3);
      attServer = regrow(attServer, size << 2, size << 3);
      attStart = regrow(attStart, size << 3, size << 4);
      attEpoch = regrow(attEpoch, size << 2, size << 3);
      attWaiting = regrow(attWaiting, size, size << 1);
      attWorking = regrow(attWorking, size, size << 1);
      attBreaker = regrow(attBreaker, size, size << 1);
      attOrder = regrow(attOrder, size << 3, size << 4);
      attFreed = regrow(attFreed, size, size << 1);
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
export function releaseAttempt(a: i32): void {
  if (getB(attWaiting, a) == 0 && getB(attWorking, a) == 0 && getB(attFreed, a) == 0) {
    setB(attFreed, a, 1);
    if (attFreeCount == attFreeCapacity) {
      attFree = regrow(attFree, <usize>attFreeCount << 2, <usize>attFreeCount << 3);
      attFreeCapacity *= 2;
    }
    setI(attFree, attFreeCount++, a);
  }
}

/**
 * The attempts server s holds (in service or queued) since its crash count was `epoch`, oldest first,
 * into a new array; returns the address, and their count in {@link heldCount}.
 */
export let heldCount: i32 = 0;
export function heldBy(s: i32, epoch: i32): usize {
  const held = i32s(attNext);
  heldCount = 0;
  for (let a = 0; a < attNext; a++)
    if (getB(attWorking, a) != 0 && getI(attServer, a) == s && getI(attEpoch, a) == epoch) setI(held, heldCount++, a);
  // Heapsort by the order they were taken.
  for (let i = (heldCount >> 1) - 1; i >= 0; i--) sift(held, i, heldCount);
  for (let last = heldCount - 1; last > 0; last--) {
    const t = getI(held, 0);
    setI(held, 0, getI(held, last));
    setI(held, last, t);
    sift(held, 0, last);
  }
  return held;
}

function sift(items: usize, from: i32, count: i32): void {
  let i = from;
  while (true) {
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

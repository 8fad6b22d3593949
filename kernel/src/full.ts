// The full model (src/engine/sim/model.ts): every request arrives, passes the breaker and the bulkhead,
// is balanced to a server's worker or queue, is served, calls the dependency (or hits the cache) and is
// answered; the client gives up at its timeout while the server carries on, and a failure may be retried
// after a backoff while the retry budget lasts. Faults slow, fail or crash servers and the dependency.

import * as agenda from './agenda';
import {
  ARRIVAL,
  CACHE_DONE,
  DEP_DONE,
  FAULT_END,
  FAULT_START,
  RATE_STEP,
  RETRY,
  SERVER_DONE,
  TIMEOUT,
  arrivalAfter,
  before,
  end,
  popHeap,
  schedule,
  scheduleTimeout,
  setRate,
  takeArrival,
  takeTimeout,
} from './agenda';
import * as breaker from './breaker';
import {
  cacheLatency,
  depBusy,
  depGroup,
  depPush,
  depQueueCap,
  depQueueLength,
  depShift,
  depWorkers,
  hasCache,
  hasDependency,
  hitRatio,
  occupy,
} from './dependency';
import * as faults from './faults';
import { ALL_SERVERS, CRASH, crashDepth, depError, depSlow, epoch, errorRate, faultKind, faultTarget, markFault, slow } from './faults';
import { getB, getF, getI, i32s, setB, setF, setI } from './memory';
import { ERROR, REJECTED, SHORT_CIRCUITED, TIMED_OUT, arrival, failure, retried, success } from './metrics';
import { serviceTime, uniform, uniformInt } from './random';
import { IP_HASH, active, balance, busy, clearQueue, dequeue, enqueue, full, groupOf, markBusy, n, served, setUp, strategy, workers } from './servers';
import * as slots from './slots';
import {
  NO_BREAKER,
  attBreaker,
  attReq,
  attServer,
  attStart,
  attWaiting,
  heldBy,
  releaseAttempt,
  releaseRequest,
  reqClient,
  reqPrevDelay,
  reqStart,
  reqTries,
  takeAttempt,
  takeRequest,
} from './slots';
import * as state from './state';

// Policies (configurePolicies in index.ts).
let timeout: f64 = 0;
let hasTimeout: bool = false;
let retryAttempts: i32 = 0;
let hasRetry: bool = false;
let backoffConstant: bool = false;
let backoffBase: f64 = 0;
let backoffMax: f64 = 0;
/** 0 none, 1 full, 2 equal, 3 decorrelated. */
let jitter: i32 = 0;
let hasBudget: bool = false;
let budgetPerRequest: f64 = 0;
let retryTokens: f64 = 0;
let bulkhead: i32 = 0;
let hasBulkhead: bool = false;
export let inFlight: i32 = 0;
export let maxInFlight: i32 = 0;

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

/** Whether the attempt's server crashed (or let go of it) since it arrived. */
@inline function lost(a: i32): bool {
  return getI(slots.attEpoch, a) != getI(epoch, getI(attServer, a)) || getB(slots.attWorking, a) == 0;
}

/** The delay before retry number `retryIndex` (0 first), given the previous delay (src/engine/sim/backoff.ts). */
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

function arrive(now: f64): void {
  arrival(now);
  const r = takeRequest(now, strategy == IP_HASH ? uniformInt(state.clients) : 0);
  if (hasRetry && hasBudget) retryTokens = min(retryTokens + budgetPerRequest, 10);
  startAttempt(now, r);
  arrivalAfter(now);
}

function startAttempt(now: f64, r: i32): void {
  setI(reqTries, r, getI(reqTries, r) + 1);
  state.attempts += 1;
  let breakerCode = NO_BREAKER;
  if (breaker.on) {
    if (!breaker.tryAcquire(now)) {
      failure(now, getF(reqStart, r), SHORT_CIRCUITED);
      releaseRequest(r);
      return;
    }
    breakerCode = breaker.state;
  }
  if (hasBulkhead && inFlight >= bulkhead) {
    // A full bulkhead rejects at once, like resilience4j's semaphore bulkhead with no wait.
    refuse(now, r, breakerCode, REJECTED);
    return;
  }
  const s = balance(getF(reqClient, r));
  if (s < 0) {
    refuse(now, r, breakerCode, ERROR);
    return;
  }
  if (full(s)) {
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
  if (breaker.on && breakerCode != NO_BREAKER) breaker.record(now, true, 0, breakerCode);
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
  occupy(1);
  schedule(now + serviceTime(depGroup) * depSlow, DEP_DONE, a);
}

function dependencyDone(now: f64, a: i32): void {
  occupy(-1);
  const next = depShift();
  if (next >= 0) startDependency(now, next);
  if (lost(a)) return;
  answer(now, a, !(depError > 0 && uniform() < depError), ERROR);
}

/** The server answers: its worker moves on, and the client (if still waiting) gets the answer. */
function answer(now: f64, a: i32, ok: bool, reason: i32): void {
  const s = getI(attServer, a);
  setB(slots.attWorking, a, 0);
  setI(active, s, getI(active, s) - 1);
  markBusy(s, now, -1);
  setF(served, s, getF(served, s) + 1);
  const next = dequeue(s);
  if (next >= 0) startService(now, s, next);
  clientDone(now, a, ok, reason);
  releaseAttempt(a);
}

/** The client side of an attempt ends (answer, failure or timeout). */
function clientDone(now: f64, a: i32, ok: bool, reason: i32): void {
  if (getB(attWaiting, a) == 0) return;
  setB(attWaiting, a, 0);
  inFlight -= 1;
  const r = getI(attReq, a);
  const code = getB(attBreaker, a);
  if (breaker.on && code != NO_BREAKER) breaker.record(now, !ok, now - getF(attStart, a), code);
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
      retried(getF(reqStart, r));
      schedule(now + delay, RETRY, r);
      return;
    }
  }
  failure(now, getF(reqStart, r), reason);
  releaseRequest(r);
}

/** A fault starts or ends; a server stays down while any crash covers it. */
function applyFault(now: f64, index: i32, starting: bool): void {
  markFault(index, starting);
  if (getI(faultKind, index) != CRASH) return;
  const target = getI(faultTarget, index);
  const first = target == ALL_SERVERS ? 0 : target;
  const last = target == ALL_SERVERS ? n - 1 : target;
  for (let s = first; s <= last; s++) {
    setI(crashDepth, s, getI(crashDepth, s) + (starting ? 1 : -1));
    if (starting && getI(crashDepth, s) == 1) crash(now, s);
    else if (!starting && getI(crashDepth, s) == 0) setUp(s, true);
  }
}

/** Connections to a crashed server are reset: its work is lost and its clients fail now. */
function crash(now: f64, s: i32): void {
  const e = getI(epoch, s);
  const held = heldBy(s, e);
  const count = slots.heldCount;
  setUp(s, false);
  setI(epoch, s, e + 1);
  markBusy(s, now, -getI(busy, s));
  clearQueue(s);
  setI(active, s, 0);
  // Their slots are never reused: events for them may still be queued (bounded by what was in flight).
  for (let k = 0; k < count; k++) {
    const a = getI(held, k);
    if (getB(attWaiting, a) != 0) clientDone(now, a, false, ERROR);
  }
}

export function beginFull(): void {
  for (let i = 0; i < state.nSteps; i++)
    if (getF(state.stepAt, i) < end) schedule(getF(state.stepAt, i), RATE_STEP, i);
  for (let i = 0; i < faults.count; i++) {
    const at = getF(faults.faultAt, i);
    if (at < end) schedule(at, FAULT_START, i);
    if (at + getF(faults.faultDuration, i) < end) schedule(at + getF(faults.faultDuration, i), FAULT_END, i);
  }
  arrivalAfter(0);
}

/** Up to `budget` events; true when the run is over. */
export function fullSlice(budget: i32): bool {
  for (let k = 0; k < budget; k++) {
    // The earliest of the pending arrival, the heap's top and the oldest timeout (agenda.ts next()).
    const at = agenda.arrivalAt;
    const ht = agenda.heapSize > 0 ? getF(agenda.heapTime, 0) : Infinity;
    const hs = agenda.heapSize > 0 ? getF(agenda.heapSeq, 0) : 0;
    const arrivalFirst = at < ht || (at == ht && at != Infinity && agenda.arrivalSeq < hs);
    let kind: i32;
    let now: f64;
    let data: i32 = 0;
    const head = agenda.tHead;
    if (agenda.tCount > 0 && before(getF(agenda.tTime, head), getF(agenda.tSeq, head), arrivalFirst ? at : ht, arrivalFirst ? agenda.arrivalSeq : hs)) {
      now = getF(agenda.tTime, head);
      if (now >= end) return true;
      kind = TIMEOUT;
      data = getI(agenda.tData, head);
      takeTimeout();
    } else if (arrivalFirst) {
      now = at;
      if (now >= end) return true;
      kind = ARRIVAL;
      takeArrival();
    } else {
      now = ht;
      if (now >= end) return true;
      kind = getI(agenda.heapKind, 0);
      data = getI(agenda.heapData, 0);
      popHeap();
    }
    state.events += 1;
    switch (kind) {
      case ARRIVAL:
        arrive(now);
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
        setRate(getF(state.stepRate, data));
        arrivalAfter(now);
        break;
    }
  }
  return false;
}

// resilience4j's count-based circuit breaker (src/engine/sim/breaker.ts). Closed: outcomes go into a
// ring of the last `window` calls; once enough are in, a failure or slow-call rate at or above its
// threshold opens it. Open: calls are refused until the wait is over; the next moves it to half-open,
// which lets a set number through and closes or opens again on their outcomes.

import { f64s, getB, i32s, regrow, setB, setF, setI, u8s } from './memory';

export const CLOSED = 0;
const OPEN = 1;
const HALF_OPEN = 2;

export let on: bool = false;
/** The state, as BREAKER_STATES's index. */
export let state: i32 = CLOSED;
let failureThreshold: f64 = 0;
let slowThreshold: f64 = 0;
let slowRateThreshold: f64 = 0;
let window: i32 = 0;
let minCalls: i32 = 0;
let wait: f64 = 0;
let permitted: i32 = 0;
let ring: usize = 0;
let ringPos: i32 = 0;
let recorded: i32 = 0;
let failures: i32 = 0;
let slows: i32 = 0;
let openedAt: f64 = 0;
let halfPermitted: i32 = 0;
let halfDone: i32 = 0;
let halfFailures: i32 = 0;
let halfSlows: i32 = 0;

/** Each state change: when (s), from, to. */
export let transitionAt: usize = 0;
export let transitionFrom: usize = 0;
export let transitionTo: usize = 0;
export let transitions: i32 = 0;
let transitionCapacity: i32 = 0;

export function configureBreaker(
  failureRate: f64,
  slowCall: f64,
  slowRate: f64,
  windowSize: i32,
  minimumCalls: i32,
  waitMs: f64,
  permittedCalls: i32,
): void {
  on = true;
  failureThreshold = failureRate;
  slowThreshold = slowCall;
  slowRateThreshold = slowRate;
  window = windowSize;
  minCalls = min(minimumCalls, windowSize);
  wait = waitMs;
  permitted = permittedCalls;
  ring = u8s(windowSize);
  transitionCapacity = 64;
  transitionAt = f64s(transitionCapacity);
  transitionFrom = i32s(transitionCapacity);
  transitionTo = i32s(transitionCapacity);
}

function move(to: i32, now: f64): void {
  if (transitions == transitionCapacity) {
    transitionAt = regrow(transitionAt, <usize>transitions << 3, <usize>transitions << 4);
    transitionFrom = regrow(transitionFrom, <usize>transitions << 2, <usize>transitions << 3);
    transitionTo = regrow(transitionTo, <usize>transitions << 2, <usize>transitions << 3);
    transitionCapacity *= 2;
  }
  setF(transitionAt, transitions, now / 1000);
  setI(transitionFrom, transitions, state);
  setI(transitionTo, transitions, to);
  transitions += 1;
  state = to;
}

function open(now: f64): void {
  move(OPEN, now);
  openedAt = now;
}

function close(now: f64): void {
  move(CLOSED, now);
  memory.fill(ring, 0, <usize>window);
  ringPos = 0;
  recorded = 0;
  failures = 0;
  slows = 0;
}

@inline function overThreshold(failureRate: f64, slowRate: f64): bool {
  return failureRate >= failureThreshold || slowRate >= slowRateThreshold;
}

/** May a call start at `now` (ms)? Moves open → half-open when the wait is over. */
export function tryAcquire(now: f64): bool {
  if (state == OPEN) {
    if (now - openedAt < wait) return false;
    move(HALF_OPEN, now);
    halfPermitted = 0;
    halfDone = 0;
    halfFailures = 0;
    halfSlows = 0;
  }
  if (state == HALF_OPEN) {
    if (halfPermitted >= permitted) return false;
    halfPermitted += 1;
  }
  return true;
}

/** Record a permitted call's outcome at `now` (ms); `startedIn` is the state it was let through in. */
export function record(now: f64, isFailure: bool, durationMs: f64, startedIn: i32): void {
  const isSlow = durationMs > slowThreshold;
  if (state == HALF_OPEN && startedIn == HALF_OPEN) {
    halfDone += 1;
    if (isFailure) halfFailures += 1;
    if (isSlow) halfSlows += 1;
    if (halfDone >= permitted) {
      const calls = <f64>halfDone;
      if (overThreshold((<f64>halfFailures / calls) * 100, (<f64>halfSlows / calls) * 100)) open(now);
      else close(now);
    }
    return;
  }
  if (state != CLOSED || startedIn != CLOSED) return;
  const bits = (isFailure ? 1 : 0) | (isSlow ? 2 : 0);
  if (recorded == window) {
    const old = getB(ring, ringPos);
    if (old & 1) failures -= 1;
    if (old & 2) slows -= 1;
  } else recorded += 1;
  setB(ring, ringPos, bits);
  ringPos = ringPos + 1 < window ? ringPos + 1 : 0;
  if (isFailure) failures += 1;
  if (isSlow) slows += 1;
  // With no failure or slow call in the window neither rate can reach a threshold (both are above 0).
  if ((failures > 0 || slows > 0) && recorded >= minCalls) {
    const calls = <f64>recorded;
    if (overThreshold((<f64>failures / calls) * 100, (<f64>slows / calls) * 100)) open(now);
  }
}

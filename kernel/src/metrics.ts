// Counts and latencies, whole-run and per simulated second (src/engine/sim/metrics.ts, histogram.ts,
// window-quantile.ts). The loader turns the per-second counts and P95s into the timeline's rows.

import { f64s, getF, i32s, setF, setI, zeroed } from './memory';

/** Latency histogram: 1024 sub-buckets per power of two from 2^-10 to 2^24 ms. */
const SUB = 1024;
const SUB_SHIFT = 10;
/** A busy second's overflow histogram: 64 sub-buckets. */
const SPILL_SUB = 64;
const SPILL_SHIFT = 14;
const MIN_EXP = -10;
const MAX_EXP = 24;
const POWERS = MAX_EXP - MIN_EXP + 1;
/** Values a second keeps exactly before spilling into a histogram. */
const EXACT_CAP = 65536;

// Why a call failed.
export const ERROR = 0;
export const TIMED_OUT = 1;
export const REJECTED = 2;
export const SHORT_CIRCUITED = 3;

let warmup: f64 = 0;
let apdexT: f64 = 0;

export let offered: f64 = 0;
export let succeeded: f64 = 0;
export let failed: f64 = 0;
export let rejected: f64 = 0;
export let timedOut: f64 = 0;
export let shortCircuited: f64 = 0;
export let retries: f64 = 0;
export let satisfied: f64 = 0;
export let tolerating: f64 = 0;

export let latency: usize = 0;
export let latencyTotal: f64 = 0;
export let latencySum: f64 = 0;
export let latencyMax: f64 = 0;

export let second: i32 = 0;
let secondEnds: f64 = 1000;
let secOffered: i32 = 0;
let secGood: i32 = 0;
let secFailed: i32 = 0;
let window: usize = 0;
let windowCount: i32 = 0;
let spill: usize = 0;
let spillTotal: f64 = 0;
let spillMax: f64 = 0;
export let rowOffered: usize = 0;
export let rowGood: usize = 0;
export let rowFailed: usize = 0;
export let rowP95: usize = 0;

/** Allocate for `rows` seconds. */
export function setupMetrics(rows: i32): void {
  latency = zeroed(f64s(POWERS * SUB), <usize>(POWERS * SUB) << 3);
  window = f64s(EXACT_CAP);
  spill = zeroed(f64s(POWERS * SPILL_SUB), <usize>(POWERS * SPILL_SUB) << 3);
  rowOffered = zeroed(i32s(rows), <usize>rows << 2);
  rowGood = zeroed(i32s(rows), <usize>rows << 2);
  rowFailed = zeroed(i32s(rows), <usize>rows << 2);
  rowP95 = zeroed(f64s(rows), <usize>rows << 3);
}

/** Requests that start before `warmupEnd` are left out of the figures; Apdex threshold T. */
export function configureMetrics(warmupEnd: f64, apdex: f64): void {
  warmup = warmupEnd;
  apdexT = apdex;
}

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

/** The k-th smallest (0-based) of the second's values: quickselect (the k-th is one value, whatever the method). */
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

/** The second's nearest-rank P95. */
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

/** Close every whole second before `now` (ms). */
@inline function advance(now: f64): void {
  while (now >= secondEnds) closeSecond();
}

/** Close the remaining seconds up to `end` (ms). */
export function finishMetrics(end: f64): void {
  while (<f64>second * 1000 < end) closeSecond();
}

export function arrival(now: f64): void {
  advance(now);
  secOffered += 1;
  if (now >= warmup) offered += 1;
}

export function success(now: f64, began: f64): void {
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

export function failure(now: f64, began: f64, reason: i32): void {
  advance(now);
  secFailed += 1;
  if (began < warmup) return;
  failed += 1;
  if (reason == TIMED_OUT) timedOut += 1;
  else if (reason == REJECTED) rejected += 1;
  else if (reason == SHORT_CIRCUITED) shortCircuited += 1;
}

export function retried(began: f64): void {
  if (began >= warmup) retries += 1;
}

// Faults in force (src/engine/sim/model.ts applyFault): they compose while they overlap. Slow factors
// multiply and error rates combine as 1 − Π(1 − rate), in the order the faults started (the JavaScript
// model's Set keeps that order, and a product's last bit depends on it).

import { f64s, getF, getI, i32s, setF, setI, zeroed } from './memory';
import { n } from './servers';

export const CRASH = 0;
const SLOW = 1;
export const ALL_SERVERS = -1;
const DEPENDENCY = -2;

export let count: i32 = 0;
export let faultAt: usize = 0;
export let faultDuration: usize = 0;
export let faultKind: usize = 0;
export let faultTarget: usize = 0;
export let faultValue: usize = 0;
let activeFaults: usize = 0;
let activeCount: i32 = 0;

/** Per server: crash count (work that arrived before the last crash is lost), crashes covering it now. */
export let epoch: usize = 0;
export let crashDepth: usize = 0;
export let slow: usize = 0;
export let errorRate: usize = 0;
export let depSlow: f64 = 1;
export let depError: f64 = 0;

export function setupFaults(faults: i32): void {
  count = faults;
  faultAt = f64s(faults);
  faultDuration = f64s(faults);
  faultKind = i32s(faults);
  faultTarget = i32s(faults);
  faultValue = f64s(faults);
  activeFaults = i32s(faults);
  epoch = zeroed(i32s(n), <usize>n << 2);
  crashDepth = zeroed(i32s(n), <usize>n << 2);
  slow = f64s(n);
  for (let s = 0; s < n; s++) setF(slow, s, 1);
  errorRate = zeroed(f64s(n), <usize>n << 3);
}

/** Fault `index` starts or ends: the list in force changes, and slow factors and error rates with it. */
export function markFault(index: i32, starting: bool): void {
  if (starting) setI(activeFaults, activeCount++, index);
  else {
    let k = 0;
    while (k < activeCount && getI(activeFaults, k) != index) k++;
    if (k < activeCount) {
      for (let j = k; j + 1 < activeCount; j++) setI(activeFaults, j, getI(activeFaults, j + 1));
      activeCount -= 1;
    }
  }
  if (getI(faultKind, index) != CRASH) recompute();
}

function recompute(): void {
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

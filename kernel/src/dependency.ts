// The dependency behind the servers (a database, Kafka) with its own workers and queue, and the cache
// in front of it (src/engine/sim/model.ts).

import { getI, i32s, setI } from './memory';

// The dependency behind the servers, and the cache in front of it.
export let hasDependency: bool = false;
export let depWorkers: i32 = 0;
export let depQueueCap: i32 = 0;
/** The distribution of its service times (after the server groups'). */
export let depGroup: i32 = 0;
export let depBusy: i32 = 0;
let depQueue: usize = 0;
export let depQueueCapacity: i32 = 0;
let depQueueHead: i32 = 0;
export let depQueueLength: i32 = 0;
export let hasCache: bool = false;
export let hitRatio: f64 = 0;
export let cacheLatency: f64 = 0;

export function configureDependency(workersCount: i32, queueLimit: i32, group: i32, ratio: f64, latencyMs: f64): void {
  hasDependency = workersCount > 0;
  depWorkers = workersCount;
  depQueueCap = queueLimit;
  depGroup = group;
  hasCache = ratio >= 0;
  hitRatio = ratio;
  cacheLatency = latencyMs;
  depQueueCapacity = 16;
  depQueue = i32s(depQueueCapacity);
}

export function depPush(a: i32): void {
  if (depQueueLength == depQueueCapacity) {
    const grown = i32s(depQueueCapacity * 2);
    for (let k = 0; k < depQueueLength; k++) setI(grown, k, getI(depQueue, (depQueueHead + k) & (depQueueCapacity - 1)));
    depQueue = grown;
    depQueueCapacity *= 2;
    depQueueHead = 0;
  }
  setI(depQueue, (depQueueHead + depQueueLength) & (depQueueCapacity - 1), a);
  depQueueLength += 1;
}

export function depShift(): i32 {
  if (depQueueLength == 0) return -1;
  const a = getI(depQueue, depQueueHead);
  depQueueHead = (depQueueHead + 1) & (depQueueCapacity - 1);
  depQueueLength -= 1;
  return a;
}


export function occupy(delta: i32): void {
  depBusy += delta;
}

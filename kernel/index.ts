// The simulator's loops in AssemblyScript, compiled to WebAssembly by `npm run build:kernel` into
// src/engine/sim/plain-kernel-wasm.ts (loaded by src/engine/sim/kernel.ts): the plain model's lean loop
// (src/engine/sim/plain.ts) and the full model (src/engine/sim/model.ts).
//
// Each makes the same draws, in the same order, with the same arithmetic as the JavaScript model, so a
// run's result is the same to the byte (test/engine/sim/kernel.test.ts and plain.test.ts check it over
// random scenarios). Why WebAssembly: a JavaScript loop runs its first tens of milliseconds interpreted
// while V8 compiles it, and its optimised code still checks types; this code is compiled before it runs
// (bench/sim.mjs measures it).
//
// The loader calls setup() (and setupFull() for the full model), fills the arrays it allocated (their
// addresses come from the `*At` functions), configures, then calls run() or runFull() until it returns
// 1, and reads the figures from memory.

import * as agenda from './src/agenda';
import * as breaker from './src/breaker';
import * as faults from './src/faults';
import { beginFull, fullSlice } from './src/full';
import * as full from './src/full';
import * as metrics from './src/metrics';
import { beginPlain, plainSlice } from './src/plain';
import * as plain from './src/plain';
import * as random from './src/random';
import * as servers from './src/servers';
import { setupSlots } from './src/slots';
import * as state from './src/state';

export { configureBreaker } from './src/breaker';
export { configureDependency } from './src/dependency';
export { configurePolicies } from './src/full';

/**
 * Allocate for `serverCount` servers, `distributions` service-time distributions (the groups', then the
 * dependency's), `steps` rate steps, `rows` seconds and a consistent-hash ring of `points` points.
 */
export function setup(serverCount: i32, distributions: i32, steps: i32, rows: i32, points: i32): void {
  servers.setupServers(serverCount, points);
  random.setupRandom(distributions);
  plain.setupPlain();
  metrics.setupMetrics(rows);
  state.setupState(steps);
}


let started: bool = false;

/** The full model's arrays: `faultCount` faults. */
export function setupFull(faultCount: i32): void {
  faults.setupFaults(faultCount);
  setupSlots();
}

export function configure(
  balancer: i32,
  poisson: bool,
  clients: f64,
  end: f64,
  warmup: f64,
  apdex: f64,
  rate: f64,
): void {
  state.setClients(clients);
  agenda.setupAgenda(end, rate, poisson);
  metrics.configureMetrics(warmup, apdex);
  servers.setBalancer(balancer);
}

export function seedRng(a: u32, b: u32, c: u32, d: u32): void {
  random.seed(a, b, c, d);
}

/** Run up to `budget` events of the plain loop; 1 when the run is over (every second closed), else 0. */
export function run(budget: i32): i32 {
  if (!started) {
    started = true;
    beginPlain();
  }
  if (!plainSlice(budget)) return 0;
  metrics.finishMetrics(agenda.end);
  return 1;
}

/** As run(), for the full model. */
export function runFull(budget: i32): i32 {
  if (!started) {
    started = true;
    beginFull();
  }
  if (!fullSlice(budget)) return 0;
  metrics.finishMetrics(agenda.end);
  return 1;
}

// Where the loader writes and reads.
export function groupOfAt(): usize {
  return servers.groupOf;
}
export function workersAt(): usize {
  return servers.workers;
}
export function queueCapAt(): usize {
  return servers.queueCap;
}
export function weightAt(): usize {
  return servers.weight;
}
export function ringAt(): usize {
  return servers.ring;
}
export function ringOwnerAt(): usize {
  return servers.ringOwner;
}
export function servedAt(): usize {
  return servers.served;
}
export function busyAt(): usize {
  return servers.busy;
}
export function maxQueueAt(): usize {
  return servers.maxQueue;
}
export function busyAreaAt(): usize {
  return servers.busyArea;
}
export function lastChangeAt(): usize {
  return servers.lastChange;
}
export function distKindAt(): usize {
  return random.distKind;
}
export function distAAt(): usize {
  return random.distA;
}
export function distBAt(): usize {
  return random.distB;
}
export function keAt(): usize {
  return random.ke;
}
export function weAt(): usize {
  return random.we;
}
export function feAt(): usize {
  return random.fe;
}
export function stepAtAt(): usize {
  return state.stepAt;
}
export function stepRateAt(): usize {
  return state.stepRate;
}
export function latencyAt(): usize {
  return metrics.latency;
}
export function rowOfferedAt(): usize {
  return metrics.rowOffered;
}
export function rowGoodAt(): usize {
  return metrics.rowGood;
}
export function rowFailedAt(): usize {
  return metrics.rowFailed;
}
export function rowP95At(): usize {
  return metrics.rowP95;
}
export function faultAtAt(): usize {
  return faults.faultAt;
}
export function faultDurationAt(): usize {
  return faults.faultDuration;
}
export function faultKindAt(): usize {
  return faults.faultKind;
}
export function faultTargetAt(): usize {
  return faults.faultTarget;
}
export function faultValueAt(): usize {
  return faults.faultValue;
}
export function transitionAtAt(): usize {
  return breaker.transitionAt;
}
export function transitionFromAt(): usize {
  return breaker.transitionFrom;
}
export function transitionToAt(): usize {
  return breaker.transitionTo;
}
export function transitionCount(): i32 {
  return breaker.transitions;
}
export function rowCount(): i32 {
  return metrics.second;
}

/** The counts at the end, by index (the loader's COUNTERS). */
export function counter(i: i32): f64 {
  switch (i) {
    case 0:
      return metrics.offered;
    case 1:
      return metrics.succeeded;
    case 2:
      return metrics.failed;
    case 3:
      return metrics.rejected;
    case 4:
      return metrics.satisfied;
    case 5:
      return metrics.tolerating;
    case 6:
      return metrics.latencyTotal;
    case 7:
      return metrics.latencySum;
    case 8:
      return metrics.latencyMax;
    case 9:
      return state.events;
    case 10:
      return <f64>max(plain.maxInFlight, full.maxInFlight);
    case 11:
      return state.attempts;
    case 12:
      return metrics.timedOut;
    case 13:
      return metrics.shortCircuited;
    case 14:
      return metrics.retries;
  }
  return 0;
}

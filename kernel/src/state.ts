// What both loops share beyond the agenda, metrics and servers: the scenario's clients and rate steps,
// and the run's counts.

import { f64s } from './memory';

/** Distinct clients (IP hash draws one per request). */
export let clients: f64 = 1;
export let nSteps: i32 = 0;
export let stepAt: usize = 0;
export let stepRate: usize = 0;
/** Events handled, attempts started. */
export let events: f64 = 0;
export let attempts: f64 = 0;

export function setupState(steps: i32): void {
  nSteps = steps;
  stepAt = f64s(steps);
  stepRate = f64s(steps);
}

export function setClients(count: f64): void {
  clients = count;
}

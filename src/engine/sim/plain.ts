import type { RunOutput } from './model.js';
import { runInKernel } from './kernel.js';
import type { Scenario } from './scenario.js';

/**
 * Whether a scenario is only arrivals, a balancer and servers: no dependency, cache, policy or
 * fault. Such a run needs none of the attempt bookkeeping, so {@link runPlain} can take it.
 */
export function isPlain(sc: Scenario): boolean {
  const p = sc.policies;
  return (
    sc.dependency === undefined &&
    sc.cache === undefined &&
    sc.faults.length === 0 &&
    p.timeout === undefined &&
    p.retry === undefined &&
    p.circuitBreaker === undefined &&
    p.bulkhead === undefined
  );
}

/**
 * The full model's run of a plain scenario, by a leaner loop (kernel/plain-kernel.ts `run`): a request is
 * its one attempt, and nothing can fail but a full queue. It makes the same draws and schedules the same
 * events in the same order as the full model, so its result is identical (tested).
 */
export function runPlain(sc: Scenario, seed: number): RunOutput {
  return runInKernel(sc, seed, false);
}

import type { AvailabilityScenario, Scenario } from './scenario.js';

/** The most events a run may take (about 20 s of simulation on a slow machine). */
export const EVENT_BUDGET = 200_000_000;

/** The most servers a scenario may have in all (each has its own columns, queue and timeline of use). */
export const MAX_SERVERS = 10_000;

/** The longest simulated time (one day): the result has a timeline row per simulated second. */
export const MAX_SIMULATED_MS = 86_400_000;

/** The most failures and repairs an availability run may draw (all trials, all instances). */
export const AVAILABILITY_BUDGET = 50_000_000;

/**
 * An upper estimate of an availability run's failures and repairs: each instance fails and is repaired
 * about horizon / (MTBF + MTTR) times per trial, plus one draw that ends past the horizon.
 */
export function estimateAvailabilityChanges(sc: AvailabilityScenario): number {
  const perTrial = sc.components.reduce(
    (n, c) => n + c.count * (2 * (sc.horizonHours / (c.mtbfHours + c.mttrHours)) + 1),
    0,
  );
  return sc.trials * perTrial;
}

/**
 * An upper estimate of a run's events, made before running it: arrivals over the duration (with rate
 * steps), times the attempts each may make, times the events an attempt can cause (start, service,
 * dependency or cache, timeout, retry).
 */
export function estimateEvents(sc: Scenario): number {
  const points = [{ at: 0, rate: sc.traffic.rate }, ...sc.traffic.steps].sort((a, b) => a.at - b.at);
  let arrivals = 0;
  points.forEach((p, i) => {
    const until = Math.min(sc.duration, points[i + 1]?.at ?? sc.duration);
    if (until > p.at) arrivals += (p.rate * (until - p.at)) / 1000;
  });
  const attempts = sc.policies.retry?.attempts ?? 1;
  const perAttempt = 2 + (sc.dependency ? 1 : 0) + (sc.policies.timeout !== undefined ? 1 : 0) + (attempts > 1 ? 1 : 0);
  return Math.ceil(arrivals * attempts * perAttempt);
}

import type { PhaseName } from './types.js';

/** One phase of the mock as the clock and the report know it. */
export interface PhaseDef {
  name: PhaseName;
  title: string;
  /** Minutes in the default 45-minute interview; budgets for other lengths scale from these. */
  minutes: number;
}

/**
 * The phases of a 45-minute design round (requirements, numbers, interface, design, deep dive,
 * follow-up), after the public pacing guides in NOTES.md: most time goes to the design and its deep dive.
 */
export const PHASES: readonly PhaseDef[] = [
  { name: 'requirements', title: 'Requirements and scope', minutes: 5 },
  { name: 'estimate', title: 'Capacity estimate', minutes: 5 },
  { name: 'api-data-model', title: 'API and data model', minutes: 5 },
  { name: 'high-level-design', title: 'High-level design', minutes: 10 },
  { name: 'deep-dive', title: 'Deep dive', minutes: 15 },
  { name: 'follow-up', title: 'Failure and scaling follow-up', minutes: 5 },
];

export const DEFAULT_MINUTES = PHASES.reduce((sum, p) => sum + p.minutes, 0);
/** The shortest and longest mock the command accepts. */
export const MIN_MINUTES = 2;
export const MAX_MINUTES = 180;

/**
 * Seconds per phase for a mock of `minutes`, in proportion to the default split and summing to
 * exactly minutes × 60: each phase gets the whole seconds of its share, and the seconds left over
 * go one each to the phases with the largest fractions (the earlier phase on a tie).
 */
export function phaseBudgets(minutes: number): number[] {
  const total = minutes * 60;
  const exact = PHASES.map((p) => (total * p.minutes) / DEFAULT_MINUTES);
  const budgets = exact.map(Math.floor);
  let left = total - budgets.reduce((a, b) => a + b, 0);
  const byFraction = exact
    .map((x, i) => ({ i, fraction: x - Math.floor(x) }))
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of byFraction) {
    if (left <= 0) break;
    budgets[i] += 1;
    left -= 1;
  }
  return budgets;
}

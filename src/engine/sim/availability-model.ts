import { kOfN } from '../capacity/availability.js';
import { round } from './metrics.js';
import { Rng } from './rng.js';
import type { AvailabilityScenario } from './scenario.js';

type Interval = [number, number];
const HOURS_PER_YEAR = 8760;

export interface AvailabilityResult {
  scenario: string;
  kind: 'availability';
  seed: number;
  trials: number;
  horizonHours: number;
  availability: { mean: number; p5: number; p50: number; p95: number };
  downtimeMinutesPerYear: { mean: number; p5: number; p95: number };
  analytic: { availability: number; downtimeMinutesPerYear: number };
  target?: number;
  meetsTarget?: boolean;
  components: Array<{ name: string; simulated: number; analytic: number }>;
  wallMs: number;
}

/**
 * Monte Carlo of failures and repairs: every instance alternates up (exponential, mean MTBF) and down
 * (exponential, mean MTTR). An active-active group is down while fewer than `needed` instances are up;
 * an active-passive group is down while no instance is up and for `failoverSeconds` after the active one
 * fails. Groups are in series: the system is down when any group is.
 */
export function runAvailability(sc: AvailabilityScenario, seed: number): Omit<AvailabilityResult, 'wallMs'> {
  const rng = new Rng(seed);
  const horizon = sc.horizonHours;
  const perTrial: number[] = [];
  const perComponent = sc.components.map(() => 0);
  for (let trial = 0; trial < sc.trials; trial += 1) {
    const all: Interval[] = [];
    sc.components.forEach((c, ci) => {
      const down = groupDowntime(c, horizon, rng);
      perComponent[ci] += 1 - length(merge(down)) / horizon;
      all.push(...down);
    });
    perTrial.push(1 - length(merge(all)) / horizon);
  }
  const analyticParts = sc.components.map(analyticGroup);
  const analytic = analyticParts.reduce((a, b) => a * b, 1);
  const sorted = [...perTrial].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const mean = perTrial.reduce((a, b) => a + b, 0) / perTrial.length;
  const minutes = (a: number) => round((1 - a) * HOURS_PER_YEAR * 60, 2);
  return {
    scenario: sc.name,
    kind: 'availability',
    seed,
    trials: sc.trials,
    horizonHours: horizon,
    availability: { mean: round(mean, 7), p5: round(q(0.05), 7), p50: round(q(0.5), 7), p95: round(q(0.95), 7) },
    downtimeMinutesPerYear: { mean: minutes(mean), p5: minutes(q(0.95)), p95: minutes(q(0.05)) },
    analytic: { availability: round(analytic, 7), downtimeMinutesPerYear: minutes(analytic) },
    target: sc.target,
    meetsTarget: sc.target === undefined ? undefined : mean >= sc.target,
    components: sc.components.map((c, i) => ({
      name: c.name,
      simulated: round(perComponent[i] / sc.trials, 7),
      analytic: round(analyticParts[i], 7),
    })),
  };
}

/**
 * Steady-state availability of a group: k-of-n for active-active. Active-passive is down while every
 * instance is down, (1 − A)^n, and for the failover time F after each failure of the active instance
 * while a standby is up: the active fails at rate A / MTBF, a standby is up with probability
 * 1 − (1 − A)^(n−1), so U = (1 − A)^n + A·(1 − (1 − A)^(n−1))·F / MTBF; for two, (1 − A)² + A²·F / MTBF.
 */
export function analyticGroup(c: AvailabilityScenario['components'][number]): number {
  const a = c.mtbfHours / (c.mtbfHours + c.mttrHours);
  if (c.mode === 'active-active') return kOfN(c.needed, c.count, a);
  const allDown = (1 - a) ** c.count;
  const standbyUp = 1 - (1 - a) ** (c.count - 1);
  return 1 - allDown - a * standbyUp * (c.failoverSeconds / 3600 / c.mtbfHours);
}

function groupDowntime(c: AvailabilityScenario['components'][number], horizon: number, rng: Rng): Interval[] {
  // Each instance's timeline of state changes.
  const changes: Array<[number, number, boolean]> = []; // [time, instance, nowUp]
  for (let i = 0; i < c.count; i += 1) {
    let t = 0;
    let upNow = true;
    while (t < horizon) {
      t += -(upNow ? c.mtbfHours : c.mttrHours) * Math.log(rng.nextOpen());
      if (t >= horizon) break;
      upNow = !upNow;
      changes.push([t, i, upNow]);
    }
  }
  changes.sort((x, y) => x[0] - y[0]);
  const up = new Array(c.count).fill(true);
  let upCount = c.count;
  const down: Interval[] = [];
  let downSince = -1;
  let active = 0;
  const failover = c.failoverSeconds / 3600;
  for (const [t, i, nowUp] of changes) {
    up[i] = nowUp;
    upCount += nowUp ? 1 : -1;
    if (c.mode === 'active-active') {
      if (upCount < c.needed && downSince < 0) downSince = t;
      else if (upCount >= c.needed && downSince >= 0) {
        down.push([downSince, t]);
        downSince = -1;
      }
      continue;
    }
    if (!nowUp && i === active) {
      const standby = up.findIndex((u) => u);
      if (standby >= 0) {
        active = standby;
        if (failover > 0) down.push([t, Math.min(horizon, t + failover)]);
      } else downSince = t;
    } else if (nowUp && downSince >= 0) {
      active = i;
      down.push([downSince, t]);
      downSince = -1;
    }
  }
  if (downSince >= 0) down.push([downSince, horizon]);
  return down;
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function length(intervals: Interval[]): number {
  return intervals.reduce((n, [a, b]) => n + (b - a), 0);
}

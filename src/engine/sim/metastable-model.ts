import type { MetastableScenario } from './metastable-scenario.js';
import { round } from './metrics.js';
import { runScenario } from './model.js';
import { toResult } from './result.js';

/** Goodput and errors over a stretch of the run. */
export interface Phase {
  goodputRps: number;
  errorRate: number;
  /** Median of the seconds' P95 (ms): a typical second, not the worst. */
  p95Ms: number;
}

export interface MetastableResult {
  scenario: string;
  kind: 'metastable';
  seed: number;
  simulatedSeconds: number;
  trigger: { from: number; to: number };
  healthyErrorRate: number;
  variants: Array<{
    name: string;
    /** Before the trigger, during it, and the last quarter of the run. */
    before: Phase;
    during: Phase;
    end: Phase;
    /** Seconds after the trigger ended from which every second is healthy; null when it never recovers. */
    recoveredAfter: number | null;
    retries: number;
    timeline: Array<{ t: number; goodputRps: number; errorRate: number; p95Ms: number }>;
  }>;
  wallMs: number;
}

/**
 * Each variant runs through the request model with the same seed, so they differ only in what the
 * variant sets. A variant has recovered once every second from some point after the trigger on has an
 * error rate at most `healthyErrorRate`; one that never gets there stays in its overloaded state after
 * the trigger is gone: a metastable failure.
 */
export function runMetastable(sc: MetastableScenario, seed: number): Omit<MetastableResult, 'wallMs'> {
  const first = sc.variants[0].scenario;
  const from = sc.trigger.from / 1000;
  const to = sc.trigger.to / 1000;
  const end = first.duration / 1000;
  return {
    scenario: sc.name,
    kind: 'metastable',
    seed,
    simulatedSeconds: end,
    trigger: { from, to },
    healthyErrorRate: sc.healthyErrorRate,
    variants: sc.variants.map((v) => {
      const r = toResult(v.name, seed, v.scenario.duration, v.scenario.warmup, runScenario(v.scenario, seed), 0);
      const rows = r.timeline.map((row) => ({
        t: row.t,
        goodputRps: row.goodputRps,
        errorRate: row.errorRate,
        p95Ms: row.p95Ms,
      }));
      const phase = (a: number, b: number): Phase => {
        // Row t covers the second [t, t + 1).
        const inside = rows.filter((row) => row.t >= a && row.t < b);
        const mean = (f: (row: (typeof rows)[number]) => number) =>
          inside.length === 0 ? 0 : inside.reduce((n, row) => n + f(row), 0) / inside.length;
        const p95s = inside.map((row) => row.p95Ms).sort((x, y) => x - y);
        return {
          goodputRps: round(
            mean((row) => row.goodputRps),
            1,
          ),
          errorRate: round(
            mean((row) => row.errorRate),
            4,
          ),
          p95Ms: round(p95s[Math.floor(p95s.length / 2)] ?? 0, 1),
        };
      };
      let healthyFrom: number | null = null;
      for (const row of rows) {
        if (row.t < to) continue;
        if (row.errorRate > sc.healthyErrorRate) healthyFrom = null;
        else healthyFrom ??= row.t;
      }
      return {
        name: v.name,
        before: phase(v.scenario.warmup / 1000, from),
        during: phase(from, to),
        end: phase(end - (end - to) / 4, end),
        recoveredAfter: healthyFrom === null ? null : healthyFrom - to,
        retries: r.requests.retries,
        timeline: rows,
      };
    }),
  };
}

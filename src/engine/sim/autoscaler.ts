import * as z from 'zod/mini';
import { int, num, obj, time, type Fail } from './fields.js';

/** A target-tracking autoscaler (Kubernetes HPA, AWS target tracking); times in ms. */
export interface AutoscaleOptions {
  /** Utilisation (0–1) to hold the instances at. */
  target: number;
  /** The metric is the mean utilisation over this window. @default 60000 */
  window: number;
  /** How often the autoscaler decides. @default 15000 (the HPA's sync period) */
  interval: number;
  /** From the decision to a new instance taking traffic (boot, warm-up, health checks). @default 60000 */
  startup: number;
  /** No scale-in until this long after the last scaling decision. @default 300000 (the HPA's stabilisation window) */
  cooldown: number;
  /** Ratios of metric to target within 1 ± tolerance change nothing. @default 0.1 */
  tolerance: number;
  min: number;
  max: number;
}

/**
 * The HPA's rule: desired = ceil(ready × utilisation / target), unchanged while the ratio of the metric to
 * the target is within the tolerance, clamped to [min, max]. `current` counts instances already starting:
 * like the HPA, they count as idle (not yet reporting), so one overload is not answered twice.
 */
export function desiredInstances(current: number, ready: number, utilization: number, o: AutoscaleOptions): number {
  const busy = ready * utilization;
  const ratio = busy / (current * o.target);
  if (Math.abs(ratio - 1) <= o.tolerance) return current;
  return Math.min(o.max, Math.max(o.min, Math.ceil(busy / o.target - 1e-9)));
}

/** The `autoscale` mapping of a gateway scenario. */
export const autoscaleFields = z.lazy(() =>
  obj({
    target: num('Utilisation to hold.', { min: 0, exclusiveMin: true, max: 1 }),
    window: z.optional(time('Metric window. Default 60 s.', true)),
    interval: z.optional(time('Decision interval. Default 15 s.', true)),
    startup: z.optional(time('Decision to taking traffic. Default 60 s.')),
    cooldown: z.optional(time('No scale-in for this long after a decision. Default 5 min.')),
    tolerance: z._default(
      num('Ratios of the metric to the target within 1 ± this change nothing.', { min: 0, max: 1 }),
      0.1,
    ),
    min: z._default(int('Fewest instances.', 1, 10_000), 1),
    max: int('Most instances.', 1, 10_000),
  }),
);

/** The autoscaler read by {@link autoscaleFields}, for a scenario whose instances start at `instances`. */
export function toAutoscale(a: z.output<typeof autoscaleFields>, fail: Fail, instances: number): AutoscaleOptions {
  if (a.max < a.min) fail('autoscale.max', `must be at least min (${a.min})`);
  if (instances < a.min || instances > a.max)
    fail('instances', `must be between autoscale.min (${a.min}) and autoscale.max (${a.max})`);
  return {
    target: a.target,
    window: a.window ?? 60_000,
    interval: a.interval ?? 15_000,
    startup: a.startup ?? 60_000,
    cooldown: a.cooldown ?? 300_000,
    tolerance: a.tolerance,
    min: a.min,
    max: a.max,
  };
}

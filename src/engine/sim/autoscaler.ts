import type { FieldReader, Obj } from './field-reader.js';

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

/** Read `autoscale` for a scenario whose instances start at `instances`. */
export function readAutoscale(raw: Obj, r: FieldReader, instances: number): AutoscaleOptions {
  r.known(raw, 'autoscale', ['target', 'window', 'interval', 'startup', 'cooldown', 'tolerance', 'min', 'max']);
  const min = r.num(raw, 'min', 'autoscale.min', { min: 1, max: 10_000, integer: true }) ?? 1;
  const max = r.num(raw, 'max', 'autoscale.max', { min: 1, max: 10_000, integer: true, required: true }) ?? 1;
  if (max < min) r.fail('autoscale.max', `must be at least min (${min})`);
  if (instances < min || instances > max)
    r.fail('instances', `must be between autoscale.min (${min}) and autoscale.max (${max})`);
  return {
    target: r.num(raw, 'target', 'autoscale.target', { min: 0, max: 1, exclusiveMin: true, required: true }) ?? 0.6,
    window: r.time(raw, 'window', 'autoscale.window', false, true) ?? 60_000,
    interval: r.time(raw, 'interval', 'autoscale.interval', false, true) ?? 15_000,
    startup: r.time(raw, 'startup', 'autoscale.startup', false) ?? 60_000,
    cooldown: r.time(raw, 'cooldown', 'autoscale.cooldown', false) ?? 300_000,
    tolerance: r.num(raw, 'tolerance', 'autoscale.tolerance', { min: 0, max: 1 }) ?? 0.1,
    min,
    max,
  };
}

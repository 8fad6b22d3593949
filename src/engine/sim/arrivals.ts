import { standardExponential } from './exponential.js';
import * as z from 'zod/mini';
import { num, obj, oneOf, steps, time, type Fail } from './fields.js';
import type { Rng } from './rng.js';

/** An open-loop arrival stream: a rate (per second) that changes at `steps`, Poisson or evenly spaced. */
export interface ArrivalSpec {
  rate: number;
  arrival: 'poisson' | 'constant';
  /** Rate changes, each from `at` (ms) on. @default [] */
  steps: Array<{ at: number; rate: number }>;
  /** On/off bursts: the rate is multiplied by `factor` during "on" periods; both lengths exponential with these means (ms). */
  bursts?: { on: number; off: number; factor: number };
  /** A daily cycle: the rate is multiplied by a cosine from 1 at `peakAt` to `trough` half a `period` away (ms). */
  diurnal?: { period: number; peakAt: number; trough: number };
}

/**
 * Arrival times, one after another. A Poisson stream is memoryless, so at a rate change (a step, or a burst
 * switching on or off) the next gap is drawn afresh from the boundary at the new rate; a constant stream
 * restarts its spacing there too. The diurnal cycle is a non-homogeneous Poisson process drawn by thinning
 * (Lewis and Shedler): candidates at the cycle's peak rate, each kept with probability rate(t) / peak.
 */
export class Arrivals {
  private readonly steps: Array<{ at: number; rate: number }>;
  private burstOn = false;
  private burstSwitch = Infinity;

  constructor(
    private readonly spec: ArrivalSpec,
    private readonly rng: Rng,
  ) {
    this.steps = [...spec.steps].sort((a, b) => a.at - b.at);
    if (spec.bursts) this.burstSwitch = spec.bursts.off * standardExponential(rng);
  }

  /** The step rate (per second) in force at `t` (ms), before bursts and the daily cycle. */
  rateAt(t: number): number {
    let rate = this.spec.rate;
    for (const s of this.steps) if (s.at <= t) rate = s.rate;
    return rate;
  }

  /** The next arrival after `now` (ms), or Infinity when the rate stays 0 for good. */
  next(now: number): number {
    let t = now;
    for (;;) {
      const b = this.spec.bursts;
      while (b && this.burstSwitch <= t) {
        this.burstOn = !this.burstOn;
        this.burstSwitch += (this.burstOn ? b.on : b.off) * standardExponential(this.rng);
      }
      const rate = this.rateAt(t) * (this.burstOn && b ? b.factor : 1);
      const stepBoundary = this.steps.find((s) => s.at > t)?.at ?? Infinity;
      const boundary = Math.min(stepBoundary, this.burstSwitch);
      if (rate > 0) {
        const gap = this.spec.arrival === 'poisson' ? (1000 / rate) * standardExponential(this.rng) : 1000 / rate;
        if (t + gap < boundary) {
          if (!this.spec.diurnal || this.rng.next() < diurnalFactor(this.spec.diurnal, t + gap)) return t + gap;
          t += gap;
          continue;
        }
      }
      if (boundary === Infinity) return Infinity;
      t = boundary;
    }
  }
}

/** The daily cycle's multiplier at `t` (ms): 1 at the peak, `trough` half a period away. */
export function diurnalFactor(d: NonNullable<ArrivalSpec['diurnal']>, t: number): number {
  return d.trough + ((1 - d.trough) * (1 + Math.cos((2 * Math.PI * (t - d.peakAt)) / d.period))) / 2;
}

/** The fields of an arrival stream (a traffic or producer mapping); `extra` adds a kind's own fields. */
export function arrivals<E extends z.core.$ZodShape>(description: string, extra: E = {} as E) {
  return obj(
    {
      rate: num('Per second.', { min: 0 }),
      arrival: z._default(oneOf(['poisson', 'constant']), 'poisson'),
      steps: z.optional(steps()),
      bursts: z.optional(
        obj(
          {
            on: time('Mean length of an on period.', true),
            off: time('Mean length of an off period.', true),
            factor: num('Rate multiplier while on.', { min: 0 }),
          },
          'On/off bursts (Poisson only).',
        ),
      ),
      diurnal: z.optional(
        obj(
          {
            period: z.optional(time('Length of the cycle. Default 24 h.', true)),
            peakAt: time('When the rate peaks.'),
            trough: num('Multiplier half a period from the peak.', { min: 0, max: 1 }),
          },
          'A daily cosine cycle (Poisson only).',
        ),
      ),
      ...extra,
    },
    description,
  );
}

/** An arrival stream read by {@link arrivals} at `at`, defaults applied; bursts and cycles need Poisson. */
export function toArrivals(a: z.output<ReturnType<typeof arrivals>>, at: string, fail: Fail): ArrivalSpec {
  const spec: ArrivalSpec = { rate: a.rate, arrival: a.arrival, steps: a.steps ?? [] };
  if (a.bursts) spec.bursts = a.bursts;
  if (a.diurnal)
    spec.diurnal = { period: a.diurnal.period ?? 86_400_000, peakAt: a.diurnal.peakAt, trough: a.diurnal.trough };
  if ((spec.bursts || spec.diurnal) && spec.arrival !== 'poisson')
    fail(`${at}.arrival`, 'bursts and diurnal modulate a Poisson stream: use arrival: poisson');
  return spec;
}

/** The highest rate the stream can reach (per second), for the size limits. */
export function peakRate(spec: ArrivalSpec): number {
  return Math.max(spec.rate, ...spec.steps.map((s) => s.rate)) * (spec.bursts ? Math.max(1, spec.bursts.factor) : 1);
}

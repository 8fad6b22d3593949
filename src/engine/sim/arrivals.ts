import { standardExponential } from './exponential.js';
import type { Rng } from './rng.js';

/** An open-loop arrival stream: a rate (per second) that changes at `steps`, Poisson or evenly spaced. */
export interface ArrivalSpec {
  rate: number;
  arrival: 'poisson' | 'constant';
  /** Rate changes, each from `at` (ms) on. @default [] */
  steps: Array<{ at: number; rate: number }>;
}

/**
 * Arrival times, one after another. A Poisson stream is memoryless, so at a rate change the next gap is
 * drawn afresh from the boundary at the new rate; a constant stream restarts its spacing there too.
 */
export class Arrivals {
  private readonly steps: Array<{ at: number; rate: number }>;

  constructor(private readonly spec: ArrivalSpec, private readonly rng: Rng) {
    this.steps = [...spec.steps].sort((a, b) => a.at - b.at);
  }

  /** The rate (per second) in force at `t` (ms). */
  rateAt(t: number): number {
    let rate = this.spec.rate;
    for (const s of this.steps) if (s.at <= t) rate = s.rate;
    return rate;
  }

  /** The next arrival after `now` (ms), or Infinity when the rate stays 0 for good. */
  next(now: number): number {
    let t = now;
    for (;;) {
      const rate = this.rateAt(t);
      const boundary = this.steps.find((s) => s.at > t)?.at ?? Infinity;
      if (rate > 0) {
        const gap = this.spec.arrival === 'poisson' ? (1000 / rate) * standardExponential(this.rng) : 1000 / rate;
        if (t + gap < boundary) return t + gap;
      }
      if (boundary === Infinity) return Infinity;
      t = boundary;
    }
  }
}

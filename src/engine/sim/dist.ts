import { standardExponential } from './exponential.js';
import type { Rng } from './rng.js';

/** A service-time distribution, in milliseconds. */
export type DistSpec =
  /** Exponential with the given mean. */
  | { dist: 'exponential'; mean: number }
  /** Always the mean. */
  | { dist: 'constant'; mean: number }
  /** Lognormal with the given mean and 99th percentile (p99 > mean). */
  | { dist: 'lognormal'; mean: number; p99: number };

/** z such that Φ(z) = 0.99. */
const Z99 = 2.3263478740408408;

/**
 * Lognormal parameters from a mean and a p99: mean = e^(μ+σ²/2) and p99 = e^(μ+zσ), so
 * σ²/2 − zσ + ln(p99/mean) = 0, taking the smaller root; undefined when no lognormal fits.
 */
export function lognormalParams(mean: number, p99: number): { mu: number; sigma: number } | undefined {
  const k = Math.log(p99 / mean);
  const disc = Z99 * Z99 - 2 * k;
  if (!(k > 0) || disc < 0) return undefined;
  const sigma = Z99 - Math.sqrt(disc);
  return { mu: Math.log(mean) - (sigma * sigma) / 2, sigma };
}

/** The lognormal for a mean and a p99; an error when none fits (validation refuses such a file first). */
export function fittedLognormal(mean: number, p99: number): { mu: number; sigma: number } {
  const p = lognormalParams(mean, p99);
  if (!p) throw new Error('lognormal: p99 must exceed the mean and fit a lognormal');
  return p;
}

/** A sampler for a distribution. */
export function sampler(spec: DistSpec, rng: Rng): () => number {
  switch (spec.dist) {
    case 'exponential': {
      const mean = spec.mean;
      return () => mean * standardExponential(rng);
    }
    case 'constant': {
      const mean = spec.mean;
      return () => mean;
    }
    case 'lognormal': {
      const { mu, sigma } = fittedLognormal(spec.mean, spec.p99);
      return () => {
        // Box–Muller: one normal per call is enough here.
        const z = Math.sqrt(-2 * Math.log(rng.nextOpen())) * Math.cos(2 * Math.PI * rng.next());
        return Math.exp(mu + sigma * z);
      };
    }
  }
}

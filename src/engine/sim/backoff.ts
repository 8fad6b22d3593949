import type { Rng } from './rng.js';

/** Jitter variants of the AWS Architecture Blog's "Exponential Backoff and Jitter". */
export type Jitter = 'none' | 'full' | 'equal' | 'decorrelated';

export interface BackoffOptions {
  kind: 'exponential' | 'constant';
  /** ms */
  base: number;
  /** ms */
  max: number;
  jitter: Jitter;
}

/**
 * The delay before retry number `n` (0 for the first retry), given the previous delay (for
 * decorrelated jitter). expo(n) = min(cap, base·2^n); none: expo(n); full: U(0, expo(n));
 * equal: expo(n)/2 + U(0, expo(n)/2); decorrelated: min(cap, U(base, previous·3)).
 */
export function backoffDelay(o: BackoffOptions, n: number, previous: number, rng: Rng): number {
  const expo = o.kind === 'constant' ? Math.min(o.max, o.base) : Math.min(o.max, o.base * 2 ** n);
  switch (o.jitter) {
    case 'none':
      return expo;
    case 'full':
      return rng.next() * expo;
    case 'equal':
      return expo / 2 + rng.next() * (expo / 2);
    case 'decorrelated': {
      const prev = previous > 0 ? previous : o.base;
      return Math.min(o.max, o.base + rng.next() * (prev * 3 - o.base));
    }
  }
}

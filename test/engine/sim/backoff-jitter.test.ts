import { describe, expect, it } from 'vitest';
import { backoffDelay, type BackoffOptions, type Jitter } from '../../../src/engine/sim/backoff.js';
import type { Rng } from '../../../src/engine/sim/rng.js';

/** A generator whose uniform draw is fixed, so each jitter formula can be checked by hand. */
const fixed = (u: number) => ({ next: () => u }) as unknown as Rng;
const expo = (jitter: Jitter, base = 100, max = 1000): BackoffOptions => ({ kind: 'exponential', base, max, jitter });

describe('the AWS formulas with a fixed draw u', () => {
  it.each([
    // none: expo(n) = min(cap, base·2^n)
    ['none', 0, 0.7, 0, 100],
    ['none', 1, 0.7, 0, 200],
    ['none', 3, 0.7, 0, 800],
    ['none', 4, 0.7, 0, 1000],
    // full: u·expo(n)
    ['full', 2, 0.25, 0, 100],
    ['full', 2, 0, 0, 0],
    ['full', 5, 0.5, 0, 500],
    // equal: expo(n)/2 + u·expo(n)/2
    ['equal', 2, 0.5, 0, 300],
    ['equal', 2, 0, 0, 200],
    ['equal', 0, 0.5, 0, 75],
    ['equal', 9, 0.5, 0, 750],
    // decorrelated: min(cap, base + u·(3·previous − base)), previous = base at first; n plays no part
    ['decorrelated', 0, 0.5, 0, 200],
    ['decorrelated', 7, 0.5, 0, 200],
    ['decorrelated', 0, 0.5, 400, 650],
    ['decorrelated', 0, 0, 400, 100],
    ['decorrelated', 0, 0.99, 400, 1000],
  ] as const)('%s, retry %d, u = %f, previous %d → %f ms', (jitter, n, u, previous, delay) => {
    expect(backoffDelay(expo(jitter), n, previous, fixed(u))).toBe(delay);
  });

  it.each([
    ['none', 0, 100],
    ['none', 5, 100],
    ['full', 5, 50],
    ['equal', 5, 75],
  ] as const)('constant %s, retry %d → %f ms (u = 0.5)', (jitter, n, delay) => {
    expect(backoffDelay({ kind: 'constant', base: 100, max: 1000, jitter }, n, 0, fixed(0.5))).toBe(delay);
  });

  it('a constant delay above the cap is capped', () => {
    expect(backoffDelay({ kind: 'constant', base: 2000, max: 1000, jitter: 'none' }, 0, 0, fixed(0.5))).toBe(1000);
  });
});

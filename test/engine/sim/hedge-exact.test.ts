import { describe, expect, it } from 'vitest';
import { hedgeAnalytic, runHedge, survival } from '../../../src/engine/sim/hedge-model.js';
import type { HedgeScenario } from '../../../src/engine/sim/hedge-scenario.js';

// A request every 100 ms (constant arrivals), each copy taking exactly 30 ms on a one-worker replica:
// every copy, hedge and busy millisecond below is counted by hand.
function hedge(replicas: number, after: number, cancel: boolean, over: Partial<HedgeScenario> = {}): HedgeScenario {
  return {
    kind: 'hedge',
    name: 'h',
    description: '',
    seed: 1,
    duration: 3000,
    warmup: 0,
    traffic: { rate: 10, arrival: 'constant', steps: [] },
    replicas,
    server: { workers: 1, service: { dist: 'constant', mean: 30 } },
    hedge: { after, cancel },
    ...over,
  };
}
const flat = (ms: number) => ({ p50: ms, p95: ms, p99: ms, p999: ms, max: ms });

describe('hedged requests, by hand', () => {
  it('two idle replicas, hedge after 20 ms: the hedge always starts, the first copy always wins at 30 ms', () => {
    const r = runHedge(hedge(2, 20, true), 1);
    expect(r.requests).toBe(30);
    expect(r.hedgeAfterMs).toBe(20);
    // Baseline: 29 copies done by 3 s (the one sent at 3 s ends at 3,030), 30 × 30 ms busy of 2 × 3,000.
    expect(r.baseline).toEqual({ latencyMs: flat(30), workPerRequest: 0.9667, hedgeRate: 0, utilization: 0.15 });
    // Hedged: 29 hedges (the last would leave at 3,020), 58 copies done, 59 started.
    expect(r.hedged).toEqual({ latencyMs: flat(30), workPerRequest: 1.9333, hedgeRate: 0.9667, utilization: 0.295 });
    expect(r).toMatchObject({ scenario: 'h', kind: 'hedge', seed: 1, simulatedSeconds: 3 });
  });

  it('a hedge due after the answer is never sent', () => {
    const r = runHedge(hedge(2, 30, true), 1);
    expect(r.hedged).toEqual(r.baseline);
  });

  it('one replica, hedge after 10 ms: the hedge queues behind its own first copy and, tied, is dropped', () => {
    const r = runHedge(hedge(1, 10, true), 1);
    expect(r.hedged).toEqual({ latencyMs: flat(30), workPerRequest: 0.9667, hedgeRate: 0.9667, utilization: 0.3 });
  });

  it('without cancel the queued hedge runs anyway: 30 ms more work per request', () => {
    // 29 hedges (the one due at 3,010 is past the end); 30 first copies and 29 hedges start (the hedge of the request at 2,900 starts at 2,930 and ends at 2,960).
    const r = runHedge(hedge(1, 10, false), 1);
    expect(r.hedged).toEqual({ latencyMs: flat(30), workPerRequest: 1.9333, hedgeRate: 0.9667, utilization: 0.59 });
  });

  it('a warm-up of 1 s counts the 21 requests from 1,000 to 3,000 ms and their 630 busy ms over 2 × 2 s', () => {
    const r = runHedge(hedge(2, 20, true, { warmup: 1000 }), 1);
    expect(r.requests).toBe(21);
    expect(r.baseline).toEqual({ latencyMs: flat(30), workPerRequest: 0.9524, hedgeRate: 0, utilization: 0.1575 });
    expect(r.hedged.hedgeRate).toBe(0.9524);
  });
});

describe('survival P(X > t)', () => {
  const lognormal = { dist: 'lognormal' as const, mean: 10, p99: 100 };
  it.each([
    ['exponential at its mean: e^−1', { dist: 'exponential' as const, mean: 10 }, 10, Math.exp(-1)],
    ['anything at 0', { dist: 'exponential' as const, mean: 10 }, 0, 1],
    ['anything before 0', lognormal, -5, 1],
    ['constant just before its value', { dist: 'constant' as const, mean: 10 }, 9.99, 1],
    ['constant at its value', { dist: 'constant' as const, mean: 10 }, 10, 0],
    ['lognormal at its P99', lognormal, 100, 0.01],
    ['a lognormal that does not fit: 1', { dist: 'lognormal' as const, mean: 10, p99: 5 }, 50, 1],
  ])('%s', (_, d, t, s) => {
    expect(survival(d, t)).toBeCloseTo(s, 6);
  });

  it('lognormal at its 1st percentile e^(2μ) / P99, below the median (erfc of a negative argument): 0.99', () => {
    const median = survival(lognormal, 10 / Math.exp((1.4281717 * 1.4281717) / 2));
    expect(median).toBeCloseTo(0.5, 5);
    const mu = Math.log(10) - (1.4281717 * 1.4281717) / 2;
    expect(survival(lognormal, Math.exp(2 * mu) / 100)).toBeCloseTo(0.99, 5);
  });
});

describe('hedgeAnalytic: L = min(X₁, d + X₂) without queueing', () => {
  const exp10 = { dist: 'exponential' as const, mean: 10 };
  it.each([
    // d = 0: the minimum of two Exp(mean 10) is Exp(mean 5): quantiles 5 ln 20, 5 ln 100.
    ['exponential, hedged at once', exp10, 0, { hedgeRate: 1, p95: 15, p99: 23 }],
    // d = 20: past d, P(L > t) = e^(−t/10) · e^(−(t−20)/10), so t = (20 + 10 ln(1/q)) / 2.
    ['exponential, hedged at 20 ms', exp10, 20, { hedgeRate: 0.1353, p95: 25, p99: 33 }],
    // d far past the tail: plain Exp(mean 10), quantiles 10 ln 20 and 10 ln 100.
    ['exponential, hedged too late to matter', exp10, 1000, { hedgeRate: 0, p95: 30, p99: 46.1 }],
    [
      'constant 10 ms, hedged at 5 ms: the first copy still wins',
      { dist: 'constant' as const, mean: 10 },
      5,
      {
        hedgeRate: 1,
        p95: 10,
        p99: 10,
      },
    ],
  ])('%s', (_, d, after, expected) => {
    expect(hedgeAnalytic(d, after)).toEqual(expected);
  });
});

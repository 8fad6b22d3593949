import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/engine/sim/backoff.js';
import { CircuitBreaker, BREAKER_DEFAULTS } from '../../../src/engine/sim/breaker.js';
import { lognormalParams } from '../../../src/engine/sim/dist.js';
import { runScenario } from '../../../src/engine/sim/model.js';
import { Rng } from '../../../src/engine/sim/rng.js';
import { scenario } from './helpers.js';

const manyServers = { count: 4, workers: 1000, queue: 0, weight: 1 };

describe('timeout', () => {
  it('bounds client latency by the timeout, and counts the rest as timed out', () => {
    const sc = scenario({
      duration: 60_000,
      traffic: { rate: 200, arrival: 'poisson', clients: 100, steps: [] },
      servers: [{ ...manyServers, service: { dist: 'exponential', mean: 100 } }],
      policies: { timeout: 150 },
    });
    const { metrics } = runScenario(sc, 4);
    expect(metrics.latency.max()).toBeLessThanOrEqual(150);
    // With ample workers, time in system is the service time: P(Exp(mean 100) > 150) = e^−1.5 = 22.3%.
    expect(metrics.timedOut / (metrics.succeeded + metrics.failed)).toBeCloseTo(Math.exp(-1.5), 1);
  });
});

describe('retries', () => {
  it.each([0.1, 0.3, 0.5])('at error fraction %f, 3 attempts make 1 + p + p² attempts per request', (p) => {
    const sc = scenario({
      duration: 100_000,
      traffic: { rate: 500, arrival: 'poisson', clients: 100, steps: [] },
      servers: [{ ...manyServers, service: { dist: 'constant', mean: 1 } }],
      faults: [{ at: 0, kind: 'error', target: 'servers', rate: p, duration: 1e9 }],
      policies: { retry: { attempts: 3, kind: 'constant', base: 1, max: 1, jitter: 'none' } },
    });
    const run = runScenario(sc, 9);
    const requests = run.metrics.offered;
    expect(run.attempts / requests).toBeCloseTo(1 + p + p * p, 2);
    // A request fails only if all three attempts fail: p³.
    expect(run.metrics.failed / requests).toBeCloseTo(p ** 3, 2);
  });

  it('a retry budget of 10% caps amplification at 1.1 attempts per request even when everything fails', () => {
    const sc = scenario({
      duration: 100_000,
      traffic: { rate: 500, arrival: 'poisson', clients: 100, steps: [] },
      servers: [{ ...manyServers, service: { dist: 'constant', mean: 1 } }],
      faults: [{ at: 0, kind: 'error', target: 'servers', rate: 1, duration: 1e9 }],
      policies: { retry: { attempts: 3, kind: 'exponential', base: 10, max: 100, jitter: 'full', budget: 0.1 } },
    });
    const run = runScenario(sc, 9);
    // Without the budget it would be 3 attempts per request.
    expect(run.attempts / run.metrics.offered).toBeLessThanOrEqual(1.1 + 1e-3);
    expect(run.attempts / run.metrics.offered).toBeGreaterThan(1.09);
  });

  it('full jitter spreads retries: after a synchronized failure, the peak retry arrival rate is lower than with no jitter', () => {
    // 1000 clients all fail at the same instant (a 50 ms outage at t = 1 s); count retries per 10 ms bin.
    const peak = (jitter: 'none' | 'full') => {
      const rng = new Rng(5);
      const bins = new Map<number, number>();
      for (let c = 0; c < 1000; c += 1) {
        for (let n = 0; n < 3; n += 1) {
          const t = Math.floor(backoffDelay({ kind: 'exponential', base: 100, max: 10_000, jitter }, n, 0, rng) / 10);
          bins.set(t, (bins.get(t) ?? 0) + 1);
        }
      }
      return Math.max(...bins.values());
    };
    expect(peak('none')).toBe(1000); // every client retries in the same 10 ms
    expect(peak('full')).toBeLessThan(200);
  });

  it.each([
    // expo(n) = min(cap, base·2^n): base 100, cap 1000
    ['none', 0, 100, 100],
    ['none', 3, 800, 800],
    ['none', 5, 1000, 1000],
    ['full', 2, 0, 400],
    ['equal', 2, 200, 400],
    ['decorrelated', 0, 100, 300],
  ] as const)('%s jitter, retry %i: delay within [%i, %i]', (jitter, n, lo, hi) => {
    const rng = new Rng(3);
    for (let i = 0; i < 1000; i += 1) {
      const d = backoffDelay({ kind: 'exponential', base: 100, max: 1000, jitter }, n, 0, rng);
      expect(d).toBeGreaterThanOrEqual(lo);
      expect(d).toBeLessThanOrEqual(hi);
    }
  });
});

describe('circuit breaker (resilience4j count-based rules)', () => {
  const options = {
    ...BREAKER_DEFAULTS,
    slidingWindowSize: 10,
    minimumNumberOfCalls: 5,
    failureRateThreshold: 50,
    waitDurationInOpenState: 1000,
    permittedNumberOfCallsInHalfOpenState: 2,
  };

  it('opens at exactly the call that makes the failure rate reach the threshold once the minimum is recorded', () => {
    const b = new CircuitBreaker(options);
    // t = 1..4 ms: four failures, below the minimum of 5 calls: still closed.
    for (let t = 1; t <= 4; t += 1) {
      expect(b.tryAcquire(t)).toBe(true);
      b.record(t, true, 1, 'closed');
    }
    expect(b.state).toBe('closed');
    b.tryAcquire(5);
    b.record(5, false, 1, 'closed'); // 4 of 5 failed = 80% ≥ 50% with 5 recorded → open at 5 ms
    expect(b.transitions).toEqual([{ at: 0.005, from: 'closed', to: 'open' }]);
    expect(b.tryAcquire(500)).toBe(false); // open rejects
    expect(b.tryAcquire(1004)).toBe(false); // 999 ms after opening: still waiting
    expect(b.tryAcquire(1005)).toBe(true); // wait over: half-open, first permitted call
    expect(b.tryAcquire(1006)).toBe(true); // second permitted call
    expect(b.tryAcquire(1007)).toBe(false); // only 2 are permitted
    b.record(1010, false, 1, 'half-open');
    expect(b.state).toBe('half-open');
    b.record(1012, true, 1, 'half-open'); // 1 of 2 failed = 50% ≥ 50% → open again
    expect(b.transitions.map((t) => [t.at, t.to])).toEqual([
      [0.005, 'open'],
      [1.005, 'half-open'],
      [1.012, 'open'],
    ]);
    b.tryAcquire(2012);
    b.tryAcquire(2012);
    b.record(2013, false, 1, 'half-open');
    b.record(2014, false, 1, 'half-open'); // 0 of 2 failed → closed
    expect(b.state).toBe('closed');
  });

  it('slow calls open it too', () => {
    const b = new CircuitBreaker({ ...options, slowCallDurationThreshold: 100, slowCallRateThreshold: 60 });
    for (let t = 1; t <= 5; t += 1) {
      b.tryAcquire(t);
      b.record(t, false, t <= 3 ? 500 : 10, 'closed'); // 3 of 5 slow = 60%
    }
    expect(b.state).toBe('open');
  });

  it('in a simulation: a dependency outage opens the breaker, calls are short-circuited, and it recovers', () => {
    const sc = scenario({
      duration: 30_000,
      traffic: { rate: 100, arrival: 'constant', clients: 10, steps: [] },
      servers: [{ count: 1, workers: 100, queue: 100, weight: 1, service: { dist: 'constant', mean: 1 } }],
      dependency: { workers: 100, queue: 100, service: { dist: 'constant', mean: 1 } },
      faults: [{ at: 10_000, kind: 'error', target: 'dependency', rate: 1, duration: 5000 }],
      policies: {
        circuitBreaker: {
          ...BREAKER_DEFAULTS,
          slidingWindowSize: 20,
          minimumNumberOfCalls: 20,
          waitDurationInOpenState: 2000,
          permittedNumberOfCallsInHalfOpenState: 5,
        },
      },
    });
    const run = runScenario(sc, 1);
    const t = run.breaker!.transitions;
    // Calls every 10 ms; the outage starts at 10 s. The window of 20 holds ≥ 50% failures after the 10th failed call,
    // which answers at 10.092 s (calls at 10.000 … 10.090 start failing, each answering 2 ms later).
    expect(t[0]).toEqual({ at: 10.092, from: 'closed', to: 'open' });
    expect(t[1]).toMatchObject({ from: 'open', to: 'half-open' });
    expect(t[t.length - 1].to).toBe('closed');
    expect(t[t.length - 1].at).toBeGreaterThanOrEqual(15);
    expect(run.metrics.shortCircuited).toBeGreaterThan(0);
  });
});

describe('bulkhead', () => {
  it('never lets more than maxConcurrent attempts be in flight, and rejects the rest at once', () => {
    const sc = scenario({
      duration: 20_000,
      traffic: { rate: 1000, arrival: 'poisson', clients: 100, steps: [] },
      servers: [{ count: 2, workers: 50, queue: 1000, weight: 1, service: { dist: 'exponential', mean: 40 } }],
      policies: { bulkhead: { maxConcurrent: 25 } },
    });
    const run = runScenario(sc, 2);
    expect(run.maxInFlight).toBe(25);
    expect(run.metrics.rejected).toBeGreaterThan(0);
  });
});

describe('lognormal from a mean and a p99', () => {
  it('reproduces the mean and the p99 it was given', () => {
    const p = lognormalParams(20, 80)!;
    // mean e^(μ + σ²/2) and p99 e^(μ + 2.3263σ)
    expect(Math.exp(p.mu + (p.sigma * p.sigma) / 2)).toBeCloseTo(20, 9);
    expect(Math.exp(p.mu + 2.3263478740408408 * p.sigma)).toBeCloseTo(80, 9);
    expect(lognormalParams(20, 10)).toBeUndefined();
  });
});

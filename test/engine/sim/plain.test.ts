import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runFull, runScenario } from '../../../src/engine/sim/model.js';
import { isPlain, runPlain } from '../../../src/engine/sim/plain.js';
import { toResult } from '../../../src/engine/sim/result.js';
import { STRATEGIES, type Scenario } from '../../../src/engine/sim/scenario.js';
import { scenario } from './helpers.js';

const json = (sc: Scenario, seed: number, run: typeof runFull) =>
  JSON.stringify(toResult(sc.name, seed, sc.duration, sc.warmup, run(sc, seed), 0));

const service = fc.oneof(
  fc.record({ dist: fc.constant('exponential' as const), mean: fc.double({ min: 1, max: 80, noNaN: true }) }),
  fc.record({ dist: fc.constant('constant' as const), mean: fc.integer({ min: 1, max: 50 }) }),
  fc
    .record({ dist: fc.constant('lognormal' as const), mean: fc.integer({ min: 5, max: 40 }) })
    .map((s) => ({ ...s, p99: s.mean * 4 })),
);

const plainScenario = fc.record({
  duration: fc.integer({ min: 1_000, max: 20_000 }),
  warmup: fc.integer({ min: 0, max: 900 }),
  rate: fc.integer({ min: 1, max: 600 }),
  arrival: fc.constantFrom('poisson' as const, 'constant' as const),
  clients: fc.integer({ min: 1, max: 50 }),
  steps: fc.array(fc.record({ at: fc.integer({ min: 0, max: 20_000 }), rate: fc.integer({ min: 0, max: 800 }) }), {
    maxLength: 3,
  }),
  strategy: fc.constantFrom(...STRATEGIES),
  groups: fc.array(
    fc.record({
      count: fc.integer({ min: 1, max: 3 }),
      workers: fc.integer({ min: 1, max: 4 }),
      queue: fc.integer({ min: 0, max: 30 }),
      weight: fc.integer({ min: 1, max: 5 }),
      service,
    }),
    { minLength: 1, maxLength: 3 },
  ),
  seed: fc.integer({ min: 1, max: 1000 }),
});

describe('the lean loop for plain scenarios', () => {
  it('gives byte-for-byte the full model’s result: every balancer, arrival kind, rate step, queue limit and service distribution', () => {
    fc.assert(
      fc.property(plainScenario, (p) => {
        const sc = scenario({
          duration: p.duration,
          warmup: p.warmup,
          traffic: { rate: p.rate, arrival: p.arrival, clients: p.clients, steps: p.steps.sort((a, b) => a.at - b.at) },
          loadBalancer: { strategy: p.strategy },
          servers: p.groups,
        });
        expect(isPlain(sc)).toBe(true);
        expect(json(sc, p.seed, runPlain)).toBe(json(sc, p.seed, runFull));
      }),
      { numRuns: 150 },
    );
  });

  it('is taken only when nothing but servers is asked for', () => {
    expect(isPlain(scenario())).toBe(true);
    expect(isPlain(scenario({ policies: { timeout: 100 } }))).toBe(false);
    expect(isPlain(scenario({ policies: { bulkhead: { maxConcurrent: 3 } } }))).toBe(false);
    expect(isPlain(scenario({ faults: [{ kind: 'slow', target: 'servers', at: 0, duration: 10, factor: 2 }] }))).toBe(
      false,
    );
    expect(isPlain(scenario({ dependency: { workers: 1, queue: 1, service: { dist: 'constant', mean: 1 } } }))).toBe(
      false,
    );
    // A cache alone (no dependency behind it), a retry alone, a breaker alone: each needs the full model.
    expect(isPlain(scenario({ cache: { hitRatio: 0.5, latency: 1 } }))).toBe(false);
    expect(
      isPlain(scenario({ policies: { retry: { attempts: 2, kind: 'constant', base: 10, max: 10, jitter: 'none' } } })),
    ).toBe(false);
    expect(
      isPlain(
        scenario({
          policies: {
            circuitBreaker: {
              failureRateThreshold: 50,
              slowCallDurationThreshold: 1000,
              slowCallRateThreshold: 100,
              slidingWindowSize: 10,
              minimumNumberOfCalls: 10,
              waitDurationInOpenState: 1000,
              permittedNumberOfCallsInHalfOpenState: 1,
            },
          },
        }),
      ),
    ).toBe(false);
    // runScenario takes it for a plain scenario (same answer either way, so compare to both).
    const sc = scenario({ duration: 5_000 });
    expect(json(sc, 3, runScenario)).toBe(json(sc, 3, runPlain));
  });
});

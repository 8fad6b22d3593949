import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReference, runScenario } from '../../../src/engine/sim/model.js';
import { isPlain, runPlain } from '../../../src/engine/sim/plain.js';
import { runPlainInJs } from '../../../src/engine/sim/plain-js.js';
import type { Scenario } from '../../../src/engine/sim/scenario.js';
import { fromFields, requestFields, resultJson as json, scenario } from './helpers.js';

const plainScenario = fc.record(
  requestFields({ duration: 20_000, rate: 600, clients: 50, steps: 3, groups: 3, weight: 5, mean: 80 }),
);

describe('the lean loop for plain scenarios', () => {
  it('gives byte-for-byte the full model’s result: every balancer, arrival kind, rate step, queue limit and service distribution', () => {
    fc.assert(
      fc.property(plainScenario, (p) => {
        const sc = fromFields(p);
        expect(isPlain(sc)).toBe(true);
        const reference = json(sc, p.seed, runReference);
        expect(json(sc, p.seed, runPlain)).toBe(reference);
        expect(json(sc, p.seed, runPlainInJs)).toBe(reference);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the full model’s result where the loop’s arrays grow and a second spills into a histogram', () => {
    const same = (sc: Scenario, seed = 7) => {
      const reference = json(sc, seed, runReference);
      expect(json(sc, seed, runPlain)).toBe(reference);
      expect(json(sc, seed, runPlainInJs)).toBe(reference);
    };
    // 90,000 completions a second: past the 65,536 a second keeps exactly (its P95 comes from a histogram).
    same(
      scenario({
        duration: 2_500,
        traffic: { rate: 90_000, arrival: 'poisson', clients: 1, steps: [] },
        servers: [{ count: 8, workers: 400, queue: 1_000_000, weight: 1, service: { dist: 'exponential', mean: 20 } }],
      }),
    );
    // Overload: queues past their first 16 places, 1,024 request slots and 1,024 heap entries (2,000 workers).
    same(
      scenario({
        duration: 4_000,
        traffic: { rate: 150_000, arrival: 'constant', clients: 1, steps: [{ at: 2_000, rate: 10 }] },
        servers: [
          { count: 1, workers: 2_000, queue: 1_000_000, weight: 1, service: { dist: 'lognormal', mean: 30, p99: 200 } },
          { count: 2, workers: 1, queue: 5_000, weight: 3, service: { dist: 'constant', mean: 1 } },
        ],
        loadBalancer: { strategy: 'weighted-round-robin' },
      }),
    );
    // IP hash over clients numbered up to 2^31 − 1, the most a scenario may have (hashed digit by digit).
    same(
      scenario({
        duration: 3_000,
        traffic: { rate: 2_000, arrival: 'poisson', clients: 2 ** 31 - 1, steps: [] },
        loadBalancer: { strategy: 'ip-hash' },
        servers: [{ count: 5, workers: 2, queue: 10, weight: 1, service: { dist: 'exponential', mean: 3 } }],
      }),
    );
    // The rate falls to 0 and comes back; a warm-up and an Apdex threshold inside the latencies.
    same(
      scenario({
        duration: 9_000,
        warmup: 1_500,
        apdex: 12,
        traffic: {
          rate: 300,
          arrival: 'poisson',
          clients: 1,
          steps: [
            { at: 2_000, rate: 0 },
            { at: 5_000, rate: 500 },
          ],
        },
        loadBalancer: { strategy: 'power-of-two-choices' },
        servers: [{ count: 3, workers: 1, queue: 4, weight: 1, service: { dist: 'exponential', mean: 8 } }],
      }),
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

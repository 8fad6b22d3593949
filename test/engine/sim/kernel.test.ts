import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInKernel } from '../../../src/engine/sim/kernel.js';
import { kernelHolds, orReference, runReference } from '../../../src/engine/sim/model.js';
import type { Fault } from '../../../src/engine/sim/scenario.js';
import { fromFields, requestFields, resultJson as json, scenario, serviceArbitrary } from './helpers.js';

const service = serviceArbitrary(60);

const fault = (servers: number, dependency: boolean): fc.Arbitrary<Fault> => {
  const serverTarget = fc.oneof(
    fc.constant('servers'),
    fc.integer({ min: 1, max: servers }).map((i) => `server-${i}`),
  );
  const anyTarget = dependency ? fc.oneof(serverTarget, fc.constant('dependency')) : serverTarget;
  const when = { at: fc.integer({ min: 0, max: 12_000 }), duration: fc.integer({ min: 1, max: 6_000 }) };
  return fc.oneof(
    fc.record({ ...when, kind: fc.constant('crash' as const), target: serverTarget }),
    fc.record({
      ...when,
      kind: fc.constant('slow' as const),
      target: anyTarget,
      factor: fc.double({ min: 1, max: 8, noNaN: true }),
    }),
    fc.record({
      ...when,
      kind: fc.constant('error' as const),
      target: anyTarget,
      rate: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  );
};

/** A scenario with any mix of policies, a dependency and cache, and faults. */
const fullScenario = fc
  .record({
    ...requestFields({ duration: 15_000, rate: 500, clients: 2_147_483_647, steps: 2, groups: 2, weight: 4, mean: 60 }),
    dependency: fc.option(
      fc.record({ workers: fc.integer({ min: 1, max: 8 }), queue: fc.integer({ min: 0, max: 40 }), service }),
    ),
    cache: fc.option(
      fc.record({ hitRatio: fc.double({ min: 0, max: 1, noNaN: true }), latency: fc.integer({ min: 0, max: 5 }) }),
    ),
    timeout: fc.option(fc.integer({ min: 5, max: 400 })),
    retry: fc.option(
      fc.record({
        attempts: fc.integer({ min: 1, max: 5 }),
        kind: fc.constantFrom('exponential' as const, 'constant' as const),
        base: fc.integer({ min: 1, max: 100 }),
        max: fc.integer({ min: 1, max: 2_000 }),
        jitter: fc.constantFrom('none' as const, 'full' as const, 'equal' as const, 'decorrelated' as const),
        budget: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: undefined }),
      }),
    ),
    breaker: fc.option(
      fc.record({
        failureRateThreshold: fc.integer({ min: 1, max: 100 }),
        slowCallDurationThreshold: fc.integer({ min: 1, max: 500 }),
        slowCallRateThreshold: fc.integer({ min: 1, max: 100 }),
        slidingWindowSize: fc.integer({ min: 1, max: 60 }),
        minimumNumberOfCalls: fc.integer({ min: 1, max: 60 }),
        waitDurationInOpenState: fc.integer({ min: 1, max: 3_000 }),
        permittedNumberOfCallsInHalfOpenState: fc.integer({ min: 1, max: 10 }),
      }),
    ),
    bulkhead: fc.option(fc.integer({ min: 1, max: 20 })),
  })
  .chain((p) => {
    const servers = p.groups.reduce((sum, g) => sum + g.count, 0);
    return fc.array(fault(servers, p.dependency !== null), { maxLength: 4 }).map((faults) => ({ ...p, faults }));
  });

describe('the full model in WebAssembly', () => {
  it('gives the JavaScript model’s result to the byte: policies, dependency, cache, faults and every balancer', () => {
    fc.assert(
      fc.property(fullScenario, (p) => {
        const sc = fromFields(p, {
          dependency: p.dependency ?? undefined,
          cache: p.dependency && p.cache ? p.cache : undefined,
          policies: {
            timeout: p.timeout ?? undefined,
            retry: p.retry ?? undefined,
            circuitBreaker: p.breaker ?? undefined,
            bulkhead: p.bulkhead === null ? undefined : { maxConcurrent: p.bulkhead },
          },
          faults: p.faults,
        });
        expect(json(sc, p.seed, (s, seed) => runInKernel(s, seed, true))).toBe(json(sc, p.seed, runReference));
      }),
      { numRuns: 200 },
    );
  });

  it('runs in JavaScript what the kernel might not hold: 2^26 requests in flight at once', () => {
    // 20,000/s for 5,000 s is 110 million arrivals with their spread: the queue of 2^31 could hold them all.
    const huge = scenario({
      duration: 5_000_000,
      traffic: { rate: 20_000, arrival: 'poisson', clients: 1, steps: [] },
      servers: [{ count: 1, workers: 1, queue: 2 ** 31 - 1, weight: 1, service: { dist: 'constant', mean: 10_000 } }],
    });
    expect(kernelHolds(huge, true)).toBe(false);
    // A queue of 1,000 bounds it, whatever the arrivals; the full model has no such bound (retries wait).
    const bounded = { ...huge, servers: [{ ...huge.servers[0], queue: 1_000 }] };
    expect(kernelHolds(bounded, true)).toBe(true);
    expect(kernelHolds(bounded, false)).toBe(false);
    // A rate step counts at its peak: 10/s with a step to 20,000/s is as large as 20,000/s throughout.
    const stepped = { ...huge, traffic: { ...huge.traffic, rate: 10, steps: [{ at: 1, rate: 20_000 }] } };
    expect(kernelHolds(stepped, true)).toBe(false);
    expect(kernelHolds({ ...huge, duration: 1_000_000 }, true)).toBe(true); // 22 million
  });

  it('hands a run the kernel cannot hold to the JavaScript model, and lets other errors through', () => {
    const sc = scenario({ duration: 2_000 });
    const trap = () => {
      throw new WebAssembly.RuntimeError('unreachable');
    };
    expect(json(sc, 3, (s, seed) => orReference(trap, () => runReference(s, seed)))).toBe(json(sc, 3, runReference));
    const bug = () => {
      throw new TypeError('a bug');
    };
    expect(() => orReference(bug, () => runReference(sc, 3))).toThrow('a bug');
  });
});

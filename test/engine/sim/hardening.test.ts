import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/sim/model.js';
import type { Fault, Strategy } from '../../../src/engine/sim/scenario.js';
import { scenario } from './helpers.js';

/** One server, a dependency; constant times so a second's P95 is exact: 1 ms + the dependency's 10 ms × slow factor. */
function withFaults(faults: Fault[]) {
  const sc = scenario({
    duration: 40_000,
    traffic: { rate: 50, arrival: 'constant', clients: 10, steps: [] },
    servers: [{ count: 1, workers: 100, queue: 100, weight: 1, service: { dist: 'constant', mean: 1 } }],
    dependency: { workers: 100, queue: 100, service: { dist: 'constant', mean: 10 } },
    faults,
  });
  return runScenario(sc, 1).metrics.timeline;
}

describe('overlapping faults of one kind on one target compose', () => {
  it('two slow faults multiply while both last, and the first outlives the second', () => {
    const t = withFaults([
      { at: 10_000, kind: 'slow', target: 'dependency', factor: 10, duration: 20_000 },
      { at: 15_000, kind: 'slow', target: 'dependency', factor: 2, duration: 5_000 },
    ]);
    expect([t[5].p95Ms, t[12].p95Ms, t[17].p95Ms, t[25].p95Ms, t[35].p95Ms]).toEqual([11, 101, 201, 101, 11]);
  });

  it('two error faults combine as 1 − (1 − a)(1 − b), and the first outlives the second', () => {
    const t = withFaults([
      { at: 10_000, kind: 'error', target: 'dependency', rate: 1, duration: 20_000 },
      { at: 15_000, kind: 'error', target: 'dependency', rate: 0.5, duration: 5_000 },
    ]);
    expect([t[5].errorRate, t[17].errorRate, t[25].errorRate, t[35].errorRate]).toEqual([0, 1, 1, 0]);
  });

  it('two crashes of one server: it stays down until the last one ends', () => {
    const t = withFaults([
      { at: 10_000, kind: 'crash', target: 'server-1', duration: 20_000 },
      { at: 15_000, kind: 'crash', target: 'server-1', duration: 5_000 },
    ]);
    expect([t[5].errorRate, t[12].errorRate, t[25].errorRate, t[29].errorRate, t[35].errorRate]).toEqual([
      0, 1, 1, 1, 0,
    ]);
  });

  it('a crash of every server and one of a single server overlap the same way', () => {
    const t = withFaults([
      { at: 10_000, kind: 'crash', target: 'server-1', duration: 5_000 },
      { at: 12_000, kind: 'crash', target: 'servers', duration: 10_000 },
    ]);
    expect([t[11].errorRate, t[18].errorRate, t[21].errorRate, t[23].errorRate]).toEqual([1, 1, 1, 0]);
  });
});

describe('weights with least-connections and power of two choices (Envoy: weight / (active + 1))', () => {
  it.each<Strategy>(['least-connections', 'power-of-two-choices'])(
    '%s: 3:1 weights at light load serve 3:1',
    (strategy) => {
      const sc = scenario({
        duration: 100_000,
        traffic: { rate: 20, arrival: 'poisson', clients: 100, steps: [] },
        loadBalancer: { strategy },
        servers: [3, 1].map((weight) => ({
          count: 1,
          workers: 50,
          queue: 100,
          weight,
          service: { dist: 'constant' as const, mean: 1 },
        })),
      });
      const [a, b] = runScenario(sc, 5).servers.map((s) => s.served);
      expect(a / (a + b)).toBeCloseTo(0.75, 2);
    },
  );

  it('a busy heavy server is picked less: at high load the share moves toward the idle one', () => {
    const run = (rate: number) => {
      const sc = scenario({
        duration: 60_000,
        traffic: { rate, arrival: 'poisson', clients: 100, steps: [] },
        loadBalancer: { strategy: 'least-connections' },
        servers: [3, 1].map((weight) => ({
          count: 1,
          workers: 1,
          queue: 1000,
          weight,
          service: { dist: 'exponential' as const, mean: 5 },
        })),
      });
      const [a, b] = runScenario(sc, 6).servers.map((s) => s.served);
      return a / (a + b);
    };
    // Single-worker servers: at 20 req/s the heavy one takes nearly its 3/4; at 300 req/s its queue cuts that.
    const light = run(20);
    const heavy = run(300);
    expect(light).toBeGreaterThan(0.72);
    expect(heavy).toBeLessThan(light - 0.1);
    expect(heavy).toBeGreaterThan(0.55);
  });
});

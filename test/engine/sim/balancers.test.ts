import { describe, expect, it } from 'vitest';
import { hash32, makeBalancer } from '../../../src/engine/sim/balancer.js';
import { runScenario } from '../../../src/engine/sim/model.js';
import { Rng } from '../../../src/engine/sim/rng.js';
import type { Strategy } from '../../../src/engine/sim/scenario.js';
import { scenario } from './helpers.js';

/** Ten single-worker servers at 90% load: how well the balancer spreads work shows in the waiting. */
function meanLatency(strategy: Strategy): number {
  const sc = scenario({
    duration: 300_000,
    warmup: 10_000,
    traffic: { rate: 900, arrival: 'poisson', clients: 5000, steps: [] },
    loadBalancer: { strategy },
    servers: [{ count: 10, workers: 1, queue: 1e6, weight: 1, service: { dist: 'exponential', mean: 10 } }],
  });
  return runScenario(sc, 11).metrics.latency.mean();
}

describe('load balancers at high load on equal servers', () => {
  it('mean latency: random > round robin > power of two ≥ least connections', () => {
    const [random, rr, p2c, lc] = (
      ['random', 'round-robin', 'power-of-two-choices', 'least-connections'] as Strategy[]
    ).map(meanLatency);
    // Random splits Poisson traffic into ten independent M/M/1 queues at ρ = 0.9: W = 10/(1 − 0.9) = 100 ms.
    expect(random).toBeGreaterThan(90);
    expect(random).toBeGreaterThan(rr);
    expect(rr).toBeGreaterThan(p2c);
    expect(p2c).toBeGreaterThanOrEqual(lc * 0.98);
  });

  it('weighted round robin serves in proportion to the weights (1 : 2 : 3)', () => {
    const sc = scenario({
      duration: 60_000,
      traffic: { rate: 600, arrival: 'poisson', clients: 100, steps: [] },
      loadBalancer: { strategy: 'weighted-round-robin' },
      servers: [1, 2, 3].map((w) => ({
        count: 1,
        workers: 100,
        queue: 1000,
        weight: w,
        service: { dist: 'constant' as const, mean: 1 },
      })),
    });
    const served = runScenario(sc, 3).servers.map((s) => s.served);
    const total = served.reduce((a, b) => a + b, 0);
    served.forEach((n, i) => expect(Math.abs(n / total - (i + 1) / 6)).toBeLessThan(0.002));
  });

  it('IP hash keeps each client on one server, and removing one of 5 moves only its ~1/5 of clients', () => {
    const up = new Uint8Array(5).fill(1);
    const view = { up, active: new Int32Array(5), weight: new Float64Array(5).fill(1) };
    const pick = makeBalancer('ip-hash', view, new Rng(1));
    const clients = Array.from({ length: 10_000 }, (_, c) => c);
    const before = clients.map((c) => pick(c));
    expect(clients.map((c) => pick(c))).toEqual(before); // sticky
    const shares = [0, 1, 2, 3, 4].map((s) => before.filter((x) => x === s).length / clients.length);
    for (const share of shares) expect(Math.abs(share - 0.2)).toBeLessThan(0.05);
    up[2] = 0;
    const after = clients.map((c) => pick(c));
    const moved = clients.filter((c) => after[c] !== before[c]);
    // Exactly the clients that were on server 3 move; nobody else does.
    expect(moved.every((c) => before[c] === 2)).toBe(true);
    expect(moved.length).toBe(before.filter((x) => x === 2).length);
    expect(after.includes(2)).toBe(false);
  });

  it('crashed servers are skipped by every strategy', () => {
    for (const strategy of [
      'round-robin',
      'weighted-round-robin',
      'least-connections',
      'ip-hash',
      'random',
      'power-of-two-choices',
    ] as Strategy[]) {
      const up = Uint8Array.from([1, 0, 1]);
      const pick = makeBalancer(
        strategy,
        { up, active: new Int32Array(3), weight: new Float64Array(3).fill(1) },
        new Rng(2),
      );
      for (let c = 0; c < 200; c += 1) expect(pick(c)).not.toBe(1);
      up.fill(0);
      expect(pick(7)).toBe(-1);
    }
  });

  it('hash32 spreads inputs', () => {
    const buckets = new Array(16).fill(0);
    for (let i = 0; i < 16_000; i += 1) buckets[hash32(`k${i}`) % 16] += 1;
    for (const b of buckets) expect(Math.abs(b - 1000)).toBeLessThan(150);
  });
});

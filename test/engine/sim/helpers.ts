import type { Scenario } from '../../../src/engine/sim/scenario.js';

/** A scenario for tests: one group of servers, Poisson arrivals, no policies unless given. */
export function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    kind: 'requests',
    name: 'test',
    description: '',
    seed: 1,
    duration: 100_000,
    warmup: 0,
    traffic: { rate: 100, arrival: 'poisson', clients: 1000, steps: [] },
    loadBalancer: { strategy: 'round-robin' },
    servers: [{ count: 1, workers: 1, queue: 1_000_000, weight: 1, service: { dist: 'exponential', mean: 5 } }],
    policies: {},
    faults: [],
    apdex: 100,
    ...overrides,
  };
}

/** Erlang C: the probability an arrival waits in an M/M/c queue with offered load a = λ/μ. */
export function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k += 1) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c; // a^c / c!
  const top = last * (c / (c - a));
  return top / (sum + top);
}

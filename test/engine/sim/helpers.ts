import fc from 'fast-check';
import type { RunOutput } from '../../../src/engine/sim/model.js';
import { toResult } from '../../../src/engine/sim/result.js';
import { runGateway } from '../../../src/engine/sim/gateway-model.js';
import type { GatewayScenario } from '../../../src/engine/sim/gateway-scenario.js';
import { STRATEGIES, type Scenario } from '../../../src/engine/sim/scenario.js';

/** A run's JSON result, to compare two ways of running one scenario byte for byte. */
export const resultJson = (sc: Scenario, seed: number, run: (sc: Scenario, seed: number) => RunOutput) =>
  JSON.stringify(toResult(sc.name, seed, sc.duration, sc.warmup, run(sc, seed), 0));

/** A scenario of the traffic, balancer and server groups drawn by {@link requestFields}, plus `over`. */
export function fromFields(
  p: {
    duration: number;
    warmup: number;
    rate: number;
    arrival: 'poisson' | 'constant';
    clients: number;
    steps: Array<{ at: number; rate: number }>;
    strategy: Scenario['loadBalancer']['strategy'];
    groups: Scenario['servers'];
  },
  over: Partial<Scenario> = {},
): Scenario {
  return scenario({
    duration: p.duration,
    warmup: p.warmup,
    traffic: { rate: p.rate, arrival: p.arrival, clients: p.clients, steps: [...p.steps].sort((a, b) => a.at - b.at) },
    loadBalancer: { strategy: p.strategy },
    servers: p.groups,
    ...over,
  });
}

/** Arbitraries for a request scenario's traffic, balancer and server groups, within the given limits. */
export function requestFields(o: {
  duration: number;
  rate: number;
  clients: number;
  steps: number;
  groups: number;
  weight: number;
  mean: number;
}) {
  return {
    duration: fc.integer({ min: 1_000, max: o.duration }),
    warmup: fc.integer({ min: 0, max: 900 }),
    rate: fc.integer({ min: 1, max: o.rate }),
    arrival: fc.constantFrom('poisson' as const, 'constant' as const),
    clients: fc.integer({ min: 1, max: o.clients }),
    steps: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: o.duration }),
        rate: fc.integer({ min: 0, max: Math.round(o.rate * 1.4) }),
      }),
      {
        maxLength: o.steps,
      },
    ),
    strategy: fc.constantFrom(...STRATEGIES),
    groups: fc.array(
      fc.record({
        count: fc.integer({ min: 1, max: 3 }),
        workers: fc.integer({ min: 1, max: 4 }),
        queue: fc.integer({ min: 0, max: 30 }),
        weight: fc.integer({ min: 1, max: o.weight }),
        service: serviceArbitrary(o.mean),
      }),
      { minLength: 1, maxLength: o.groups },
    ),
    seed: fc.integer({ min: 1, max: 1000 }),
  };
}

/** Any of the three service-time distributions, with means up to `maxMean` ms. */
export const serviceArbitrary = (maxMean: number) =>
  fc.oneof(
    fc.record({ dist: fc.constant('exponential' as const), mean: fc.double({ min: 1, max: maxMean, noNaN: true }) }),
    fc.record({ dist: fc.constant('constant' as const), mean: fc.integer({ min: 1, max: Math.round(maxMean * 0.6) }) }),
    fc
      .record({ dist: fc.constant('lognormal' as const), mean: fc.integer({ min: 5, max: 40 }) })
      .map((s) => ({ ...s, p99: s.mean * 4 })),
  );

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

/**
 * A gateway worked by hand: a request every 100 ms (request k arrives at 100·k), each taking exactly
 * `work` ms on one worker of one instance, a FIFO queue of 1,000 and a 1 s timeout, for 3 s unless `over`
 * says otherwise.
 */
export function handGateway(work: number, over: Partial<GatewayScenario> = {}) {
  const sc: GatewayScenario = {
    kind: 'gateway',
    name: 'g',
    description: '',
    seed: 1,
    duration: 3000,
    warmup: 0,
    traffic: { rate: 10, arrival: 'constant', steps: [] },
    server: { workers: 1, service: { dist: 'constant', mean: work } },
    instances: 1,
    zones: 1,
    faults: [],
    queue: { limit: 1000, discipline: 'fifo' },
    timeout: 1000,
    ...over,
  };
  return runGateway(sc, 1);
}

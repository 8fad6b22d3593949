import { describe, expect, it } from 'vitest';
import { validateDynamic } from '../../../src/engine/sim/dynamics.js';
import { runMetastable } from '../../../src/engine/sim/metastable-model.js';
import type { MetastableScenario } from '../../../src/engine/sim/metastable-scenario.js';
import { runScenario } from '../../../src/engine/sim/model.js';
import { toResult } from '../../../src/engine/sim/result.js';

// λ = 1,300/s against a dependency of 40 workers × 20 ms = 2,000/s (65% busy); a 200 ms timeout and up to
// four attempts. Once every call times out, the offered load is 4 × 1,300 = 5,200/s: a second stable state.
const base = {
  duration: '90s',
  warmup: '5s',
  traffic: { rate: 1300, clients: 5000 },
  servers: [{ count: 4, workers: 2000, queue: 400, service: { dist: 'exponential', mean: '1ms' } }],
  dependency: { workers: 40, queue: 4000, service: { dist: 'exponential', mean: '20ms' } },
  policies: { timeout: '200ms', retry: { attempts: 4, backoff: 'constant', base: '50ms', max: '50ms' } },
  faults: [{ at: '20s', kind: 'slow', target: 'dependency', factor: 10, duration: '5s' }],
};
const metastable = (variants: unknown[], scenario: Record<string, unknown> = base) =>
  validateDynamic({ kind: 'metastable', name: 't', seed: 3, scenario, variants });
const load = (variants: unknown[]): MetastableScenario => {
  const { scenario, problems } = metastable(variants);
  if (scenario?.kind !== 'metastable') throw new Error(JSON.stringify(problems));
  return scenario;
};

describe('a metastable retry storm', () => {
  const sc = load([
    { name: 'none' },
    { name: 'budget', set: { 'policies.retry.budget': 0.1 } },
    {
      name: 'breaker',
      set: { 'policies.circuitBreaker': { minimumNumberOfCalls: 20, waitDurationInOpenState: '5s' } },
    },
  ]);
  const r = runMetastable(sc, 3);
  const [none, budget, breaker] = r.variants;

  it('the same load without the trigger is stable: no errors at all', () => {
    const calm = { ...sc.variants[0].scenario, faults: [] };
    expect(toResult('calm', 3, calm.duration, calm.warmup, runScenario(calm, 3), 0).errorRate).toBe(0);
  });

  it('without a budget the storm outlives its 5 s trigger to the end of the run, every request making all four attempts', () => {
    expect(none.before.errorRate).toBe(0);
    expect(none.recoveredAfter).toBeNull();
    expect(none.end).toEqual({ goodputRps: 0, errorRate: 1, p95Ms: 0 });
    // Retries: 3 per request from the trigger on, 1,300/s × 70 s × 3 = 273,000.
    expect(Math.abs(none.retries / (1300 * 70 * 3) - 1)).toBeLessThan(0.02);
  });

  it('a 10% budget caps retries at a tenth of requests, so the load stays under capacity and it recovers', () => {
    expect(budget.retries).toBeLessThanOrEqual(0.1 * 1300 * 85 * 1.05);
    expect(budget.recoveredAfter).not.toBeNull();
    expect(budget.recoveredAfter!).toBeLessThan(15);
    expect(budget.end.errorRate).toBe(0);
  });

  it('a breaker sheds the retries while open and recovers too', () => {
    expect(breaker.recoveredAfter).not.toBeNull();
    expect(breaker.recoveredAfter!).toBeLessThan(15);
    expect(breaker.end.errorRate).toBe(0);
  });

  it('reports the trigger window from the faults', () => {
    expect(r.trigger).toEqual({ from: 20, to: 25 });
  });
});

describe('variants set fields by path', () => {
  it('list items by index: servers[0].count doubles the servers', () => {
    const sc = load([{ name: 'one' }, { name: 'two', set: { 'servers[0].count': 8 } }]);
    expect(sc.variants.map((v) => v.scenario.servers[0].count)).toEqual([4, 8]);
    expect(sc.variants[1].scenario.servers[0].workers).toBe(2000);
  });
});

describe('metastable scenarios refuse', () => {
  it.each([
    [
      [{ name: 'x', set: { 'policies.retry.budget': 20 } }],
      undefined,
      'variants[0].set',
      'policies.retry.budget: must be at most 10',
    ],
    [[], undefined, 'variants', 'at least one variant'],
    [[{ name: 'x' }], { ...base, faults: [] }, 'scenario.faults', 'needs at least one fault'],
    [[{ name: 'x' }], { ...base, traffic: { rate: -1 } }, 'scenario.traffic.rate', 'must be at least 0'],
    [[{ name: 'x', sets: {} }], undefined, 'variants[0].sets', 'unknown field'],
  ])('%j', (variants, scenario, field, message) => {
    const { problems } = metastable(variants, scenario);
    expect(problems.find((p) => p.field === field)?.message).toContain(message);
  });
});

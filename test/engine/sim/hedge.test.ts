import { describe, expect, it } from 'vitest';
import { lognormalParams } from '../../../src/engine/sim/dist.js';
import { validateDynamic } from '../../../src/engine/sim/dynamics.js';
import { hedgeAnalytic, runHedge, survival } from '../../../src/engine/sim/hedge-model.js';
import type { HedgeScenario } from '../../../src/engine/sim/hedge-scenario.js';

const hedge = (service: Record<string, unknown>, after: string, over: Record<string, unknown> = {}): HedgeScenario => {
  const { scenario, problems } = validateDynamic({
    kind: 'hedge',
    name: 't',
    duration: '10m',
    warmup: '5s',
    traffic: { rate: 500 },
    replicas: 3,
    server: { workers: 200, service },
    hedge: { after },
    ...over,
  });
  if (scenario?.kind !== 'hedge') throw new Error(JSON.stringify(problems));
  return scenario;
};

describe('hedged requests against the closed form (no queueing: min(X₁, d + X₂))', () => {
  it.each([
    ['lognormal, mean 10 ms, P99 100 ms, hedged at 38 ms', { dist: 'lognormal', mean: '10ms', p99: '100ms' }, '38ms'],
    ['lognormal, hedged early at 10 ms', { dist: 'lognormal', mean: '10ms', p99: '100ms' }, '10ms'],
    ['exponential 20 ms, hedged at 60 ms', { dist: 'exponential', mean: '20ms' }, '60ms'],
  ])('%s: hedge rate, P95 and P99', (_name, service, after) => {
    const r = runHedge(hedge(service, after), 3);
    expect(Math.abs(r.hedged.hedgeRate - r.analytic.hedgeRate)).toBeLessThan(0.003);
    expect(Math.abs(r.hedged.latencyMs.p95 / r.analytic.p95 - 1)).toBeLessThan(0.03);
    expect(Math.abs(r.hedged.latencyMs.p99 / r.analytic.p99 - 1)).toBeLessThan(0.03);
    // Both copies of a hedged request run to the end when nothing waits: one extra copy each.
    expect(Math.abs(r.hedged.workPerRequest - (1 + r.hedged.hedgeRate))).toBeLessThan(0.002);
    expect(r.baseline.workPerRequest).toBe(1);
  });

  it('an exponential tail: hedging at d gives P(L > t) = e^(−t/m) · e^(−(t−d)/m), so P99 solves 2t − d = m ln 100', () => {
    expect(hedgeAnalytic({ dist: 'exponential', mean: 20 }, 60).p99).toBeCloseTo((20 * Math.log(100) + 60) / 2, 1);
  });

  it('constant work: hedging before it ends doubles the work and gains nothing', () => {
    const r = runHedge(hedge({ dist: 'constant', mean: '10ms' }, '5ms'), 3);
    expect(r.hedged.hedgeRate).toBe(1);
    expect(r.hedged.workPerRequest).toBe(2);
    expect(r.hedged.latencyMs.p99).toBe(r.baseline.latencyMs.p99);
  });

  it('lognormal survival: 1% at its P99, a half at its median', () => {
    const d = { dist: 'lognormal' as const, mean: 10, p99: 100 };
    expect(survival(d, 100)).toBeCloseTo(0.01, 6);
    expect(survival(d, Math.exp(lognormalParams(10, 100)!.mu))).toBeCloseTo(0.5, 6);
  });
});

describe('hedging under load', () => {
  it('adds its extra work to a busy service', () => {
    // 3 replicas × 4 workers at 10 ms: 1,200/s; 900/s is 75% busy before hedging.
    const r = runHedge(
      hedge({ dist: 'exponential', mean: '10ms' }, '20ms', {
        traffic: { rate: 900 },
        server: { workers: 4, service: { dist: 'exponential', mean: '10ms' } },
      }),
      5,
    );
    expect(Math.abs(r.baseline.utilization - 0.75)).toBeLessThan(0.01);
    expect(Math.abs(r.hedged.utilization / r.baseline.utilization - r.hedged.workPerRequest)).toBeLessThan(0.01);
    expect(r.hedged.workPerRequest).toBeGreaterThan(1.1);
  });

  it.each([
    [{ replicas: 1 }, 'replicas', 'must be at least 2'],
    [{ hedge: {} }, 'hedge.after', 'is required'],
  ])('refuses %j', (over, field, message) => {
    const { problems } = validateDynamic({
      kind: 'hedge',
      name: 't',
      duration: '10s',
      traffic: { rate: 10 },
      replicas: 3,
      server: { workers: 1, service: { mean: '5ms' } },
      hedge: { after: '10ms' },
      ...over,
    });
    expect(problems.find((p) => p.field === field)?.message).toContain(message);
  });
});

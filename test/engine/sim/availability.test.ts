import { describe, expect, it } from 'vitest';
import { analyticGroup, runAvailability } from '../../../src/engine/sim/availability-model.js';
import type { AvailabilityScenario } from '../../../src/engine/sim/scenario.js';

const component = (over: Partial<AvailabilityScenario['components'][number]>) => ({ name: 'c', mtbfHours: 9, mttrHours: 1, count: 1, needed: 1, mode: 'active-active' as const, failoverSeconds: 0, ...over });
const scenario = (components: AvailabilityScenario['components']): AvailabilityScenario => ({ kind: 'availability', name: 't', description: '', seed: 1, horizonHours: 20_000, trials: 40, components });

describe('availability model against the analytic values', () => {
  // Fast failures (MTBF 9 h, MTTR 1 h: A = 0.9) so 40 trials × 20,000 h see ~80,000 failures each.
  it.each([
    ['one component: A = MTBF/(MTBF+MTTR) = 0.9', [component({})], 0.9],
    ['two in series: 0.9 × 0.9 = 0.81', [component({}), component({})], 0.81],
    ['two in parallel (1 of 2): 1 − 0.1² = 0.99', [component({ count: 2 })], 0.99],
    ['2 of 3: 3·0.9²·0.1 + 0.9³ = 0.972', [component({ count: 3, needed: 2 })], 0.972],
  ])('%s', (_name, components, expected) => {
    const r = runAvailability(scenario(components), 3);
    expect(r.analytic.availability).toBeCloseTo(expected, 6);
    expect(Math.abs(r.availability.mean - expected)).toBeLessThan(0.003);
  });

  it('active-passive loses the failover time on each failure of the active instance', () => {
    // Two instances, A = 0.9 each, failover 360 s = 0.1 h. Both down: 0.01. Failures of the active one happen
    // about A/MTBF = 0.1 per hour, each costing 0.1 h when the standby is up: about 0.01 more.
    const c = component({ count: 2, mode: 'active-passive', failoverSeconds: 360 });
    expect(analyticGroup(c)).toBeCloseTo(0.99 - 0.01, 6);
    const r = runAvailability(scenario([c]), 4);
    expect(Math.abs(r.availability.mean - 0.98)).toBeLessThan(0.004);
  });

  it('reports downtime per year and whether the target is met', () => {
    const r = runAvailability({ ...scenario([component({})]), target: 0.95 }, 1);
    // 1 − 0.9 of 525,600 minutes = 52,560 min/year
    expect(r.analytic.downtimeMinutesPerYear).toBeCloseTo(52_560, 0);
    expect(r.meetsTarget).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { analyticGroup, runAvailability } from '../../../src/engine/sim/availability-model.js';
import type { AvailabilityScenario } from '../../../src/engine/sim/scenario.js';

const component = (over: Partial<AvailabilityScenario['components'][number]>) => ({
  name: 'c',
  mtbfHours: 9,
  mttrHours: 1,
  count: 1,
  needed: 1,
  mode: 'active-active' as const,
  failoverSeconds: 0,
  ...over,
});
const scenario = (components: AvailabilityScenario['components']): AvailabilityScenario => ({
  kind: 'availability',
  name: 't',
  description: '',
  seed: 1,
  horizonHours: 20_000,
  trials: 40,
  components,
});

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

  it.each([
    // MTBF, MTTR (h), failover (s): U = (1 − A)² + A²·F/MTBF, the gap only when the standby is up to take over.
    [9, 1, 360, 0.01 + 0.81 * (0.1 / 9)],
    [3, 1, 720, 0.0625 + 0.5625 * (0.2 / 3)],
    [2, 2, 720, 0.25 + 0.25 * (0.2 / 2)],
  ])(
    'active-passive, MTBF %d h, MTTR %d h, failover %d s: U = (1−A)² + A²·F/MTBF, as the Monte Carlo finds',
    (mtbf, mttr, failover, u) => {
      const c = component({
        mtbfHours: mtbf,
        mttrHours: mttr,
        count: 2,
        mode: 'active-passive',
        failoverSeconds: failover,
      });
      expect(1 - analyticGroup(c)).toBeCloseTo(u, 9);
      const simulated = 1 - runAvailability(scenario([c]), 4).availability.mean;
      expect(Math.abs(simulated - u)).toBeLessThan(0.004);
      // The old form, (1 − A)² + A·F/MTBF, is off by more than the simulation's noise.
      const a = mtbf / (mtbf + mttr);
      if (a < 0.9) expect(Math.abs(simulated - ((1 - a) ** 2 + (a * failover) / 3600 / mtbf))).toBeGreaterThan(0.01);
    },
  );

  it('reports downtime per year and whether the target is met', () => {
    const r = runAvailability({ ...scenario([component({})]), target: 0.95 }, 1);
    // 1 − 0.9 of 525,600 minutes = 52,560 min/year
    expect(r.analytic.downtimeMinutesPerYear).toBeCloseTo(52_560, 0);
    expect(r.meetsTarget).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { analyticGroup, runAvailability } from '../../../src/engine/sim/availability-model.js';
import type { AvailabilityScenario } from '../../../src/engine/sim/scenario.js';

type Component = AvailabilityScenario['components'][number];
const component = (over: Partial<Component>): Component => ({
  name: 'c',
  mtbfHours: 99,
  mttrHours: 1,
  count: 1,
  needed: 1,
  mode: 'active-active',
  failoverSeconds: 0,
  ...over,
});

describe('analyticGroup: closed forms with A = MTBF / (MTBF + MTTR) = 0.99', () => {
  it.each<[string, Partial<Component>, number]>([
    ['one instance: A', {}, 0.99],
    ['one of two: 1 − (1 − A)²', { count: 2 }, 0.9999],
    ['two of three: 3A²(1 − A) + A³', { count: 3, needed: 2 }, 0.999702],
    ['three of three: A³', { count: 3, needed: 3 }, 0.970299],
    // Active-passive: down when all are, or for the failover after an active fails with a standby up:
    // 1 − (1 − A)² − A · (1 − (1 − A)) · (36 s / 3600) / 99 h.
    [
      'active-passive pair, 36 s failover',
      { count: 2, mode: 'active-passive', failoverSeconds: 36 },
      1 - 0.0001 - 0.99 * 0.99 * (0.01 / 99),
    ],
    ['active-passive pair, instant failover: as one of two', { count: 2, mode: 'active-passive' }, 0.9999],
    [
      'active-passive of three',
      { count: 3, mode: 'active-passive', failoverSeconds: 36 },
      1 - 1e-6 - 0.99 * 0.9999 * (0.01 / 99),
    ],
  ])('%s', (_, over, availability) => {
    expect(analyticGroup(component(over))).toBeCloseTo(availability, 12);
  });
});

describe('runAvailability at its extremes', () => {
  const run = (components: Component[], target?: number) =>
    runAvailability(
      { kind: 'availability', name: 'a', description: '', seed: 4, horizonHours: 1000, trials: 5, target, components },
      4,
    );
  // MTBF of 10¹² h: no failure within 1,000 h; MTBF of 10⁻¹² h and MTTR of 10¹² h: down from the start.
  const up = component({ name: 'up', mtbfHours: 1e12, mttrHours: 1 });
  const down = component({ name: 'down', mtbfHours: 1e-12, mttrHours: 1e12 });

  it('never failing: 100%, no downtime, every percentile 1, a target of 100% met', () => {
    const r = run([up], 1);
    expect(r).toMatchObject({ scenario: 'a', kind: 'availability', seed: 4, trials: 5, horizonHours: 1000 });
    expect(r.availability).toEqual({ mean: 1, p5: 1, p50: 1, p95: 1 });
    expect(r.downtimeMinutesPerYear).toEqual({ mean: 0, p5: 0, p95: 0 });
    expect(r.analytic).toEqual({ availability: 1, downtimeMinutesPerYear: 0 });
    expect(r.target).toBe(1);
    expect(r.meetsTarget).toBe(true);
    expect(r.components).toEqual([{ name: 'up', simulated: 1, analytic: 1 }]);
  });

  it('in series with one always down: 0%, the whole year of minutes down, a target missed', () => {
    const r = run([up, down], 0.5);
    expect(r.availability).toEqual({ mean: 0, p5: 0, p50: 0, p95: 0 });
    expect(r.downtimeMinutesPerYear).toEqual({ mean: 525_600, p5: 525_600, p95: 525_600 });
    expect(r.meetsTarget).toBe(false);
    expect(r.components.map((c) => [c.name, c.simulated])).toEqual([
      ['up', 1],
      ['down', 0],
    ]);
    expect(r.analytic.availability).toBe(0);
  });

  it('redundancy of instances that are always down is down', () => {
    expect(run([component({ mtbfHours: 1e-12, mttrHours: 1e12, count: 2 })]).availability.mean).toBe(0);
    // An active-passive pair of such instances: its standby is down too.
    const pair = component({ mtbfHours: 1e-12, mttrHours: 1e12, count: 2, mode: 'active-passive' });
    expect(run([pair]).availability.mean).toBe(0);
  });

  it('no target: none met or missed', () => {
    const r = run([up]);
    expect(r.target).toBeUndefined();
    expect(r.meetsTarget).toBeUndefined();
  });
});

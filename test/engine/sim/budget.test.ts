import { describe, expect, it } from 'vitest';
import { estimateAvailabilityChanges, estimateEvents } from '../../../src/engine/sim/budget.js';
import type { AvailabilityScenario, Scenario } from '../../../src/engine/sim/scenario.js';
import { scenario } from './helpers.js';

// The pre-run estimate is arithmetic a reader can redo: arrivals = Σ rate × span / 1000 over the rate
// steps, times the attempts, times 2 (start, service) + 1 for each of dependency, timeout and retry.
const traffic = (rate: number, steps: Array<{ at: number; rate: number }> = []): Scenario['traffic'] => ({
  rate,
  arrival: 'poisson',
  clients: 1000,
  steps,
});

describe('estimateEvents', () => {
  it.each<[string, Partial<Scenario>, number]>([
    ['100/s for 100 s, no policies: 10 000 arrivals × 2', {}, 20_000],
    ['a timeout adds an event per attempt, even a timeout of 0', { policies: { timeout: 0 } }, 30_000],
    [
      'one attempt is no retry: no retry event',
      { policies: { retry: { attempts: 1, kind: 'exponential', base: 10, max: 100, jitter: 'none' } } },
      20_000,
    ],
    [
      'three attempts of 2 + dependency + timeout + retry = 5 events',
      {
        dependency: { workers: 1, queue: 10, service: { dist: 'constant', mean: 1 } },
        policies: { timeout: 50, retry: { attempts: 3, kind: 'exponential', base: 10, max: 100, jitter: 'none' } },
      },
      10_000 * 3 * 5,
    ],
    [
      'rate steps in any order: 100/s to 20 s, 200/s to 60 s, 50/s to 100 s = 12 000 arrivals',
      {
        traffic: traffic(100, [
          { at: 60_000, rate: 50 },
          { at: 20_000, rate: 200 },
        ]),
      },
      24_000,
    ],
    ['a step at 0 replaces the base rate', { traffic: traffic(100, [{ at: 0, rate: 300 }]) }, 60_000],
    [
      'a step at or after the end adds nothing',
      {
        traffic: traffic(100, [
          { at: 100_000, rate: 1000 },
          { at: 150_000, rate: 1000 },
        ]),
      },
      20_000,
    ],
    ['a fraction of an event rounds up: 1.1 arrivals × 2 = 2.2 → 3', { traffic: traffic(1), duration: 1100 }, 3],
  ])('%s', (_, overrides, events) => {
    expect(estimateEvents(scenario(overrides))).toBe(events);
  });
});

describe('estimateAvailabilityChanges', () => {
  const component = (count: number, mtbfHours: number, mttrHours: number) => ({
    name: 'c',
    mtbfHours,
    mttrHours,
    count,
    needed: 1,
    mode: 'active-active' as const,
    failoverSeconds: 0,
  });
  const sc = (trials: number, components: AvailabilityScenario['components']): AvailabilityScenario => ({
    kind: 'availability',
    name: 'a',
    description: '',
    seed: 1,
    horizonHours: 8760,
    trials,
    components,
  });

  it.each<[string, AvailabilityScenario, number]>([
    // Each instance: 2 × 8760 / (mtbf + mttr) changes + 1 draw past the horizon.
    ['one instance failing once a year: 2 + 1 per trial', sc(1, [component(1, 8750, 10)]), 3],
    ['two instances, cycle 1000 h: 2 × (17.52 + 1) per trial', sc(1, [component(2, 990, 10)]), 37.04],
    ['components add and trials multiply', sc(10, [component(2, 990, 10), component(1, 8750, 10)]), 400.4],
    ['no components: nothing to draw', sc(5, []), 0],
  ])('%s', (_, scenario, changes) => {
    expect(estimateAvailabilityChanges(scenario)).toBeCloseTo(changes, 9);
  });
});

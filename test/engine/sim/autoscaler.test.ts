import { describe, expect, it } from 'vitest';
import { desiredInstances, type AutoscaleOptions } from '../../../src/engine/sim/autoscaler.js';
import { validateDynamic } from '../../../src/engine/sim/dynamics.js';
import { runGateway } from '../../../src/engine/sim/gateway-model.js';

const o: AutoscaleOptions = {
  target: 0.6,
  window: 60_000,
  interval: 15_000,
  startup: 60_000,
  cooldown: 300_000,
  tolerance: 0.1,
  min: 2,
  max: 20,
};

describe('the HPA rule: ceil(ready × utilisation / target)', () => {
  it.each([
    ['at target: no change', 5, 5, 0.6, 5],
    ['within the 10% tolerance: no change', 5, 5, 0.65, 5],
    ['just past it: 5 × 0.67 / 0.6 = 5.58 → 6', 5, 5, 0.67, 6],
    ['saturated: 3 × 1 / 0.6 = 5', 3, 3, 1, 5],
    ['starting instances count as idle: 3 ready of 5, 100% busy → 5, no change', 5, 3, 1, 5],
    ['quiet: 10 × 0.12 / 0.6 = 2', 10, 10, 0.12, 2],
    ['never below min', 4, 4, 0.05, 2],
    ['never above max', 15, 15, 1, 20],
  ])('%s', (_name, current, ready, utilization, expected) => {
    expect(desiredInstances(current, ready, utilization, o)).toBe(expected);
  });
});

describe('autoscaling a gateway', () => {
  // Each instance: 4 workers × 10 ms = 400/s. 2,000/s needs ceil(2,000 / (400 × 0.6)) = 9 instances.
  const run = (autoscale: Record<string, unknown>, duration = '12m') => {
    const { scenario, problems } = validateDynamic({
      kind: 'gateway',
      name: 't',
      duration,
      timeout: '10s',
      traffic: { rate: 2000 },
      server: { workers: 4, service: { dist: 'exponential', mean: '10ms' } },
      instances: 2,
      queue: { limit: 100 },
      autoscale: { target: 0.6, min: 1, max: 30, ...autoscale },
    });
    if (scenario?.kind !== 'gateway') throw new Error(JSON.stringify(problems));
    return runGateway(scenario, 3);
  };

  it('settles at ceil(λ / (capacity × target)) = 9 and then holds within the tolerance', () => {
    const r = run({ window: '10s', interval: '15s', startup: '20s', cooldown: '2m' });
    expect(r.timeline.at(-1)!.instances).toBe(9);
    const last = r.timeline.slice(-200);
    expect(last.every((row) => row.instances === 9)).toBe(true);
  });

  it('new instances take traffic exactly `startup` after the decision', () => {
    const r = run({ window: '10s', interval: '15s', startup: '45s', cooldown: '10m' }, '3m');
    const first = r.scaling[0];
    expect(first).toMatchObject({ at: 15, from: 2, to: 4 });
    expect(r.timeline.find((row) => row.instances > 2)!.t).toBe(15 + 45);
  });

  it('no scale-in before the cooldown has passed since the last decision', () => {
    const { scenario } = validateDynamic({
      kind: 'gateway',
      name: 't',
      duration: '15m',
      timeout: '10s',
      traffic: { rate: 2000, steps: [{ at: '3m', rate: 200 }] },
      server: { workers: 4, service: { dist: 'exponential', mean: '10ms' } },
      instances: 2,
      queue: { limit: 100 },
      autoscale: { target: 0.6, min: 1, max: 30, window: '10s', interval: '15s', startup: '20s', cooldown: '5m' },
    });
    if (scenario?.kind !== 'gateway') throw new Error('invalid');
    const r = runGateway(scenario, 3);
    const scaleIn = r.scaling.find((d) => d.to < d.from)!;
    const before = r.scaling.filter((d) => d.at < scaleIn.at).at(-1)!;
    expect(scaleIn.at - before.at).toBeGreaterThanOrEqual(300);
    expect(scaleIn.to).toBe(1);
  });

  it.each([
    [{ target: 0.6, max: 1, min: 2 }, 'autoscale.max', 'must be at least min'],
    [{ target: 1.5, max: 3 }, 'autoscale.target', 'must be at most 1'],
    [{ target: 0.5 }, 'autoscale.max', 'is required'],
  ])('refuses %j', (autoscale, field, message) => {
    const { problems } = validateDynamic({
      kind: 'gateway',
      name: 't',
      duration: '1m',
      timeout: '1s',
      traffic: { rate: 10 },
      server: { workers: 1, service: { mean: '5ms' } },
      autoscale,
    });
    expect(problems.find((p) => p.field === field)?.message).toContain(message);
  });
});

import { describe, expect, it } from 'vitest';
import {
  autoscaleFields,
  desiredInstances,
  toAutoscale,
  type AutoscaleOptions,
} from '../../../src/engine/sim/autoscaler.js';
import { readScenario, type ScenarioProblem } from '../../../src/engine/sim/fields.js';

/** Collects the problems of one read, as the gateway's validator reports them. */
class FieldReader {
  problems: ScenarioProblem[] = [];
}

/** `autoscale:` as the gateway kind reads it: its zod fields at `autoscale.`, then toAutoscale's rules. */
function readAutoscale(raw: unknown, r: FieldReader, instances: number): AutoscaleOptions | undefined {
  const read = readScenario(autoscaleFields, raw, (fields, fail) => toAutoscale(fields, fail, instances));
  for (const p of read.problems)
    r.problems.push({
      field: p.field === 'instances' || p.field.startsWith('autoscale.') ? p.field : `autoscale.${p.field}`,
      message: p.message,
    });
  return read.scenario;
}

// Binary-exact numbers (halves and quarters) put the rule's edges exactly where the HPA puts them.
const o: AutoscaleOptions = {
  target: 0.5,
  window: 60_000,
  interval: 15_000,
  startup: 60_000,
  cooldown: 300_000,
  tolerance: 0.25,
  min: 1,
  max: 10,
};

describe('desiredInstances at its edges', () => {
  it.each([
    ['ratio exactly 1 + tolerance (4 × 0.625 / (4 × 0.5) = 1.25): no change', 4, 4, 0.625, 4],
    ['ratio exactly 1 − tolerance (0.75): no change', 4, 4, 0.375, 4],
    ['just past 1 + tolerance: ceil(4 × 0.75 / 0.5) = 6', 4, 4, 0.75, 6],
    ['just past 1 − tolerance: ceil(4 × 0.25 / 0.5) = 2', 4, 4, 0.25, 2],
    ['an exact quotient is not rounded up: 2 × 1 / 0.5 = 4', 2, 2, 1, 4],
    ['starting instances count as idle: 2 ready of 4, all busy, ratio 1', 4, 2, 1, 4],
    ['idle: down to min', 4, 4, 0, 1],
    ['clamped to max: 8 × 1 / 0.5 = 16 → 10', 8, 8, 1, 10],
  ])('%s', (_, current, ready, utilization, expected) => {
    expect(desiredInstances(current, ready, utilization, o)).toBe(expected);
  });

  it('a float quotient a hair above an integer is that integer: 7 × 0.3 / 0.7 = 3', () => {
    expect((7 * 0.3) / 0.7).toBeGreaterThan(3);
    expect(desiredInstances(7, 7, 0.3, { ...o, target: 0.7, tolerance: 0.1 })).toBe(3);
  });
});

describe('autoscale, read and checked', () => {
  it('reads every field, times in ms', () => {
    const r = new FieldReader();
    const raw = {
      target: 0.7,
      window: '30s',
      interval: '5s',
      startup: '0s',
      cooldown: '2m',
      tolerance: 0,
      min: 2,
      max: 8,
    };
    expect(readAutoscale(raw, r, 3)).toEqual({
      target: 0.7,
      window: 30_000,
      interval: 5000,
      startup: 0,
      cooldown: 120_000,
      tolerance: 0,
      min: 2,
      max: 8,
    });
    expect(r.problems).toEqual([]);
  });

  it("defaults: the HPA's sync period, stabilisation window and 10% tolerance; min 1", () => {
    const r = new FieldReader();
    expect(readAutoscale({ target: 1, max: 4 }, r, 4)).toEqual({
      target: 1,
      window: 60_000,
      interval: 15_000,
      startup: 60_000,
      cooldown: 300_000,
      tolerance: 0.1,
      min: 1,
      max: 4,
    });
    expect(r.problems).toEqual([]);
  });

  it.each<[Record<string, unknown>, number, string, string]>([
    [{ target: 0.5 }, 1, 'autoscale.max', 'is required'],
    [{ max: 4 }, 1, 'autoscale.target', 'is required'],
    [{ target: 0, max: 4 }, 1, 'autoscale.target', 'must be above 0'],
    [{ target: 1.01, max: 4 }, 1, 'autoscale.target', 'must be at most 1'],
    [{ target: 0.5, max: 4, min: 0 }, 1, 'autoscale.min', 'must be at least 1'],
    [{ target: 0.5, max: 4, min: 1.5 }, 2, 'autoscale.min', 'must be a whole number'],
    [{ target: 0.5, max: 10_001 }, 1, 'autoscale.max', 'must be at most 10,000'],
    [{ target: 0.5, min: 3, max: 2 }, 2, 'autoscale.max', 'must be at least min (3)'],
    [{ target: 0.5, min: 2, max: 4 }, 1, 'instances', 'must be between autoscale.min (2) and autoscale.max (4)'],
    [{ target: 0.5, min: 2, max: 4 }, 5, 'instances', 'must be between autoscale.min (2) and autoscale.max (4)'],
    [{ target: 0.5, max: 4, window: '0s' }, 1, 'autoscale.window', 'must be above 0'],
    [{ target: 0.5, max: 4, interval: '0s' }, 1, 'autoscale.interval', 'must be above 0'],
    [{ target: 0.5, max: 4, cooldown: -1 }, 1, 'autoscale.cooldown', 'must be at least 0'],
    [{ target: 0.5, max: 4, startup: 'soon' }, 1, 'autoscale.startup', 'must be a duration'],
    [{ target: 0.5, max: 4, tolerance: 1.5 }, 1, 'autoscale.tolerance', 'must be at most 1'],
    [{ target: 0.5, max: 4, step: 2 }, 1, 'autoscale.step', 'unknown field'],
  ])('%j with %i instances: %s %s', (raw, instances, field, message) => {
    const r = new FieldReader();
    readAutoscale(raw, r, instances);
    expect(r.problems[0].field).toBe(field);
    expect(r.problems[0].message).toContain(message);
    // A max below min also puts every instance count out of range: that second line is expected.
    expect(r.problems).toHaveLength(field === 'autoscale.max' && raw.min === 3 ? 2 : 1);
  });

  it.each([
    [2, 2],
    [4, 4],
  ])('instances at the bounds (%i of 2…4) are fine', (instances) => {
    const r = new FieldReader();
    readAutoscale({ target: 0.5, min: 2, max: 4 }, r, instances);
    expect(r.problems).toEqual([]);
  });
});

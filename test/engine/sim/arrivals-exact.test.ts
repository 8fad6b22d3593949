import { describe, expect, it } from 'vitest';
import {
  Arrivals,
  arrivals,
  diurnalFactor,
  peakRate,
  toArrivals,
  type ArrivalSpec,
} from '../../../src/engine/sim/arrivals.js';
import { standardExponential } from '../../../src/engine/sim/exponential.js';
import { readScenario, type ScenarioProblem } from '../../../src/engine/sim/fields.js';
import { Rng } from '../../../src/engine/sim/rng.js';

// Exact arrival times, worked by hand: a constant stream at r/s arrives every 1000 / r ms and restarts
// its spacing at each rate change; a Poisson stream's gaps are (1000 / r) × Exp(1).

/** The first `n` arrivals from 0 (fewer when the stream ends). */
function times(spec: ArrivalSpec, n: number, rng: Rng = new Rng(1)): number[] {
  const a = new Arrivals(spec, rng);
  const out: number[] = [];
  for (let t = a.next(0); out.length < n && t !== Infinity; t = a.next(t)) out.push(t);
  return out;
}
const constant = (rate: number, steps: ArrivalSpec['steps'] = []): ArrivalSpec => ({
  rate,
  arrival: 'constant',
  steps,
});

describe('constant arrivals: exact times', () => {
  it.each<[string, ArrivalSpec, number, number[]]>([
    ['10/s: every 100 ms', constant(10), 3, [100, 200, 300]],
    // 300 is not before the step at 250: the stream stops there, and restarts its spacing at 1000.
    [
      '10/s, 0 from 250 ms, 4/s from 1 s (steps given out of order)',
      constant(10, [
        { at: 1000, rate: 4 },
        { at: 250, rate: 0 },
      ]),
      4,
      [100, 200, 1250, 1500],
    ],
    // An arrival landing exactly on a step is not before it: the step's rate applies from there.
    ['10/s, 5/s from 200 ms: 100, then 200 + 200', constant(10, [{ at: 200, rate: 5 }]), 3, [100, 400, 600]],
    ['0/s, 2/s from 500 ms', constant(0, [{ at: 500, rate: 2 }]), 2, [1000, 1500]],
    ['0/s for good: no arrival at all', constant(0), 3, []],
    ['a step back to 0 ends the stream', constant(10, [{ at: 250, rate: 0 }]), 5, [100, 200]],
  ])('%s', (_, spec, n, expected) => {
    expect(times(spec, n)).toEqual(expected);
  });

  it.each([
    [0, 10],
    [249.9, 10],
    [250, 0],
    [999, 0],
    [1000, 4],
    [1e9, 4],
  ])('the step rate at %d ms is %d/s', (t, rate) => {
    const a = new Arrivals(
      constant(10, [
        { at: 1000, rate: 4 },
        { at: 250, rate: 0 },
      ]),
      new Rng(1),
    );
    expect(a.rateAt(t)).toBe(rate);
  });
});

describe('poisson arrivals', () => {
  it('gaps of (1000 / rate) × Exp(1), from the same stream', () => {
    const ref = new Rng(9);
    const gaps = [0, 0, 0].map(() => 50 * standardExponential(ref));
    const got = times({ rate: 20, arrival: 'poisson', steps: [] }, 3, new Rng(9));
    expect(got[0]).toBeCloseTo(gaps[0], 9);
    expect(got[1]).toBeCloseTo(gaps[0] + gaps[1], 9);
    expect(got[2]).toBeCloseTo(gaps[0] + gaps[1] + gaps[2], 9);
  });
});

describe('poisson after a pause', () => {
  it('no draw is spent while the rate is 0: the first arrival after the step is 500 + 50 × Exp(1), the first draw', () => {
    const ref = new Rng(11);
    const first = 500 + 50 * standardExponential(ref);
    const got = times({ rate: 0, arrival: 'poisson', steps: [{ at: 500, rate: 20 }] }, 1, new Rng(11));
    expect(got[0]).toBeCloseTo(first, 9);
  });
});

describe('bursts', () => {
  // A constant stream makes the times exact; the switches are off·E₁, then on·E₂, off·E₃ … drawn from the rng.
  it('10/s while off, ×3 while on: spacing restarts at each switch', () => {
    const ref = new Rng(3);
    const on = 1000 * standardExponential(ref);
    const off = on + 2000 * standardExponential(ref);
    const spec: ArrivalSpec = { ...constant(10), bursts: { on: 2000, off: 1000, factor: 3 } };
    const got = times(spec, 400, new Rng(3)).filter((t) => t < off + 150);
    const before = got.filter((t) => t < on);
    const during = got.filter((t) => t >= on && t < off);
    const after = got.filter((t) => t >= off);
    expect(before).toEqual(before.map((_, k) => 100 * (k + 1)));
    expect(during[0]).toBeCloseTo(on + 1000 / 30, 9);
    during.forEach((t, k) => expect(t).toBeCloseTo(on + ((k + 1) * 1000) / 30, 6));
    expect(during.length).toBe(Math.ceil((off - on) / (1000 / 30)) - 1);
    expect(after[0]).toBeCloseTo(off + 100, 9);
  });

  it('a factor of 0 pauses the stream while on', () => {
    const ref = new Rng(4);
    const on = 1000 * standardExponential(ref);
    const off = on + 1000 * standardExponential(ref);
    const spec: ArrivalSpec = { ...constant(10), bursts: { on: 1000, off: 1000, factor: 0 } };
    const got = times(spec, 400, new Rng(4)).filter((t) => t < off + 150);
    expect(got.filter((t) => t >= on && t < off)).toEqual([]);
    expect(got.find((t) => t >= off)).toBeCloseTo(off + 100, 9);
  });
});

describe('diurnal thinning', () => {
  // A generator whose uniforms are all ½: a candidate is kept only where the cycle's factor exceeds ½.
  const half = { next: () => 0.5, nextOpen: () => 0.5, nextI32: () => 0 } as unknown as Rng;
  const spec = (rate: number): ArrivalSpec => ({
    ...constant(rate),
    diurnal: { period: 1000, peakAt: 0, trough: 0 },
  });

  it('10/s, cycle of 1 s peaking at 0: factors 0.905, 0.655, 0.345, 0.095, 0, … keep 100, 200, 800, 900, 1000', () => {
    expect(times(spec(10), 5, half)).toEqual([100, 200, 800, 900, 1000]);
  });

  it('4/s: the candidate at 250 ms has a factor of exactly ½, which a draw of ½ does not beat', () => {
    expect(diurnalFactor({ period: 1000, peakAt: 0, trough: 0 }, 250)).toBe(0.5);
    expect(times(spec(4), 1, half)).toEqual([1000]);
  });

  it('a peak a quarter of the period in is where the factor is 1 (and half a period later the trough)', () => {
    const d = { period: 3_600_000, peakAt: 900_000, trough: 0.2 };
    expect(diurnalFactor(d, 900_000)).toBeCloseTo(1, 12);
    expect(diurnalFactor(d, 2_700_000)).toBeCloseTo(0.2, 12);
  });

  it.each([
    [1_800_000, 1],
    [900_000, 0.6],
    [2_700_000, 0.6],
    [0, 0.2],
  ])('trough 0.2, peak at 30 min of an hour: the factor at %d ms is %d', (t, factor) => {
    expect(diurnalFactor({ period: 3_600_000, peakAt: 1_800_000, trough: 0.2 }, t)).toBeCloseTo(factor, 12);
  });
});

describe('peakRate', () => {
  it.each<[string, ArrivalSpec, number]>([
    ['the base rate alone', constant(10), 10],
    [
      'the highest step',
      constant(10, [
        { at: 1, rate: 30 },
        { at: 2, rate: 5 },
      ]),
      30,
    ],
    ['a base rate above every step', constant(50, [{ at: 1, rate: 30 }]), 50],
    ['times a burst factor', { ...constant(10, [{ at: 1, rate: 30 }]), bursts: { on: 1, off: 1, factor: 2 } }, 60],
    ['a burst factor below 1 never lowers it', { ...constant(10), bursts: { on: 1, off: 1, factor: 0.5 } }, 10],
  ])('%s', (_, spec, rate) => {
    expect(peakRate(spec)).toBe(rate);
  });
});

/** Collects the problems of one read, as a kind's validator reports them. */
class FieldReader {
  problems: ScenarioProblem[] = [];
}

/** An arrival stream at `at` as a kind reads it: its zod fields, then toArrivals' rules. */
function readArrivals(raw: unknown, at: string, r: FieldReader): ArrivalSpec | undefined {
  const read = readScenario(arrivals(''), raw, (fields, fail) => toArrivals(fields, at, fail));
  for (const p of read.problems)
    r.problems.push({
      field: p.field.startsWith(`${at}.`) ? p.field : [at, p.field].filter(Boolean).join('.'),
      message: p.message,
    });
  return read.scenario;
}

describe('arrivals, read and checked', () => {
  it.each<[string, Record<string, unknown>, ArrivalSpec]>([
    ['defaults: poisson, no steps', { rate: 5 }, { rate: 5, arrival: 'poisson', steps: [] }],
    [
      'every field, times in ms',
      {
        rate: 10,
        arrival: 'poisson',
        steps: [{ at: '30s', rate: 20 }],
        bursts: { on: '2s', off: '8s', factor: 3 },
        diurnal: { period: '12h', peakAt: '6h', trough: 0.3 },
      },
      {
        rate: 10,
        arrival: 'poisson',
        steps: [{ at: 30_000, rate: 20 }],
        bursts: { on: 2000, off: 8000, factor: 3 },
        diurnal: { period: 43_200_000, peakAt: 21_600_000, trough: 0.3 },
      },
    ],
    [
      'a diurnal cycle defaults to a day',
      { rate: 1, diurnal: { trough: 0.5, peakAt: 0 } },
      { rate: 1, arrival: 'poisson', steps: [], diurnal: { period: 86_400_000, peakAt: 0, trough: 0.5 } },
    ],
    ['a constant stream', { rate: 3, arrival: 'constant' }, { rate: 3, arrival: 'constant', steps: [] }],
  ])('%s', (_, raw, spec) => {
    const r = new FieldReader();
    expect(readArrivals(raw, 'traffic', r)).toEqual(spec);
    expect(r.problems).toEqual([]);
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{}, 'producer.rate', 'is required'],
    [{ rate: -1 }, 'producer.rate', 'must be at least 0'],
    [{ rate: 1, arrival: 'bursty' }, 'producer.arrival', 'must be one of poisson, constant'],
    [{ rate: 1, bursts: { off: '1s', factor: 2 } }, 'producer.bursts.on', 'is required'],
    [{ rate: 1, bursts: { on: '1s', factor: 2 } }, 'producer.bursts.off', 'is required'],
    [{ rate: 1, bursts: { on: '0s', off: '1s', factor: 2 } }, 'producer.bursts.on', 'must be above 0'],
    [{ rate: 1, bursts: { on: '1s', off: '0s', factor: 2 } }, 'producer.bursts.off', 'must be above 0'],
    [{ rate: 1, bursts: { on: '1s', off: '1s', factor: 2, jitter: 1 } }, 'producer.bursts.jitter', 'unknown field'],
    [{ rate: 1, steps: 'often' }, 'producer.steps', 'must be a list'],
    [{ rate: 1, diurnal: { peakAt: 0 } }, 'producer.diurnal.trough', 'is required'],
    [{ rate: 1, bursts: { on: '1s', off: '1s' } }, 'producer.bursts.factor', 'is required'],
    [{ rate: 1, bursts: { on: '1s', off: '1s', factor: -1 } }, 'producer.bursts.factor', 'must be at least 0'],
    [{ rate: 1, diurnal: { trough: 1.5, peakAt: 0 } }, 'producer.diurnal.trough', 'must be at most 1'],
    [{ rate: 1, diurnal: { trough: 0.5, peakAt: 0, period: '0s' } }, 'producer.diurnal.period', 'must be above 0'],
    [{ rate: 1, diurnal: { trough: 0.5, peakAt: 'noon' } }, 'producer.diurnal.peakAt', 'must be a duration'],
    [{ rate: 1, diurnal: { trough: 0.5, peakAt: 0, phase: 1 } }, 'producer.diurnal.phase', 'unknown field'],
    [
      { rate: 1, arrival: 'constant', diurnal: { trough: 0.5, peakAt: 0 } },
      'producer.arrival',
      'bursts and diurnal modulate a Poisson stream: use arrival: poisson',
    ],
  ])('%j: %s %s', (raw, field, message) => {
    const r = new FieldReader();
    readArrivals(raw, 'producer', r);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].field).toBe(field);
    expect(r.problems[0].message).toContain(message);
  });

  it('a diurnal cycle needs its peak; bursts or a cycle that are no mapping are one problem, at that field', () => {
    const r = new FieldReader();
    readArrivals({ rate: 1, diurnal: { trough: 0.5 } }, 'traffic', r);
    expect(r.problems).toEqual([{ field: 'traffic.diurnal.peakAt', message: 'is required' }]);
    const b = new FieldReader();
    readArrivals({ rate: 1, bursts: 'yes' }, 'traffic', b);
    expect(b.problems.map((p) => p.field)).toEqual(['traffic.bursts']);
    const d = new FieldReader();
    readArrivals({ rate: 1, diurnal: 'daily' }, 'traffic', d);
    expect(d.problems.map((p) => p.field)).toEqual(['traffic.diurnal']);
  });
});

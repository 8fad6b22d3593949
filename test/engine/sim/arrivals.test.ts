import { describe, expect, it } from 'vitest';
import { Arrivals, arrivals, diurnalFactor, toArrivals, type ArrivalSpec } from '../../../src/engine/sim/arrivals.js';
import { obj, readScenario } from '../../../src/engine/sim/fields.js';
import { Rng } from '../../../src/engine/sim/rng.js';

/** Arrivals per second over [0, seconds). */
function counts(spec: ArrivalSpec, seconds: number, seed = 1): number[] {
  const a = new Arrivals(spec, new Rng(seed));
  const out = new Array<number>(seconds).fill(0);
  for (let t = a.next(0); t < seconds * 1000; t = a.next(t)) out[Math.floor(t / 1000)] += 1;
  return out;
}
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const dispersion = (xs: number[]) => {
  const m = sum(xs) / xs.length;
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length / m;
};

describe('bursty arrivals (on/off)', () => {
  it.each([
    [100, 1000, 9000, 5, 140],
    [200, 2000, 2000, 3, 400],
  ])(
    'rate %i, on %i ms, off %i ms, ×%i: long-run rate = rate × (on·f + off) / (on + off) = %i, within 2%',
    (rate, on, off, factor, mean) => {
      const c = counts({ rate, arrival: 'poisson', steps: [], bursts: { on, off, factor } }, 20_000);
      expect(rate * ((on * factor + off) / (on + off))).toBeCloseTo(mean, 9);
      expect(Math.abs(sum(c) / c.length / mean - 1)).toBeLessThan(0.02);
      // Poisson counts have variance = mean; bursts make them far more variable.
      expect(dispersion(c)).toBeGreaterThan(10);
    },
  );

  it('plain Poisson keeps its dispersion near 1', () => {
    expect(Math.abs(dispersion(counts({ rate: 100, arrival: 'poisson', steps: [] }, 20_000)) - 1)).toBeLessThan(0.05);
  });
});

describe('diurnal arrivals (thinning)', () => {
  const d = { period: 3_600_000, peakAt: 1_800_000, trough: 0.2 };
  const spec: ArrivalSpec = { rate: 100, arrival: 'poisson', steps: [], diurnal: d };
  const c = counts(spec, 3600 * 4);

  it('a whole period brings rate × period × (trough + (1 − trough) / 2) = 100 × 3,600 × 0.6, within 1%', () => {
    expect(Math.abs(sum(c) / 4 / 216_000 - 1)).toBeLessThan(0.01);
  });

  it.each([
    ['the peak minute', 1770, 1830],
    ['the trough minute', 3570, 3630],
    ['a shoulder minute', 870, 930],
  ])('%s matches the integral of the cosine within 4%', (_name, from, to) => {
    let expected = 0;
    for (let s = from; s < to; s += 1) expected += 100 * diurnalFactor(d, (s + 0.5) * 1000);
    let got = 0;
    for (let k = 0; k < 4; k += 1) for (let s = from; s < to; s += 1) got += c[(k * 3600 + s + 14_400) % 14_400];
    expect(Math.abs(got / 4 / expected - 1)).toBeLessThan(0.04);
  });

  it('is 1 at the peak and the trough half a period away', () => {
    expect([diurnalFactor(d, 1_800_000), diurnalFactor(d, 0), diurnalFactor(d, 3_600_000)]).toEqual([1, 0.2, 0.2]);
  });
});

describe('reading arrivals', () => {
  it.each([
    [
      { rate: 10, arrival: 'constant', bursts: { on: '1s', off: '1s', factor: 2 } },
      'traffic.arrival',
      'use arrival: poisson',
    ],
    [{ rate: 10, diurnal: { peakAt: '8h' } }, 'traffic.diurnal.trough', 'is required'],
    [{ rate: 10, bursts: { on: '1s', off: '1s', factor: 2, jitter: 1 } }, 'traffic.bursts.jitter', 'unknown field'],
  ])('refuses %j', (raw, field, message) => {
    const r = readScenario(obj({ traffic: arrivals('') }), { traffic: raw }, (d, fail) =>
      toArrivals(d.traffic, 'traffic', fail),
    );
    expect(r.problems.find((p) => p.field === field)?.message).toContain(message);
  });
});

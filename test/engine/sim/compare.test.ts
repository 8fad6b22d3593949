import { describe, expect, it } from 'vitest';
import {
  aggregate,
  check,
  compare,
  compareSteps,
  figure,
  seedsFrom,
  type AnyResult,
  type Comparison,
} from '../../../src/engine/sim/compare.js';
import type { Slo } from '../../../src/engine/sim/levers.js';
import type { AvailabilityScenario } from '../../../src/engine/sim/scenario.js';
import { scenario } from './helpers.js';

/** 0, 1, …, n − 1: mean (n − 1) / 2, sample variance n(n + 1) / 12. */
const ramp = (n: number) => Array.from({ length: n }, (_, k) => k);

describe("figure: the mean and Student's t interval", () => {
  // t(0.975, df) from a printed table; the interval's half-width is t · s / √n, so t = half · √n / s.
  it.each([
    [2, 12.706, 0.0005],
    [3, 4.303, 0.0005],
    [11, 2.228, 0.0005],
    [31, 2.042, 0.0005],
    // Past the table: df 31 is 2.0395 (a flat 2.021 up to df 40 was 1 % narrow there).
    [32, 2.0395, 0.0001],
    [36, 2.0301, 0.0001],
    [41, 2.0211, 0.0001],
    [42, 2.0195, 0.0001],
    [51, 2.0086, 0.0001],
    [61, 2.0003, 0.0001],
    [121, 1.9799, 0.0001],
    [1000, 1.9623, 0.0001],
  ])('n = %i: t is the table value %d', (n, t, tolerance) => {
    const f = figure(ramp(n));
    expect(f.mean).toBeCloseTo((n - 1) / 2, 9);
    const half = (f.ci95[1] - f.ci95[0]) / 2;
    expect(f.ci95[0] + half).toBeCloseTo(f.mean, 5);
    expect(Math.abs((half * Math.sqrt(n)) / Math.sqrt((n * (n + 1)) / 12) - t)).toBeLessThan(tolerance);
  });

  it('two values 0 and 2: 1 ± 12.706 · √2 / √2', () => {
    expect(figure([0, 2])).toEqual({ mean: 1, ci95: [-11.706, 13.706] });
  });

  it('rounded to 6 decimals: one value, no interval', () => {
    expect(figure([1 / 3])).toEqual({ mean: 0.333333, ci95: [0.333333, 0.333333] });
  });
});

describe('aggregate: every figure read from its own field', () => {
  // Seed k's result holds 100·i + k in the i-th field, so each mean is 100·i + 1 over seeds 0, 1, 2.
  const requestPaths = [
    'requests.offered',
    'requests.completed',
    'requests.succeeded',
    'requests.failed',
    'requests.timedOut',
    'requests.rejected',
    'requests.shortCircuited',
    'requests.retries',
    'throughput.offeredRps',
    'throughput.goodputRps',
    'latencyMs.mean',
    'latencyMs.p50',
    'latencyMs.p90',
    'latencyMs.p95',
    'latencyMs.p99',
    'latencyMs.p999',
    'latencyMs.max',
    'errorRate',
    'apdex',
  ];
  const availabilityPaths = [
    'availability.mean',
    'availability.p5',
    'availability.p50',
    'availability.p95',
    'downtimeMinutesPerYear.mean',
    'downtimeMinutesPerYear.p5',
    'downtimeMinutesPerYear.p95',
    'analytic.availability',
    'analytic.downtimeMinutesPerYear',
  ];
  function made(paths: string[], k: number): AnyResult {
    const out: Record<string, unknown> = {};
    paths.forEach((path, i) => {
      const [a, b] = path.split('.');
      if (b === undefined) out[a] = 100 * i + k;
      else out[a] = { ...(out[a] as object), [b]: 100 * i + k };
    });
    return out as unknown as AnyResult;
  }

  it.each([
    ['requests', requestPaths],
    ['availability', availabilityPaths],
  ] as const)('%s: each figure in the single-run shape, mean 100·i + 1, interval 1 ± 4.303 / √3', (kind, paths) => {
    const agg = aggregate(
      kind,
      [0, 1, 2].map((k) => made(paths, k)),
    );
    const half = Math.round((4.303 / Math.sqrt(3)) * 1e6) / 1e6;
    const expected: Record<string, unknown> = {};
    paths.forEach((path, i) => {
      const [a, b] = path.split('.');
      const f = { mean: 100 * i + 1, ci95: [100 * i + 1 - half, 100 * i + 1 + half] };
      if (b === undefined) expected[a] = f;
      else expected[a] = { ...(expected[a] as object), [b]: f };
    });
    const sixDigits = (o: unknown) =>
      JSON.parse(JSON.stringify(o), (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v));
    expect(sixDigits(agg)).toEqual(sixDigits(expected));
  });
});

describe('check', () => {
  const flat = (value: number, goodput: number) => ({
    errorRate: { mean: value, ci95: [value - 1, value + 1] as [number, number] },
    throughput: { goodputRps: { mean: goodput, ci95: [goodput, goodput] as [number, number] } },
  });
  it.each<[string, Slo, number, boolean]>([
    ['at the max', { name: 'e', metric: 'errorRate', max: 0.01 }, 0.01, true],
    ['just over the max', { name: 'e', metric: 'errorRate', max: 0.01 }, 0.0101, false],
    ['at the min', { name: 'e', metric: 'errorRate', min: 0.5 }, 0.5, true],
    ['just under the min', { name: 'e', metric: 'errorRate', min: 0.5 }, 0.4999, false],
  ])('a top-level figure %s', (_, slo, value, pass) => {
    expect(check(slo, flat(value, 10))).toEqual({
      name: 'e',
      target: slo.max !== undefined ? `errorRate <= ${slo.max}` : `errorRate >= ${slo.min}`,
      value,
      ci95: [value - 1, value + 1],
      pass,
    });
  });

  it('with nothing served only latency goes unjudged: an error-rate SLO is still judged', () => {
    expect(check({ name: 'e', metric: 'errorRate', max: 1 }, flat(1, 0)).pass).toBe(true);
  });

  it.each([
    ['nothing served: a latency SLO is not met', 0, false],
    ['something served: judged by its mean', 0.5, true],
  ])('%s', (_, goodput, pass) => {
    const agg = {
      latencyMs: { p95: { mean: 0, ci95: [0, 0] as [number, number] } },
      throughput: { goodputRps: { mean: goodput, ci95: [goodput, goodput] as [number, number] } },
    };
    expect(check({ name: 'p', metric: 'latencyMs.p95', max: 10 }, agg).pass).toBe(pass);
  });

  it('a latency aggregate without a goodput figure is judged by its mean; an SLO with no bound passes', () => {
    const agg = { latencyMs: { p95: { mean: 0, ci95: [0, 0] as [number, number] } } };
    expect(check({ name: 'p', metric: 'latencyMs.p95', max: 10 }, agg).pass).toBe(true);
    expect(check({ name: 'p', metric: 'latencyMs.p95' }, agg).pass).toBe(true);
  });

  it('an availability aggregate has no goodput: its latency-free SLOs are judged by their mean', () => {
    const agg = { availability: { mean: { mean: 0.9995, ci95: [0.999, 1] as [number, number] } } };
    expect(check({ name: 'a', metric: 'availability.mean', min: 0.999 }, agg).pass).toBe(true);
  });
});

describe('seedsFrom', () => {
  it.each([
    [7, 3, [7, 8, 9]],
    [4_294_967_295, 3, [4_294_967_295, 0, 1]],
    [1, 0, []],
  ])('from %i, %i seeds: %j (wrapping at 2³²)', (first, count, seeds) => {
    expect(seedsFrom(first, count)).toEqual(seeds);
  });
});

describe('compareSteps', () => {
  // One server at ρ = 0.5 for two simulated seconds: a run takes milliseconds.
  const baseline = scenario({ duration: 2000, slos: [{ name: 'p95', metric: 'latencyMs.p95', max: 1000 }] });
  const variant = scenario({
    duration: 2000,
    name: 'slower',
    servers: [{ count: 1, workers: 1, queue: 1000, weight: 1, service: { dist: 'constant', mean: 9 } }],
    slos: [{ name: 'p95', metric: 'latencyMs.p95', max: 8.5 }],
  });
  function drain(g: Generator<{ done: number; total: number }, Comparison>) {
    const steps: Array<[number, number]> = [];
    for (;;) {
      const s = g.next();
      if (s.done) return { steps, result: s.value };
      steps.push([s.value.done, s.value.total]);
    }
  }

  it('one step per run; a kept baseline is not run again and is the one reported', () => {
    const kept = new Map<number, AnyResult>();
    const first = drain(compareSteps(baseline, variant, [1, 2], kept));
    expect(first.steps).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect([...kept.keys()]).toEqual([1, 2]);
    const second = drain(compareSteps(baseline, variant, [1, 2, 3], kept));
    expect(second.steps).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect(second.result.firstBaseline).toBe(kept.get(1));
    expect(second.result.seeds).toEqual([1, 2, 3]);
    expect([...kept.keys()]).toEqual([1, 2, 3]);
  });

  it("the variant's SLOs judge both sides: a constant 9 ms service never meets P95 ≤ 8.5 ms, the baseline's 5 ms mean does", () => {
    const { result } = drain(compareSteps(baseline, variant, [1, 2]));
    expect(result.firstBaseline).toMatchObject({ scenario: 'test', seed: 1 });
    expect(result.firstVariant).toMatchObject({ scenario: 'slower', seed: 1 });
    expect(result.verdict.pass).toBe(false);
    expect(result.verdict.checks.map((c) => [c.name, c.pass])).toEqual([['p95', false]]);
    expect((result.variant.latencyMs as Record<string, { mean: number }>).p50.mean).toBeGreaterThanOrEqual(9);
    expect(result.baselineChecks.map((c) => c.target)).toEqual(['latencyMs.p95 <= 8.5']);
    expect(compare(baseline, variant, [1, 2])).toEqual(result);
    // The other way round the 5 ms side is judged against P95 ≤ 1,000 ms, and passes.
    expect(compare(variant, baseline, [1]).verdict).toMatchObject({
      pass: true,
      checks: [{ name: 'p95', pass: true }],
    });
  });

  it('with no SLOs the verdict passes trivially; an availability scenario is compared on its own figures', () => {
    const sc: AvailabilityScenario = {
      kind: 'availability',
      name: 'one',
      description: '',
      seed: 1,
      horizonHours: 1000,
      trials: 2,
      components: [
        { name: 'db', mtbfHours: 100, mttrHours: 1, count: 1, needed: 1, mode: 'active-active', failoverSeconds: 0 },
      ],
    };
    const result = compare(sc, sc, [5]);
    expect(result.verdict).toEqual({ pass: true, checks: [] });
    expect(result.firstBaseline).toMatchObject({ kind: 'availability', seed: 5 });
    // MTBF 100 h, MTTR 1 h: the analytic availability is 100 / 101.
    expect((result.baseline.analytic as Record<string, { mean: number }>).availability.mean).toBeCloseTo(100 / 101, 6);
  });
});

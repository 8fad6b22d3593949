import { runAvailability, type AvailabilityResult } from './availability-model.js';
import { DYNAMIC_FIGURES, figureSource } from './dynamics-figures.js';
import { isDynamicScenario, runDynamic, type DynamicRun } from './dynamics.js';
import type { LeverModel } from './lever-fields.js';
import { sloTarget, type Slo } from './levers.js';
import { round } from './metrics.js';
import { runScenario } from './model.js';
import { toResult, type SimResult } from './result.js';

/** A figure over several seeds: its mean and the 95% confidence interval of that mean. */
export interface Figure {
  mean: number;
  /** [low, high], Student's t on the seeds' values (a single seed gives [mean, mean]). */
  ci95: [number, number];
}

/** A single run's result, numbers only, each a {@link Figure}: the same field names as one run's JSON. */
export interface Aggregate {
  [key: string]: Figure | Aggregate;
}

/** One SLO judged on an aggregate. */
export interface Check {
  name: string;
  target: string;
  value: number;
  ci95: [number, number];
  pass: boolean;
}

/** What a comparison leaves behind; the command prints the public part, the UI shows the rest. */
export interface Comparison {
  baseline: Aggregate;
  variant: Aggregate;
  /** The variant judged against every SLO (pass when every check passes; no SLOs pass trivially). */
  verdict: { pass: boolean; checks: Check[] };
  /** The baseline judged the same way, for a side-by-side report. */
  baselineChecks: Check[];
  /** The first seed's full results (per-second timeline, breaker transitions). */
  firstBaseline: AnyResult;
  firstVariant: AnyResult;
  seeds: number[];
}

type AnyScenario = LeverModel;
/** One run's JSON result, of any kind. */
export type AnyResult = SimResult | Omit<AvailabilityResult, 'wallMs'> | DynamicRun;

/** The figures a comparison averages, by kind, in the order of the single-run JSON. */
const FIGURES: Record<AnyScenario['kind'], readonly string[]> = {
  requests: [
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
  ],
  availability: [
    'availability.mean',
    'availability.p5',
    'availability.p50',
    'availability.p95',
    'downtimeMinutesPerYear.mean',
    'downtimeMinutesPerYear.p5',
    'downtimeMinutesPerYear.p95',
    'analytic.availability',
    'analytic.downtimeMinutesPerYear',
  ],
  ...DYNAMIC_FIGURES,
};

/** Student's t at 97.5% for 1 … 30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The normal distribution's 97.5% point. */
const Z = 1.959963984540054;

/**
 * Student's t at 97.5% past the table (df > 30), by its expansion in 1/df around the normal
 * (Abramowitz & Stegun 26.7.5): within 0.0001 of the exact value from df 10 on.
 */
export function t975(df: number): number {
  const z2 = Z * Z;
  const g1 = (Z * (z2 + 1)) / 4;
  const g2 = (Z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (Z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (Z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return Z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/** The mean of `values` and its 95% interval. */
export function figure(values: readonly number[]): Figure {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean: round(mean, 6), ci95: [round(mean, 6), round(mean, 6)] };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  const t = T975[n - 2] ?? t975(n - 1);
  const half = (t * Math.sqrt(variance)) / Math.sqrt(n);
  return { mean: round(mean, 6), ci95: [round(mean - half, 6), round(mean + half, 6)] };
}

/** The number at a dotted path of a run's result (a dynamics run's figures come from {@link figureSource}). */
function read(result: AnyResult, path: string): number {
  let node: unknown = 'kind' in result && isDynamicScenario(result) ? figureSource(result as DynamicRun) : result;
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  return node as number;
}

/** The figure at a dotted path of an aggregate (`latencyMs.p95`, `closed.latencyMs.p99`). */
export function figureAt(agg: Aggregate, path: string): Figure {
  let node: Figure | Aggregate = agg;
  for (const key of path.split('.')) node = (node as Aggregate)[key];
  return node as Figure;
}

/** Average results of one kind into the single-run shape. */
export function aggregate(kind: AnyScenario['kind'], results: readonly AnyResult[]): Aggregate {
  const out: Aggregate = {};
  for (const path of FIGURES[kind]) {
    const keys = path.split('.');
    let node = out;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Aggregate;
    node[keys[keys.length - 1]] = figure(results.map((r) => read(r, path)));
  }
  return out;
}

/** Judge an SLO on an aggregate by its mean. */
export function check(slo: Slo, agg: Aggregate): Check {
  const a = slo.metric.split('.')[0];
  const f = figureAt(agg, slo.metric);
  // Latency is measured on successful requests: with none served, a latency SLO is not met (a P95 of 0 is no answer).
  const goodput = (agg.throughput as Aggregate | undefined)?.goodputRps as Figure | undefined;
  const unserved = a === 'latencyMs' && goodput !== undefined && goodput.mean === 0;
  const pass = !unserved && (slo.max !== undefined ? f.mean <= slo.max : f.mean >= (slo.min ?? -Infinity));
  return { name: slo.name, target: sloTarget(slo), value: f.mean, ci95: f.ci95, pass };
}

/** One run of a scenario on a seed, shaped as its JSON result (wall time 0: the engine has no clock). */
export function runOnce(sc: AnyScenario, seed: number): AnyResult {
  if (sc.kind === 'availability') return runAvailability(sc, seed);
  // A metastable comparison judges the first variant (the system as written); the file's other variants
  // are its own comparison, for `simulate ID`, and would triple the work.
  if (sc.kind === 'metastable') return runDynamic({ ...sc, variants: sc.variants.slice(0, 1) }, seed);
  if (isDynamicScenario(sc)) return runDynamic(sc, seed);
  return toResult(sc.name, seed, sc.duration, sc.warmup, runScenario(sc, seed), 0);
}

/** The seeds of a comparison: the scenario's seed and the ones after it. Both sides run on the same seeds. */
export function seedsFrom(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => (first + k) % 4_294_967_296);
}

/**
 * Run baseline and variant on every seed, one run per step, so a caller can show progress and stay
 * responsive between runs (the UI yields to its input loop at each step). Returns the comparison.
 * `baselineRuns` (by seed) keeps the baseline's results between comparisons of one scenario: the
 * baseline never changes, so a second try runs only the variant.
 */
export function* compareSteps(
  baseline: AnyScenario,
  variant: AnyScenario,
  seeds: readonly number[],
  baselineRuns?: Map<number, AnyResult>,
): Generator<{ done: number; total: number }, Comparison> {
  const base: AnyResult[] = [];
  const mine: AnyResult[] = [];
  const total = seeds.length + seeds.filter((seed) => !baselineRuns?.has(seed)).length;
  let done = 0;
  for (const seed of seeds) {
    const kept = baselineRuns?.get(seed);
    if (kept) base.push(kept);
    else {
      const run = runOnce(baseline, seed);
      baselineRuns?.set(seed, run);
      base.push(run);
      yield { done: (done += 1), total };
    }
    mine.push(runOnce(variant, seed));
    yield { done: (done += 1), total };
  }
  return assemble(baseline, variant, seeds, base, mine);
}

/** A comparison from the runs of both sides, one per seed in order (runs made elsewhere, e.g. a worker thread). */
export function assemble(
  baseline: AnyScenario,
  variant: AnyScenario,
  seeds: readonly number[],
  base: readonly AnyResult[],
  mine: readonly AnyResult[],
): Comparison {
  const b = aggregate(baseline.kind, base);
  const v = aggregate(variant.kind, mine);
  const slos = variant.slos ?? [];
  const checks = slos.map((slo) => check(slo, v));
  return {
    baseline: b,
    variant: v,
    verdict: { pass: checks.every((c) => c.pass), checks },
    baselineChecks: slos.map((slo) => check(slo, b)),
    firstBaseline: base[0],
    firstVariant: mine[0],
    seeds: [...seeds],
  };
}

/** The whole comparison at once (the command line has nothing to do between runs). */
export function compare(baseline: AnyScenario, variant: AnyScenario, seeds: readonly number[]): Comparison {
  const steps = compareSteps(baseline, variant, seeds);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

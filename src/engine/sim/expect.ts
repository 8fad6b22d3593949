import type { AvailabilityResult } from './availability-model.js';
import type { SimResult } from './result.js';
import type { ScenarioProblem } from './fields.js';

/**
 * What a scenario file may claim about its own run, as `expect: { p95Ms: [400, 600] }`: each metric
 * with the inclusive range its run (with the file's seed) must fall in. `questions validate` runs the
 * scenario and warns when a claim is contradicted, so a description cannot drift from its result.
 */
export type Expect = Partial<Record<ExpectMetric, [number, number]>>;

const REQUEST_METRICS = {
  /** Mean latency of successful requests (ms). */
  meanMs: (r: SimResult) => r.latencyMs.mean,
  p50Ms: (r: SimResult) => r.latencyMs.p50,
  p95Ms: (r: SimResult) => r.latencyMs.p95,
  p99Ms: (r: SimResult) => r.latencyMs.p99,
  /** Failed ÷ completed, 0–1. */
  errorRate: (r: SimResult) => r.errorRate,
  retries: (r: SimResult) => r.requests.retries,
  shortCircuited: (r: SimResult) => r.requests.shortCircuited,
  goodputRps: (r: SimResult) => r.throughput.goodputRps,
  /** The busiest server's utilisation, 0–1. */
  utilization: (r: SimResult) => Math.max(...r.servers.map((s) => s.utilization)),
  /** How many times the breaker opened. */
  breakerOpens: (r: SimResult) => r.breaker.transitions.filter((t) => t.to === 'open').length,
};
const AVAILABILITY_METRICS = {
  /** Mean simulated availability, in percent. */
  availability: (r: Pick<AvailabilityResult, 'availability'>) => r.availability.mean * 100,
  downtimeMinutesPerYear: (r: Pick<AvailabilityResult, 'downtimeMinutesPerYear'>) => r.downtimeMinutesPerYear.mean,
};

export type ExpectMetric = keyof typeof REQUEST_METRICS | keyof typeof AVAILABILITY_METRICS;

/** The metrics a scenario of each kind may make claims about (for the JSON Schema and messages). */
export const EXPECT_METRICS: Record<'requests' | 'availability', string[]> = {
  requests: Object.keys(REQUEST_METRICS),
  availability: Object.keys(AVAILABILITY_METRICS),
};

/** A claim the run contradicts. */
export interface Contradiction {
  metric: ExpectMetric;
  range: [number, number];
  actual: number;
}

/** Validate a scenario file's `expect` mapping for a scenario of this kind. */
export function validateExpect(
  raw: unknown,
  kind: 'requests' | 'availability',
): { expect?: Expect; problems: ScenarioProblem[] } {
  if (raw === undefined) return { problems: [] };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { problems: [{ field: 'expect', message: 'must be a mapping such as { p95Ms: [400, 600] }' }] };
  const known = EXPECT_METRICS[kind];
  const problems: ScenarioProblem[] = [];
  const expect: Expect = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = `expect.${key}`;
    if (!known.includes(key))
      problems.push({ field, message: `unknown metric for a ${kind} scenario (known: ${known.join(', ')})` });
    else if (
      !Array.isArray(value) ||
      value.length !== 2 ||
      !value.every((v) => typeof v === 'number' && Number.isFinite(v)) ||
      value[0] > value[1]
    ) {
      problems.push({ field, message: 'must be a range [low, high] of two numbers, low ≤ high' });
    } else expect[key as ExpectMetric] = [value[0], value[1]];
  }
  return problems.length > 0 ? { problems } : { expect, problems };
}

/** The declared claims a run contradicts, in the order declared. */
export function checkExpect(expect: Expect, result: SimResult | Omit<AvailabilityResult, 'wallMs'>): Contradiction[] {
  const out: Contradiction[] = [];
  for (const [metric, range] of Object.entries(expect) as Array<[ExpectMetric, [number, number]]>) {
    const actual =
      'kind' in result && result.kind === 'availability'
        ? metric in AVAILABILITY_METRICS
          ? AVAILABILITY_METRICS[metric as keyof typeof AVAILABILITY_METRICS](result)
          : NaN
        : metric in REQUEST_METRICS
          ? REQUEST_METRICS[metric as keyof typeof REQUEST_METRICS](result as SimResult)
          : NaN;
    if (!(actual >= range[0] && actual <= range[1])) out.push({ metric, range, actual });
  }
  return out;
}

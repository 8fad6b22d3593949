import type { AnyResult, Figure } from './compare.js';
import { isDynamicScenario, type DynamicRun } from './dynamics.js';
import type { LeverModel } from './lever-fields.js';

type Row = { label: string; path: string; digits: number; scale?: number };

/** The rows a dynamics comparison shows first (a short terminal shows the first four). */
const DYNAMIC_ROWS: Record<Exclude<LeverModel['kind'], 'requests' | 'availability'>, Row[]> = {
  kafka: [
    { label: 'max backlog msgs', path: 'lag.maxBacklog', digits: 0 },
    { label: 'max time lag s', path: 'lag.maxSeconds', digits: 1 },
    { label: 'e2e P99 ms', path: 'e2eLatencyMs.p99', digits: 0 },
    { label: 'final backlog', path: 'lag.finalBacklog', digits: 0 },
    { label: 'duplicates', path: 'messages.duplicates', digits: 0 },
    { label: 'growth if healthy', path: 'analytic.backlogGrowthPerSec', digits: 1 },
  ],
  'closed-loop': [
    { label: 'closed req/s', path: 'closed.throughputRps', digits: 1 },
    { label: 'closed R ms', path: 'closed.meanResponseMs', digits: 1 },
    { label: 'N/(R+Z) req/s', path: 'law.throughputRps', digits: 1 },
    { label: 'open P99 ms', path: 'open.latencyMs.p99', digits: 0 },
    { label: 'closed P99 ms', path: 'closed.latencyMs.p99', digits: 0 },
    { label: 'corrected P99 ms', path: 'closed.correctedLatencyMs.p99', digits: 0 },
  ],
  metastable: [
    { label: 'recovered %', path: 'recovered', digits: 0, scale: 100 },
    { label: 'end goodput/s', path: 'end.goodputRps', digits: 0 },
    { label: 'end errors %', path: 'end.errorRate', digits: 1, scale: 100 },
    { label: 'retries', path: 'retries', digits: 0 },
    { label: 'before goodput/s', path: 'before.goodputRps', digits: 0 },
    { label: 'during errors %', path: 'during.errorRate', digits: 1, scale: 100 },
  ],
  gateway: [
    { label: 'rejected %', path: 'rejectRate', digits: 1, scale: 100 },
    { label: 'P99 ms', path: 'latencyMs.p99', digits: 1 },
    { label: 'admitted req/s', path: 'throughput.admittedRps', digits: 0 },
    { label: 'goodput req/s', path: 'throughput.goodputRps', digits: 0 },
    { label: 'timed out %', path: 'errorRate', digits: 2, scale: 100 },
    { label: 'P95 ms', path: 'latencyMs.p95', digits: 1 },
  ],
  cache: [
    { label: 'DB peak reads/s', path: 'database.peakReadsPerSec', digits: 0 },
    { label: 'hit ratio %', path: 'hitRatio', digits: 2, scale: 100 },
    { label: 'max ms', path: 'latencyMs.max', digits: 0 },
    { label: 'P99 ms', path: 'latencyMs.p99', digits: 1 },
    { label: 'DB reads', path: 'database.reads', digits: 0 },
    { label: 'hot key reads', path: 'hottestKeyMaxConcurrentReads', digits: 0 },
  ],
  hedge: [
    { label: 'hedged P99 ms', path: 'hedged.latencyMs.p99', digits: 1 },
    { label: 'work/request', path: 'hedged.workPerRequest', digits: 3 },
    { label: 'hedged P95 ms', path: 'hedged.latencyMs.p95', digits: 1 },
    { label: 'hedged P99.9 ms', path: 'hedged.latencyMs.p999', digits: 1 },
    { label: 'unhedged P99 ms', path: 'baseline.latencyMs.p99', digits: 1 },
    { label: 'closed-form P99', path: 'analytic.p99', digits: 1 },
  ],
};

/** A figure as `mean ±half` with the digits a reader needs. */
export function formatFigure(f: Figure, digits: number, scale = 1): string {
  const half = ((f.ci95[1] - f.ci95[0]) / 2) * scale;
  return `${(f.mean * scale).toFixed(digits)} ±${half.toFixed(digits)}`;
}

/** The rows of a side-by-side table: label, how to read it from an aggregate, digits and scale. */
export function comparisonRows(kind: LeverModel['kind']): Row[] {
  if (kind !== 'requests' && kind !== 'availability') return DYNAMIC_ROWS[kind];
  if (kind === 'availability') {
    return [
      { label: 'availability %', path: 'availability.mean', digits: 4, scale: 100 },
      { label: 'downtime min/yr', path: 'downtimeMinutesPerYear.mean', digits: 1 },
      { label: 'analytic %', path: 'analytic.availability', digits: 4, scale: 100 },
    ];
  }
  return [
    { label: 'P50 ms', path: 'latencyMs.p50', digits: 1 },
    { label: 'P95 ms', path: 'latencyMs.p95', digits: 1 },
    { label: 'P99 ms', path: 'latencyMs.p99', digits: 1 },
    { label: 'error rate %', path: 'errorRate', digits: 2, scale: 100 },
    { label: 'goodput req/s', path: 'throughput.goodputRps', digits: 0 },
    { label: 'retries', path: 'requests.retries', digits: 0 },
  ];
}

export { figureAt } from './compare.js';

/** The per-second series (first seed) a dynamics comparison charts (what its kind's story turns on); none for hedging. */
export function dynamicSeries(run: AnyResult): { label: string; unit: string; values: number[] } | undefined {
  if (!('kind' in run) || !isDynamicScenario(run)) return undefined;
  const r = run as DynamicRun;
  switch (r.kind) {
    case 'kafka':
      return { label: 'backlog', unit: 'msgs', values: r.timeline.map((row) => row.backlog) };
    case 'closed-loop':
      return { label: 'open P95', unit: 'ms', values: r.timeline.map((row) => row.openP95Ms) };
    case 'metastable':
      return { label: 'goodput', unit: 'req/s', values: r.variants[0].timeline.map((row) => row.goodputRps) };
    case 'gateway':
      return { label: 'goodput', unit: 'req/s', values: r.timeline.map((row) => row.goodputRps) };
    case 'cache':
      return { label: 'DB reads', unit: 'reads/s', values: r.timeline.map((row) => row.dbReadsPerSec) };
    case 'hedge':
      return undefined;
  }
}

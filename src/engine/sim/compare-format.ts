import type { Aggregate, Figure } from './compare.js';
import type { AvailabilityScenario, Scenario } from './scenario.js';

/** A figure as `mean ±half` with the digits a reader needs. */
export function formatFigure(f: Figure, digits: number, scale = 1): string {
  const half = ((f.ci95[1] - f.ci95[0]) / 2) * scale;
  return `${(f.mean * scale).toFixed(digits)} ±${half.toFixed(digits)}`;
}

/** The rows of a side-by-side table: label, how to read it from an aggregate, digits and scale. */
export function comparisonRows(
  kind: Scenario['kind'] | AvailabilityScenario['kind'],
): Array<{ label: string; path: string; digits: number; scale?: number }> {
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

export function figureAt(agg: Aggregate, path: string): Figure {
  const [a, b] = path.split('.');
  return (b === undefined ? agg[a] : (agg[a] as Record<string, Figure>)[b]) as Figure;
}

import type { Transition } from './breaker.js';
import type { TimelineRow } from './metrics.js';
import { round } from './metrics.js';
import type { RunOutput } from './model.js';

/** The JSON result of a request-level run (docs/simulator.md, "The JSON result"). */
export interface SimResult {
  scenario: string;
  seed: number;
  simulatedSeconds: number;
  events: number;
  wallMs: number;
  requests: {
    offered: number;
    completed: number;
    succeeded: number;
    failed: number;
    timedOut: number;
    rejected: number;
    shortCircuited: number;
    retries: number;
  };
  throughput: { offeredRps: number; goodputRps: number };
  latencyMs: { mean: number; p50: number; p90: number; p95: number; p99: number; p999: number; max: number };
  errorRate: number;
  apdex: number;
  servers: Array<{ id: string; utilization: number; served: number; maxQueue: number }>;
  breaker: { transitions: Transition[] };
  timeline: TimelineRow[];
}

/** Shape a run into the JSON result. `wallMs` is measured by the caller (the engine has no clock). */
export function toResult(
  name: string,
  seed: number,
  durationMs: number,
  warmupMs: number,
  run: RunOutput,
  wallMs: number,
): SimResult {
  const m = run.metrics;
  const measured = Math.max(1e-9, (durationMs - warmupMs) / 1000);
  const completed = m.succeeded + m.failed;
  const h = m.latency;
  return {
    scenario: name,
    seed,
    simulatedSeconds: durationMs / 1000,
    events: run.events,
    wallMs: Math.round(wallMs),
    requests: {
      offered: m.offered,
      completed,
      succeeded: m.succeeded,
      failed: m.failed,
      timedOut: m.timedOut,
      rejected: m.rejected,
      shortCircuited: m.shortCircuited,
      retries: m.retries,
    },
    throughput: { offeredRps: round(m.offered / measured, 3), goodputRps: round(m.succeeded / measured, 3) },
    latencyMs: {
      mean: round(h.mean()),
      p50: round(h.quantile(0.5)),
      p90: round(h.quantile(0.9)),
      p95: round(h.quantile(0.95)),
      p99: round(h.quantile(0.99)),
      p999: round(h.quantile(0.999)),
      max: round(h.max()),
    },
    errorRate: completed === 0 ? 0 : round(m.failed / completed, 6),
    apdex: completed === 0 ? 0 : round((m.satisfied + m.tolerating / 2) / completed, 4),
    servers: run.servers.map((s) => ({ ...s, utilization: round(s.utilization) })),
    breaker: { transitions: run.breaker?.transitions ?? [] },
    timeline: m.timeline,
  };
}

/**
 * The result as JSON text, in pieces: indented like JSON.stringify(result, null, 2) but with each
 * timeline row on one line, and the timeline (a row per simulated second, 86,400 for a day) written
 * a thousand rows at a time, so a long run is never one giant string in memory.
 */
export function* resultJsonChunks(result: SimResult): Generator<string> {
  const { timeline, ...rest } = result;
  const head = JSON.stringify({ ...rest, timeline: [] }, null, 2);
  const cut = head.lastIndexOf('[]');
  if (timeline.length === 0) {
    yield `${head}\n`;
    return;
  }
  yield `${head.slice(0, cut)}[\n`;
  const last = timeline.length - 1;
  for (let i = 0; i < timeline.length; i += 1000) {
    let chunk = '';
    for (let k = i; k < Math.min(i + 1000, timeline.length); k += 1)
      chunk += `    ${JSON.stringify(timeline[k])}${k < last ? ',' : ''}\n`;
    yield chunk;
  }
  yield `  ]${head.slice(cut + 2)}\n`;
}

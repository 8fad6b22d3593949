import type { AvailabilityResult } from '../engine/sim/availability-model.js';
import type { SimResult } from '../engine/sim/result.js';
import { sparkline } from '../engine/sim/sparkline.js';

export { sparkline };

const ms = (n: number) => n.toFixed(1);

export function renderSimResult(r: SimResult, columns: number): string {
  const q = r.requests;
  const pct = (n: number) => `${(n * 100).toFixed(2)}%`;
  const out = [
    `${r.scenario} · seed ${r.seed} · ${r.simulatedSeconds} s simulated · ${r.events.toLocaleString('en-US')} events in ${r.wallMs} ms`,
    '',
    'Requests',
    `  offered ${q.offered}  completed ${q.completed}  succeeded ${q.succeeded}  failed ${q.failed}`,
    `  of the failed: timed out ${q.timedOut}  rejected ${q.rejected}  short-circuited ${q.shortCircuited}  ·  retries ${q.retries}`,
    `  throughput: offered ${r.throughput.offeredRps} req/s, goodput ${r.throughput.goodputRps} req/s`,
    `  error rate ${pct(r.errorRate)}  ·  Apdex ${r.apdex.toFixed(3)}`,
    '',
    'Latency of successful requests (ms)',
    `  mean ${ms(r.latencyMs.mean)}  P50 ${ms(r.latencyMs.p50)}  P90 ${ms(r.latencyMs.p90)}  P95 ${ms(r.latencyMs.p95)}  P99 ${ms(r.latencyMs.p99)}  P99.9 ${ms(r.latencyMs.p999)}  max ${ms(r.latencyMs.max)}`,
    '',
    'Servers',
    ...r.servers
      .slice(0, 12)
      .map(
        (s) =>
          `  ${s.id.padEnd(10)} utilization ${pct(s.utilization).padStart(7)}  served ${String(s.served).padStart(8)}  max queue ${s.maxQueue}`,
      ),
    ...(r.servers.length > 12 ? [`  … ${r.servers.length - 12} more (--json has them all)`] : []),
  ];
  if (r.breaker.transitions.length > 0) {
    out.push(
      '',
      'Circuit breaker',
      ...r.breaker.transitions.slice(0, 10).map((t) => `  ${t.at.toFixed(3)} s  ${t.from} → ${t.to}`),
    );
    if (r.breaker.transitions.length > 10) out.push(`  … ${r.breaker.transitions.length - 10} more`);
  }
  const width = Math.max(10, columns - 22);
  const p95 = sparkline(
    r.timeline.map((t) => t.p95Ms),
    width,
  );
  const err = sparkline(
    r.timeline.map((t) => t.errorRate),
    width,
  );
  out.push(
    '',
    `Per second (0 → ${r.timeline.length} s)`,
    `  P95 ms  ${p95.line}  max ${ms(p95.max)}`,
    `  errors  ${err.line}  max ${pct(err.max)}`,
  );
  return `${out.join('\n')}\n`;
}

export function renderAvailability(r: AvailabilityResult): string {
  const pct = (a: number) => `${(a * 100).toFixed(4)}%`;
  return `${[
    `${r.scenario} · seed ${r.seed} · ${r.trials} trials of ${r.horizonHours} h · ${r.wallMs} ms`,
    '',
    `  availability  ${pct(r.availability.mean)} (5th–95th percentile of trials ${pct(r.availability.p5)} – ${pct(r.availability.p95)})`,
    `  analytic      ${pct(r.analytic.availability)}`,
    `  downtime      ${r.downtimeMinutesPerYear.mean} min/year (analytic ${r.analytic.downtimeMinutesPerYear})`,
    ...(r.target !== undefined ? [`  target        ${pct(r.target)}: ${r.meetsTarget ? 'met' : 'NOT met'}`] : []),
    '',
    'Components (simulated vs analytic)',
    ...r.components.map((c) => `  ${c.name.padEnd(20)} ${pct(c.simulated)}  ${pct(c.analytic)}`),
  ].join('\n')}\n`;
}

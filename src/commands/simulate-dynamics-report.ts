import type { DynamicResult } from '../engine/sim/dynamics.js';
import type { CacheResult } from '../engine/sim/cache-model.js';
import type { ClosedLoopResult, Percentiles } from '../engine/sim/closed-loop-model.js';
import type { GatewayResult } from '../engine/sim/gateway-result.js';
import type { HedgePass, HedgeResult } from '../engine/sim/hedge-model.js';
import type { KafkaResult } from '../engine/sim/kafka-result.js';
import type { MetastableResult, Phase } from '../engine/sim/metastable-model.js';
import { sparkline } from './simulate-report.js';

const n = (v: number) => Math.round(v).toLocaleString('en-US');
const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
/** Milliseconds, as seconds from one second on (a lagging consumer's waits run to minutes). */
export const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(v >= 10_000 ? 1 : 2)} s` : `${v.toFixed(1)} ms`);

/** A labelled row of bars for a per-second series, with its maximum. */
export function chart(label: string, values: number[], columns: number, format: (v: number) => string = n): string {
  // Two spaces, the label, the bars, and "  max " with up to ten characters of value.
  const s = sparkline(values, Math.max(10, columns - 34));
  return `  ${label.padEnd(14)}${s.line}  max ${format(s.max)}`;
}

/** The first line of a single run's report. */
function header(r: Exclude<DynamicResult, MetastableResult>): string {
  return `${r.scenario} · seed ${r.seed} · ${r.simulatedSeconds} s simulated · ${r.wallMs} ms`;
}

export function renderDynamic(r: DynamicResult, columns: number): string {
  switch (r.kind) {
    case 'kafka':
      return renderKafka(r, columns);
    case 'closed-loop':
      return renderClosedLoop(r, columns);
    case 'metastable':
      return renderMetastable(r, columns);
    case 'gateway':
      return renderGateway(r, columns);
    case 'cache':
      return renderCache(r, columns);
    case 'hedge':
      return renderHedge(r);
  }
}

function renderHedge(r: HedgeResult): string {
  const row = (label: string, p: HedgePass) =>
    `  ${label.padEnd(8)}${[p.latencyMs.p50, p.latencyMs.p95, p.latencyMs.p99, p.latencyMs.p999, p.latencyMs.max].map((v) => ms(v).padStart(10)).join('')}  ${p.workPerRequest.toFixed(3).padStart(6)}  ${pct(p.utilization).padStart(7)}`;
  return `${[
    header(r),
    '',
    `${n(r.requests)} requests, each run twice: plainly, and hedged after ${ms(r.hedgeAfterMs)}`,
    '(a second copy to another replica; the first answer wins)',
    '',
    `  ${''.padEnd(8)}${['P50', 'P95', 'P99', 'P99.9', 'max'].map((h) => h.padStart(10)).join('')}  ${'work'.padStart(6)}  ${'busy'.padStart(7)}`,
    row('plain', r.baseline),
    row('hedged', r.hedged),
    '',
    `  hedged ${pct(r.hedged.hedgeRate)} of requests; work per request ${r.hedged.workPerRequest.toFixed(3)} (copies processed)`,
    `  without queueing: hedge rate ${pct(r.analytic.hedgeRate)}, P95 ${ms(r.analytic.p95)}, P99 ${ms(r.analytic.p99)}`,
  ].join('\n')}\n`;
}

function renderCache(r: CacheResult, columns: number): string {
  const q = r.requests;
  const t = r.timeline;
  return `${[
    header(r),
    '',
    'Requests',
    `  ${n(q.total)} reads: hits ${n(q.hits)} (stale ${n(q.staleHits)})  misses ${n(q.misses)}  coalesced ${n(q.coalesced)}  failed ${n(q.failed)}`,
    `  hit ratio ${pct(r.hitRatio)} · closed form ${pct(r.analyticHitRatio)} (Poisson, instant reads, base rate)`,
    `  latency: P50 ${ms(r.latencyMs.p50)}  P95 ${ms(r.latencyMs.p95)}  P99 ${ms(r.latencyMs.p99)}  max ${ms(r.latencyMs.max)}`,
    '',
    `Database: ${n(r.database.reads)} reads (${r.database.readsPerSec}/s) · busy ${pct(r.database.utilization)} · longest queue ${n(r.database.maxQueue)}`,
    `  ${n(r.database.peakReadsPerSec)} reads in the busiest second`,
    `  the hottest key had up to ${r.hottestKeyMaxConcurrentReads} reads in flight at once`,
    '',
    `Per second (0 → ${t.length} s)`,
    chart(
      'hit ratio',
      t.map((x) => x.hitRatio),
      columns,
      pct,
    ),
    chart(
      'db reads/s',
      t.map((x) => x.dbReadsPerSec),
      columns,
    ),
    chart(
      'db queue',
      t.map((x) => x.dbQueue),
      columns,
    ),
    chart(
      'P99',
      t.map((x) => x.p99Ms),
      columns,
      ms,
    ),
  ].join('\n')}\n`;
}

function renderGateway(r: GatewayResult, columns: number): string {
  const q = r.requests;
  const t = r.timeline;
  return `${[
    header(r),
    '',
    'Requests',
    `  offered ${n(q.offered)}  admitted ${n(q.admitted)}  succeeded ${n(q.succeeded)}  timed out ${n(q.timedOut)}`,
    ...(q.lostInFlight > 0 ? [`  lost in flight when a zone went down ${n(q.lostInFlight)}`] : []),
    `  rejected at once (not errors): rate-limited ${n(q.rejected.rateLimited)}  queue full ${n(q.rejected.queueFull)}  too old ${n(q.rejected.tooOld)}`,
    `  throughput: offered ${r.throughput.offeredRps} req/s, admitted ${r.throughput.admittedRps}, goodput ${r.throughput.goodputRps}`,
    `  error rate ${pct(r.errorRate)} (failed of those answered) · rejected ${pct(r.rejectRate)} of offered`,
    `  latency of successes: P50 ${ms(r.latencyMs.p50)}  P95 ${ms(r.latencyMs.p95)}  P99 ${ms(r.latencyMs.p99)}  max ${ms(r.latencyMs.max)}`,
    '',
    `Workers: capacity ${r.server.capacityRps} req/s at the start · busy ${pct(r.server.utilization)}`,
    `  ${pct(r.server.wastedShare)} of that work answered clients who had already gone`,
    ...(r.scaling.length > 0
      ? [
          '',
          'Autoscaling decisions (new instances take traffic after their startup time)',
          ...r.scaling
            .slice(0, 8)
            .map(
              (d) =>
                `  ${d.at.toFixed(0).padStart(5)} s  ${d.from} → ${d.to} instances  (utilisation ${pct(d.utilization)})`,
            ),
          ...(r.scaling.length > 8 ? [`  … ${r.scaling.length - 8} more`] : []),
        ]
      : []),
    '',
    `Per second (0 → ${t.length} s)`,
    chart(
      'offered/s',
      t.map((x) => x.offeredRps),
      columns,
    ),
    chart(
      'admitted/s',
      t.map((x) => x.admittedRps),
      columns,
    ),
    chart(
      'goodput/s',
      t.map((x) => x.goodputRps),
      columns,
    ),
    chart(
      'rejected/s',
      t.map((x) => x.rejectedRps),
      columns,
    ),
    chart(
      'failed/s',
      t.map((x) => x.timedOutRps),
      columns,
    ),
    chart(
      'queue',
      t.map((x) => x.queue),
      columns,
    ),
    chart(
      'P95',
      t.map((x) => x.p95Ms),
      columns,
      ms,
    ),
    ...(r.scaling.length > 0 || t.some((x) => x.instances !== t[0].instances)
      ? [
          chart(
            'instances',
            t.map((x) => x.instances),
            columns,
          ),
          chart(
            'utilisation',
            t.map((x) => x.utilization),
            columns,
            pct,
          ),
        ]
      : []),
  ].join('\n')}\n`;
}

function renderMetastable(r: MetastableResult, columns: number): string {
  const cell = (p: Phase) => `${n(p.goodputRps).padStart(6)} ${`${(p.errorRate * 100).toFixed(0)}%`.padStart(4)}`;
  const width = Math.min(20, Math.max(...r.variants.map((v) => v.name.length)) + 1);
  const out = [
    `${r.scenario} · seed ${r.seed} · ${r.simulatedSeconds} s simulated × ${r.variants.length} variants · ${r.wallMs} ms`,
    '',
    `The trigger: ${r.trigger.from} s → ${r.trigger.to} s. Goodput (req/s) and error rate:`,
    `  ${''.padEnd(width)} ${'before'.padStart(11)} ${'during'.padStart(11)} ${'at the end'.padStart(11)}  recovered`,
    ...r.variants.map(
      (v) =>
        `  ${v.name.slice(0, width).padEnd(width)} ${cell(v.before)} ${cell(v.during)} ${cell(v.end)}  ${v.recoveredAfter === null ? 'never (metastable)' : `${v.recoveredAfter} s after`}`,
    ),
    '',
    `Retries: ${r.variants.map((v) => `${v.name} ${n(v.retries)}`).join(' · ')}`,
    '',
    `Goodput per second (0 → ${r.simulatedSeconds} s)`,
    ...r.variants.map((v) =>
      chart(
        v.name.slice(0, 13),
        v.timeline.map((x) => x.goodputRps),
        columns,
      ),
    ),
    `Errors per second (a second is healthy at ≤ ${(r.healthyErrorRate * 100).toFixed(0)}%)`,
    ...r.variants.map((v) =>
      chart(
        v.name.slice(0, 13),
        v.timeline.map((x) => x.errorRate),
        columns,
        pct,
      ),
    ),
  ];
  return `${out.join('\n')}\n`;
}

function renderClosedLoop(r: ClosedLoopResult, columns: number): string {
  const row = (label: string, p: Percentiles) =>
    `  ${label.padEnd(22)}${[p.p50, p.p95, p.p99, p.p999, p.max].map((v) => ms(v).padStart(10)).join('')}`;
  const t = r.timeline;
  return `${[
    header(r),
    '',
    `Closed loop: ${r.users} users who wait for each answer, then think (${ms(r.closed.meanThinkMs)} on average)`,
    `  throughput ${r.closed.throughputRps} req/s · mean response ${ms(r.closed.meanResponseMs)} · ${n(r.closed.requests)} requests`,
    `  N / (R + Z) = ${r.users} / (${ms(r.closed.meanResponseMs)} + ${ms(r.closed.meanThinkMs)}) = ${r.law.throughputRps} req/s`,
    `  exact MVA (exponential service, no stall): ${r.mva.throughputRps} req/s, response ${ms(r.mva.responseMs)}`,
    `Open loop: Poisson arrivals at the same ${r.open.rateRps} req/s, whatever the server does`,
    `  ${n(r.open.requests)} requests`,
    '',
    `  ${''.padEnd(22)}${['P50', 'P95', 'P99', 'P99.9', 'max'].map((h) => h.padStart(10)).join('')}`,
    row('closed, as measured', r.closed.latencyMs),
    row('closed, corrected', r.closed.correctedLatencyMs),
    row('open loop', r.open.latencyMs),
    '',
    `Per second (0 → ${t.length} s)`,
    chart(
      'closed req/s',
      t.map((x) => x.closedRps),
      columns,
    ),
    chart(
      'open req/s',
      t.map((x) => x.openRps),
      columns,
    ),
    chart(
      'closed P95',
      t.map((x) => x.closedP95Ms),
      columns,
      ms,
    ),
    chart(
      'open P95',
      t.map((x) => x.openP95Ms),
      columns,
      ms,
    ),
  ].join('\n')}\n`;
}

function renderKafka(r: KafkaResult, columns: number): string {
  const a = r.analytic;
  const m = r.messages;
  const out = [
    header(r),
    '',
    'Messages',
    `  produced ${n(m.produced)}  processed ${n(m.processed)}  redelivered ${n(m.duplicates)}  out of key order ${n(m.outOfOrder)}`,
    '',
    'Closed form (base rate, every consumer up)',
    `  one consumer processes ${a.perConsumerRate} msg/s; ${a.idleConsumers} consumer(s) idle (no partition left)`,
    `  the group can process ${a.groupRatePerSec} msg/s, sustains ${a.capacityPerSec} · backlog grows ${a.backlogGrowthPerSec} msg/s`,
    '',
    `Lag at the end ${n(r.lag.final)} (log-end − committed) · unprocessed ${n(r.lag.finalBacklog)} (peak ${n(r.lag.maxBacklog)})`,
    `Produce → processed: P50 ${ms(r.e2eLatencyMs.p50)}  P95 ${ms(r.e2eLatencyMs.p95)}  P99 ${ms(r.e2eLatencyMs.p99)}  max ${ms(r.e2eLatencyMs.max)}`,
    `Time lag at its worst (oldest unprocessed message) ${r.lag.maxSeconds} s`,
  ];
  if (r.rebalances.length > 0) {
    out.push(
      '',
      'Rebalances (the whole group stops)',
      ...r.rebalances
        .slice(0, 6)
        .map((b) => `  ${b.at.toFixed(1)} s → ${b.until ? `${b.until.toFixed(1)} s` : 'end'}  ${b.reason}`),
    );
  }
  out.push('', '  PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG        CONSUMER-ID');
  for (const p of r.partitions.slice(0, 12)) {
    out.push(
      `  ${String(p.partition).padEnd(9)}  ${String(p.currentOffset).padEnd(14)}  ${String(p.logEndOffset).padEnd(14)}  ${String(p.lag).padEnd(9)}  ${p.consumer}`,
    );
  }
  if (r.partitions.length > 12) out.push(`  … ${r.partitions.length - 12} more (--json has them all)`);
  out.push('', 'Consumers');
  for (const c of r.consumers.slice(0, 8))
    out.push(
      `  ${c.id.padEnd(12)} partitions ${(c.partitions.join(',') || '-').padEnd(10)} processed ${n(c.processed).padStart(9)}  busy ${pct(c.utilization)}`,
    );
  if (r.consumers.length > 8) out.push(`  … ${r.consumers.length - 8} more`);
  const t = r.timeline;
  out.push(
    '',
    `Per second (0 → ${t.length} s)`,
    chart(
      'backlog',
      t.map((x) => x.backlog),
      columns,
    ),
    chart(
      'consumed/s',
      t.map((x) => x.consumedPerSec),
      columns,
    ),
    chart(
      'consumers',
      t.map((x) => x.consumers),
      columns,
    ),
    chart(
      'e2e P95',
      t.map((x) => x.e2eP95Ms),
      columns,
      ms,
    ),
  );
  return `${out.join('\n')}\n`;
}

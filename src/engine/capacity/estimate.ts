import type { EstimateInputs } from './inputs.js';
import { formatBytes, formatCount, formatDuration, sig3 } from './units.js';

/** One line of the worked derivation, as said aloud in an interview. */
export interface Step {
  label: string;
  /** The formula with the numbers substituted. */
  formula: string;
  value: number;
  unit: string;
}

/** The DESIGN.md JSON document (less `grades`, added by grading). Sections whose inputs are missing are absent. */
export interface Estimate {
  inputs: EstimateInputs;
  traffic?: { requestsPerDay: number; avgRps: number; peakRps: number; readRps?: number; writeRps?: number };
  bandwidth?: { ingressBytesPerSec: number; egressBytesPerSec: number };
  storage?: { bytesPerDay: number; bytesTotal?: number };
  servers?: { needed: number; withRedundancy: number };
  concurrency?: { inFlight: number };
  availability?: {
    target: number;
    downtimeSecPerYear: number;
    downtimeSecPerMonth: number;
    downtimeSecPerWeek: number;
    downtimeSecPerDay: number;
  };
  kafka?: { partitions: number; consumers: number };
  database?: { poolSize: number; queriesPerSec: number };
  cache?: { bytes: number };
  reliability?: { availabilityFromMtbf: number };
  steps: Step[];
}

const DAY = 86_400;
const YEAR = 365 * DAY;
/** A percentage at full precision: 99.99 must not round to 100. */
const pct = (a: number) => `${Number((a * 100).toPrecision(10))}%`;
const f = (n: number) => (Number.isInteger(n) && Math.abs(n) < 1e6 ? String(n) : formatCount(n));

/** Back-of-the-envelope capacity maths with every step shown. Pure: same inputs, same result. */
export function computeEstimate(inputs: EstimateInputs): Estimate {
  const steps: Step[] = [];
  const step = (label: string, formula: string, value: number, unit: string) => {
    steps.push({ label, formula, value, unit });
    return value;
  };
  const out: Estimate = { inputs, steps };

  let requestsPerDay: number | undefined;
  if (inputs.rps !== undefined)
    requestsPerDay = step('Requests per day', `${f(inputs.rps)} req/s × 86,400 s/day`, inputs.rps * DAY, 'req/day');
  else if (inputs.dau !== undefined && inputs.requestsPerUser !== undefined) {
    requestsPerDay = step(
      'Requests per day',
      `${f(inputs.dau)} users × ${f(inputs.requestsPerUser)} req/user/day`,
      inputs.dau * inputs.requestsPerUser,
      'req/day',
    );
  }
  if (requestsPerDay !== undefined) {
    const avgRps = step('Average rate', `${f(requestsPerDay)} req/day ÷ 86,400 s/day`, requestsPerDay / DAY, 'req/s');
    const peakRps = step(
      'Peak rate',
      `${sig3(avgRps)} req/s × peak factor ${inputs.peakFactor}`,
      avgRps * inputs.peakFactor,
      'req/s',
    );
    out.traffic = { requestsPerDay, avgRps, peakRps };
    if (inputs.readWrite) {
      const { read, write } = inputs.readWrite;
      out.traffic.readRps = step(
        'Peak reads',
        `${sig3(peakRps)} req/s × ${read}/(${read}+${write})`,
        (peakRps * read) / (read + write),
        'req/s',
      );
      out.traffic.writeRps = step(
        'Peak writes',
        `${sig3(peakRps)} req/s × ${write}/(${read}+${write})`,
        (peakRps * write) / (read + write),
        'req/s',
      );
    }
    if (inputs.payloadBytes !== undefined) {
      // Writes carry the payload in, reads carry it out; with no split every request does both.
      const inRate = out.traffic.writeRps ?? peakRps;
      const outRate = out.traffic.readRps ?? peakRps;
      out.bandwidth = {
        ingressBytesPerSec: step(
          'Ingress at peak',
          `${sig3(inRate)} ${out.traffic.writeRps === undefined ? 'req' : 'writes'}/s × ${formatBytes(inputs.payloadBytes)}`,
          inRate * inputs.payloadBytes,
          'B/s',
        ),
        egressBytesPerSec: step(
          'Egress at peak',
          `${sig3(outRate)} ${out.traffic.readRps === undefined ? 'req' : 'reads'}/s × ${formatBytes(inputs.payloadBytes)}`,
          outRate * inputs.payloadBytes,
          'B/s',
        ),
      };
    }
    if (inputs.recordBytes !== undefined) {
      const rw = inputs.readWrite;
      const writesPerDay = rw
        ? step(
            'Writes per day',
            `${f(requestsPerDay)} req/day × ${rw.write}/(${rw.read}+${rw.write})`,
            (requestsPerDay * rw.write) / (rw.read + rw.write),
            'writes/day',
          )
        : requestsPerDay;
      const bytesPerDay = step(
        'Storage per day',
        `${f(writesPerDay)} writes/day × ${formatBytes(inputs.recordBytes)}`,
        writesPerDay * inputs.recordBytes,
        'B/day',
      );
      out.storage = { bytesPerDay };
      if (inputs.retentionSec !== undefined) {
        const days = inputs.retentionSec / DAY;
        out.storage.bytesTotal = step(
          'Storage over retention',
          `${formatBytes(bytesPerDay)}/day × ${sig3(days)} days × ${inputs.replication} ${inputs.replication === 1 ? 'copy' : 'copies'}`,
          bytesPerDay * days * inputs.replication,
          'B',
        );
      }
    }
    if (inputs.serverRps !== undefined) {
      const capacity = step(
        'Usable capacity per server',
        `${f(inputs.serverRps)} req/s × ${inputs.utilization} target utilisation`,
        inputs.serverRps * inputs.utilization,
        'req/s',
      );
      // No load needs no server (ceil(0) = 0) and so no spare either.
      const needed = step(
        'Servers needed',
        `ceil(${sig3(peakRps)} ÷ ${sig3(capacity)})`,
        Math.max(0, Math.ceil(peakRps / capacity - 1e-9)),
        'servers',
      );
      out.servers = {
        needed,
        withRedundancy: step(
          'With one spare (N+1)',
          needed === 0 ? '0 (no load, no spare)' : `${needed} + 1`,
          needed === 0 ? 0 : needed + 1,
          'servers',
        ),
      };
    }
    if (inputs.latencySec !== undefined) {
      out.concurrency = {
        inFlight: step(
          "In flight (Little's law)",
          `${sig3(peakRps)} req/s × ${formatDuration(inputs.latencySec)}`,
          peakRps * inputs.latencySec,
          'requests',
        ),
      };
    }
    if (inputs.partitionRps !== undefined) {
      const writes = out.traffic.writeRps ?? peakRps;
      const byBroker = writes / inputs.partitionRps;
      const byConsumer = inputs.consumerRps !== undefined ? writes / inputs.consumerRps : 0;
      const partitions = step(
        'Kafka partitions',
        `ceil(max(${sig3(writes)} ÷ ${f(inputs.partitionRps)} per partition${inputs.consumerRps !== undefined ? `, ${sig3(writes)} ÷ ${f(inputs.consumerRps)} per consumer` : ''}))`,
        Math.max(0, Math.ceil(Math.max(byBroker, byConsumer) - 1e-9)),
        'partitions',
      );
      out.kafka = {
        partitions,
        consumers: step('Consumers (one per partition at most)', `${partitions}`, partitions, 'consumers'),
      };
    }
    if (inputs.queryTimeSec !== undefined) {
      const qps = step(
        'Database queries at peak',
        `${sig3(peakRps)} req/s × ${inputs.queriesPerRequest} queries/req`,
        peakRps * inputs.queriesPerRequest,
        'queries/s',
      );
      out.database = {
        queriesPerSec: qps,
        poolSize: step(
          "Connection pool (Little's law)",
          `ceil(${sig3(qps)} queries/s × ${formatDuration(inputs.queryTimeSec)})`,
          Math.max(0, Math.ceil(qps * inputs.queryTimeSec - 1e-9)),
          'connections',
        ),
      };
    }
    if (inputs.hotFraction !== undefined && inputs.payloadBytes !== undefined) {
      const rw = inputs.readWrite;
      const readsPerDay = rw ? (requestsPerDay * rw.read) / (rw.read + rw.write) : requestsPerDay;
      out.cache = {
        bytes: step(
          'Cache for the hot reads',
          `${f(readsPerDay)} reads/day × ${inputs.hotFraction} hot × ${formatBytes(inputs.payloadBytes)}`,
          readsPerDay * inputs.hotFraction * inputs.payloadBytes,
          'B',
        ),
      };
    }
  }
  if (inputs.availability !== undefined) {
    const a = inputs.availability;
    const down = 1 - a;
    const year = step('Downtime allowed per year', `(1 − ${pct(a)}) × 365 d`, down * YEAR, 's');
    out.availability = {
      target: a,
      downtimeSecPerYear: year,
      downtimeSecPerMonth: step('… per month', `${formatDuration(year)} ÷ 12`, year / 12, 's'),
      downtimeSecPerWeek: step('… per week', `(1 − ${pct(a)}) × 7 d`, down * 7 * DAY, 's'),
      downtimeSecPerDay: step('… per day', `(1 − ${pct(a)}) × 24 h`, down * DAY, 's'),
    };
  }
  if (inputs.mtbfSec !== undefined && inputs.mttrSec !== undefined) {
    out.reliability = {
      availabilityFromMtbf: step(
        'Availability from MTBF and MTTR',
        `${formatDuration(inputs.mtbfSec)} ÷ (${formatDuration(inputs.mtbfSec)} + ${formatDuration(inputs.mttrSec)})`,
        inputs.mtbfSec / (inputs.mtbfSec + inputs.mttrSec),
        'ratio',
      ),
    };
  }
  return out;
}

import type { Estimate } from './estimate.js';
import {
  formatBits,
  formatBytes,
  formatCount,
  formatDuration,
  formatPercent,
  readQuantity,
  UnitError,
} from './units.js';

export type Kind = 'rate' | 'count' | 'bytes' | 'bytesRate' | 'seconds' | 'ratio';

/** A result the user can estimate: where it lives in the estimate, and the step that computes it. */
export interface Gradeable {
  key: string;
  label: string;
  kind: Kind;
  /** Label of the derivation step that produces it. */
  step: string;
  get(e: Estimate): number | undefined;
}

export const GRADEABLE: Gradeable[] = [
  {
    key: 'requestsPerDay',
    label: 'requests per day',
    kind: 'count',
    step: 'Requests per day',
    get: (e) => e.traffic?.requestsPerDay,
  },
  {
    key: 'avgRps',
    label: 'average requests per second',
    kind: 'rate',
    step: 'Average rate',
    get: (e) => e.traffic?.avgRps,
  },
  {
    key: 'peakRps',
    label: 'peak requests per second',
    kind: 'rate',
    step: 'Peak rate',
    get: (e) => e.traffic?.peakRps,
  },
  { key: 'readRps', label: 'peak reads per second', kind: 'rate', step: 'Peak reads', get: (e) => e.traffic?.readRps },
  {
    key: 'writeRps',
    label: 'peak writes per second',
    kind: 'rate',
    step: 'Peak writes',
    get: (e) => e.traffic?.writeRps,
  },
  {
    key: 'ingressBytesPerSec',
    label: 'ingress bandwidth',
    kind: 'bytesRate',
    step: 'Ingress at peak',
    get: (e) => e.bandwidth?.ingressBytesPerSec,
  },
  {
    key: 'egressBytesPerSec',
    label: 'egress bandwidth',
    kind: 'bytesRate',
    step: 'Egress at peak',
    get: (e) => e.bandwidth?.egressBytesPerSec,
  },
  {
    key: 'bytesPerDay',
    label: 'storage per day',
    kind: 'bytes',
    step: 'Storage per day',
    get: (e) => e.storage?.bytesPerDay,
  },
  {
    key: 'bytesTotal',
    label: 'storage over the retention, replicated',
    kind: 'bytes',
    step: 'Storage over retention',
    get: (e) => e.storage?.bytesTotal,
  },
  {
    key: 'serversNeeded',
    label: 'servers needed',
    kind: 'count',
    step: 'Servers needed',
    get: (e) => e.servers?.needed,
  },
  {
    key: 'serversWithRedundancy',
    label: 'servers with one spare',
    kind: 'count',
    step: 'With one spare (N+1)',
    get: (e) => e.servers?.withRedundancy,
  },
  {
    key: 'inFlight',
    label: 'requests in flight',
    kind: 'count',
    step: "In flight (Little's law)",
    get: (e) => e.concurrency?.inFlight,
  },
  {
    key: 'downtimeSecPerYear',
    label: 'downtime allowed per year',
    kind: 'seconds',
    step: 'Downtime allowed per year',
    get: (e) => e.availability?.downtimeSecPerYear,
  },
  {
    key: 'downtimeSecPerMonth',
    label: 'downtime allowed per month',
    kind: 'seconds',
    step: '… per month',
    get: (e) => e.availability?.downtimeSecPerMonth,
  },
  {
    key: 'downtimeSecPerDay',
    label: 'downtime allowed per day',
    kind: 'seconds',
    step: '… per day',
    get: (e) => e.availability?.downtimeSecPerDay,
  },
  {
    key: 'kafkaPartitions',
    label: 'Kafka partitions',
    kind: 'count',
    step: 'Kafka partitions',
    get: (e) => e.kafka?.partitions,
  },
  {
    key: 'dbPoolSize',
    label: 'database connection pool',
    kind: 'count',
    step: "Connection pool (Little's law)",
    get: (e) => e.database?.poolSize,
  },
  {
    key: 'cacheBytes',
    label: 'cache size',
    kind: 'bytes',
    step: 'Cache for the hot reads',
    get: (e) => e.cache?.bytes,
  },
];

export type Verdict = 'within 2×' | 'within 10×' | 'off by more than 10×';

export interface Grade {
  key: string;
  guess: number;
  actual: number;
  /** guess ÷ actual. */
  ratio: number;
  verdict: Verdict;
  /** The step that computes the value, where the user's working and ours part. */
  step: string;
  /** A likely slip when the ratio matches a classic factor (a missed peak factor, per-day vs per-second…). */
  slip?: string;
}

export class GradeError extends Error {}

export function findGradeable(key: string): Gradeable | undefined {
  return GRADEABLE.find((g) => g.key === key);
}

/** A value in its kind's readable unit: `1.16k req/s`, `28.9 TB`, `52.6 min`. */
export function formatValue(kind: Kind, n: number): string {
  switch (kind) {
    case 'rate':
      return `${formatCount(n)} req/s`;
    case 'count':
      return formatCount(n);
    case 'bytes':
      return formatBytes(n);
    case 'bytesRate':
      return `${formatBytes(n)}/s`;
    case 'seconds':
      return formatDuration(n);
    case 'ratio':
      return formatPercent(n);
  }
}

/** Grade a guess (`5000`, `5k`, `2TB`, `52m`) for `key` against the estimate. */
export function gradeGuess(estimate: Estimate, key: string, guessText: string): Grade {
  const g = findGradeable(key);
  if (!g) throw new GradeError(`--guess: unknown key "${key}" (known: ${GRADEABLE.map((x) => x.key).join(', ')})`);
  const actual = g.get(estimate);
  if (actual === undefined)
    throw new GradeError(`--guess ${key}: not computed from these inputs (give the flags its step needs)`);
  const guess = readGuess(g.kind, guessText, `--guess ${key}`);
  const ratio = actual === 0 ? (guess === 0 ? 1 : Infinity) : guess / actual;
  const off = ratio === 0 ? Infinity : Math.max(ratio, 1 / ratio);
  const verdict: Verdict = off <= 2 ? 'within 2×' : off <= 10 ? 'within 10×' : 'off by more than 10×';
  return { key, guess, actual, ratio, verdict, step: g.step, slip: off > 1 ? slip(ratio, estimate) : undefined };
}

function slip(ratio: number, e: Estimate): string | undefined {
  const candidates: Array<[number, string]> = [
    [86_400, 'a factor of 86,400: per day vs per second'],
    [3600, 'a factor of 3,600: per hour vs per second'],
    [e.inputs.peakFactor, `the peak factor (${e.inputs.peakFactor}): average vs peak`],
    [8, 'a factor of 8: bits vs bytes'],
    [1024 / 1000, '1024 vs 1000: binary vs decimal units'],
    [e.inputs.replication, `the replication factor (${e.inputs.replication})`],
    [1000, 'a factor of 1,000: a unit prefix (k, M, ms)'],
    [365, 'a factor of 365: per year vs per day'],
  ];
  for (const [factor, why] of candidates) {
    if (factor <= 1) continue;
    for (const [r, direction] of [
      [ratio, 'too high'],
      [1 / ratio, 'too low'],
    ] as const) {
      // Within 5% of the factor, or within a fifth of its distance from 1 for a factor close to 1
      // (1.024: a guess within 0.5% of it), so a guess merely near the truth is never called a slip.
      if (Math.abs(r / factor - 1) < Math.min(0.05, (factor - 1) / 5)) return `${direction} by ${why}`;
    }
  }
  return undefined;
}

/** A derivation step's value in readable units (its `unit` as the step states it). */
export function formatStepValue(value: number, unit: string): string {
  switch (unit) {
    case 'req/s':
      return formatValue('rate', value);
    case 'B/s':
      return `${formatValue('bytesRate', value)} = ${formatBits(value * 8)}/s`;
    case 'B/day':
      return `${formatValue('bytes', value)}/day`;
    case 'B':
      return formatValue('bytes', value);
    case 's':
      return formatValue('seconds', value);
    case 'ratio':
      return formatValue('ratio', value);
    default:
      return `${formatValue('count', value)} ${unit}`;
  }
}

/** How to read a bare guess for a result of this kind (`52m` is minutes for a downtime). */
export function preferredUnit(kind: Kind): 'count' | 'size' | 'duration' {
  return kind === 'seconds' ? 'duration' : kind === 'bytes' || kind === 'bytesRate' ? 'size' : 'count';
}

const NOUN: Record<Kind, string> = {
  rate: 'a rate',
  count: 'a count',
  bytes: 'a size',
  bytesRate: 'a bandwidth',
  seconds: 'a duration',
  ratio: 'a ratio',
};
/** `926 req/s`, `900 qps`, `661 MB/s`: the per-second unit a rate may be written with. */
const PER_SECOND =
  /\s*(?:(?:req|reqs|requests|msgs?|messages|queries|orders)\s*)?(?:\/\s*s(?:ec|econd)?|per\s+s(?:ec|econd)?)\s*$|\s*(?:rps|qps)\s*$/i;

/**
 * Read a guess for a result of this kind. A guess in another kind of unit ("45 minutes" for a rate,
 * "2 TB" for a count) is refused with a UnitError naming both ("expected a rate, got a duration"),
 * instead of being read as a number of the wrong kind. A bare count (`5k`) fits every kind.
 */
export function readGuess(kind: Kind, text: string, name: string): number {
  const trimmed = text.trim();
  const body = kind === 'rate' || kind === 'bytesRate' ? trimmed.replace(PER_SECOND, '') : trimmed;
  const read = readQuantity(body, name, preferredUnit(kind));
  if (read.kind !== preferredUnit(kind) && read.kind !== 'count') {
    throw new UnitError(
      `${name}: expected ${NOUN[kind]}, got ${read.kind === 'duration' ? 'a duration' : 'a size'} ("${trimmed}")`,
    );
  }
  return read.value;
}

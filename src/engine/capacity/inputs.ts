import { parseCount, parseDuration, parseRate, parseRatio, parseShare, parseSize, UnitError } from './units.js';

/** The estimator's inputs, normalised: rates per second, sizes in bytes, times in seconds. */
export interface EstimateInputs {
  /** Daily active users. */
  dau?: number;
  /** Requests per user per day. */
  requestsPerUser?: number;
  /** Average requests per second (instead of dau × requestsPerUser). */
  rps?: number;
  /** Peak over average. @default 2 */
  peakFactor: number;
  /** Read:write ratio. */
  readWrite?: { read: number; write: number };
  /** Bytes per request on the wire. */
  payloadBytes?: number;
  /** Bytes stored per write. */
  recordBytes?: number;
  /** How long records are kept (seconds). */
  retentionSec?: number;
  /** Copies of each record. @default 1 */
  replication: number;
  /** One instance's capacity (req/s). */
  serverRps?: number;
  /** Target utilisation of each instance, 0–1 (given as 0.7 or 70). @default 0.7 */
  utilization: number;
  /** Mean response time (seconds). */
  latencySec?: number;
  /** Availability target, 0–1 (given as 0.999 or 99.9). */
  availability?: number;
  /** Throughput one Kafka partition sustains (msg/s). */
  partitionRps?: number;
  /** Messages per second one consumer processes. */
  consumerRps?: number;
  /** Mean database query time (seconds). */
  queryTimeSec?: number;
  /** Database queries per request. @default 1 */
  queriesPerRequest: number;
  /** Share of daily reads that is hot enough to cache, 0–1. */
  hotFraction?: number;
  /** Mean time between failures and to repair (seconds). */
  mtbfSec?: number;
  mttrSec?: number;
}

/** Raw inputs by name, as flags or a question file give them (`dau: 2M`, `payload: 1KB`). */
export type RawInputs = Record<string, string | number | undefined>;

type Parser = (text: string | number, name: string) => unknown;
const FIELDS: Array<[keyof RawInputs & string, keyof EstimateInputs, Parser]> = [
  ['dau', 'dau', parseCount],
  ['requestsPerUser', 'requestsPerUser', (t, n) => parseRate(t, n, 'day')],
  ['rps', 'rps', parseRate],
  ['peakFactor', 'peakFactor', parseCount],
  ['readWrite', 'readWrite', (t, n) => parseRatio(String(t), n)],
  ['payload', 'payloadBytes', parseSize],
  ['recordSize', 'recordBytes', parseSize],
  ['retention', 'retentionSec', parseDuration],
  ['replication', 'replication', parseCount],
  ['serverRps', 'serverRps', parseRate],
  ['utilization', 'utilization', parseShare],
  ['latency', 'latencySec', parseDuration],
  ['availability', 'availability', parseShare],
  ['partitionRps', 'partitionRps', parseRate],
  ['consumerRps', 'consumerRps', parseRate],
  ['queryTime', 'queryTimeSec', parseDuration],
  ['queriesPerRequest', 'queriesPerRequest', parseCount],
  ['hotFraction', 'hotFraction', parseShare],
  ['mtbf', 'mtbfSec', parseDuration],
  ['mttr', 'mttrSec', parseDuration],
];

/** The raw names the estimator knows (the command's flags are their kebab-case forms). */
export const INPUT_NAMES = FIELDS.map(([raw]) => raw);

/** `requestsPerUser` → `--requests-per-user`, for messages. */
export function flagName(raw: string): string {
  return `--${raw.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export const DEFAULTS = { peakFactor: 2, replication: 1, utilization: 0.7, queriesPerRequest: 1 } as const;

/** Normalise raw inputs; throws UnitError naming the flag of the first bad one. */
export function normalizeInputs(raw: RawInputs, name: (raw: string) => string = flagName): EstimateInputs {
  const out: Record<string, unknown> = { ...DEFAULTS };
  for (const key of Object.keys(raw)) {
    if (!INPUT_NAMES.includes(key)) throw new UnitError(`${name(key)}: not an estimator input`);
  }
  for (const [rawName, field, parse] of FIELDS) {
    const value = raw[rawName];
    if (value === undefined || value === '') continue;
    out[field] = parse(value, name(rawName));
  }
  const inputs = out as unknown as EstimateInputs;
  for (const [field, rawName] of [
    ['serverRps', 'serverRps'],
    ['peakFactor', 'peakFactor'],
    ['replication', 'replication'],
    ['partitionRps', 'partitionRps'],
    ['consumerRps', 'consumerRps'],
    ['mtbfSec', 'mtbf'],
  ] as const) {
    if (inputs[field] === 0) throw new UnitError(`${name(rawName)}: must be above 0`);
  }
  if (inputs.peakFactor < 1)
    throw new UnitError(`${name('peakFactor')}: ${inputs.peakFactor} must be at least 1 (peak is never below average)`);
  if (inputs.rps !== undefined && inputs.dau !== undefined)
    throw new UnitError(`${name('rps')}: give either --rps or --dau with --requests-per-user, not both`);
  return inputs;
}

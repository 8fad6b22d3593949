import type { Lever } from '../../sim/levers.js';
import { readLevers } from '../../sim/read-levers.js';

/**
 * The levers a curveball run takes from the candidate's answer: how many instances, the timeout,
 * retries and the database pool. Read by the simulator's `readLevers`, the same reader as the drill's
 * try-it page, over the levers below.
 */

/** Lever values found in an answer; a lever the answer does not set is absent. */
export interface AnswerLevers {
  /** Server instances in total. */
  instances?: number;
  /** Per-call timeout, ms. */
  timeoutMs?: number;
  /** Retries after the first attempt. */
  retries?: number;
  /** Whether the retries back off with jitter. */
  jitter?: boolean;
  /** Database connection pool (the dependency's workers). */
  pool?: number;
}

/** Upper bounds that keep a run within the event budget whatever number is typed. */
export const LEVER_LIMITS = { instances: 200, pool: 2000, retries: 10, timeoutMs: 60_000 } as const;

const lever = (name: string, field: string, unit: string, max: number, extra: Partial<Lever> = {}): Lever => ({
  name,
  field,
  unit,
  min: field === 'policies.retry.retries' ? 0 : 1,
  max,
  step: 1,
  baseline: 1,
  description: '',
  factor: 1,
  integer: true,
  zeroIsOff: false,
  ...extra,
});

/** The curveball's levers, bound to the request fields whose phrases `readLevers` knows. */
const LEVERS: Lever[] = [
  lever('instances', 'servers[0].count', 'instances', LEVER_LIMITS.instances),
  lever('timeout', 'policies.timeout', 'ms', LEVER_LIMITS.timeoutMs, { integer: false }),
  lever('retries', 'policies.retry.retries', 'retries', LEVER_LIMITS.retries),
  lever('jitter', 'policies.retry.jitter', 'choice', 3, { min: 0, choices: ['none', 'full', 'equal', 'decorrelated'] }),
  lever('pool', 'dependency.workers', 'connections', LEVER_LIMITS.pool),
];

export function readAnswerLevers(text: string): AnswerLevers {
  const { values } = readLevers(text, LEVERS);
  const out: AnswerLevers = {};
  if (values.instances !== undefined) out.instances = values.instances;
  if (values.timeout !== undefined) out.timeoutMs = values.timeout;
  if (values.retries !== undefined) out.retries = values.retries;
  // Jitter of any kind counts, and so does the bare word beside retries ("backoff and jitter").
  const jitter = values.jitter !== undefined ? values.jitter > 0 : /\bjitter\b/i.test(text);
  if (out.retries !== undefined && jitter) out.jitter = true;
  if (values.pool !== undefined) out.pool = values.pool;
  return out;
}

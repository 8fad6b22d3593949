/**
 * The levers a curveball run takes from the candidate's answer: how many instances, the timeout,
 * retries and the database pool.
 *
 * SWITCH POINT: the simulate-your-answer issue adds a pure `readLevers(text, levers)` in
 * src/engine/sim/read-levers.ts that reads a scenario's declared levers from prose. When it lands,
 * `readAnswerLevers` below becomes a call to it (mapping its named values onto `AnswerLevers`);
 * nothing else in the mock reads answer text for levers.
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

const NUM = '(\\d+(?:\\.\\d+)?)';

export function readAnswerLevers(text: string): AnswerLevers {
  const t = text.toLowerCase().replace(/(\d),(\d{3})\b/g, '$1$2');
  const out: AnswerLevers = {};
  const instances = firstNumber(t, [
    `${NUM}\\s*(?:\\w+\\s+)?(?:instances|replicas|servers|pods|nodes)\\b`,
    `(?:instances|replicas|servers|pods)\\s*(?:to|of|=|:)\\s*${NUM}`,
    `scale (?:out |up )?to\\s*${NUM}\\b`,
  ]);
  if (instances !== undefined && instances >= 1)
    out.instances = Math.min(LEVER_LIMITS.instances, Math.round(instances));
  const timeout = new RegExp(
    `timeouts?\\s*(?:of|to|at|=|:|is)?\\s*${NUM}\\s*(ms|s)\\b|${NUM}\\s*(ms|s)\\s+(?:\\w+\\s+)?timeouts?`,
  ).exec(t);
  if (timeout) {
    const value = Number(timeout[1] ?? timeout[3]);
    const unit = timeout[2] ?? timeout[4];
    out.timeoutMs = Math.min(LEVER_LIMITS.timeoutMs, unit === 's' ? value * 1000 : value);
  }
  const retries = firstNumber(t, [
    `${NUM}\\s*(?:more\\s+)?retr(?:y|ies)\\b`,
    `retr(?:y|ies)\\s*(?:up to\\s*)?${NUM}\\s*times`,
    `retr(?:y|ies)\\s*(?:=|:)\\s*${NUM}`,
  ]);
  if (retries !== undefined) out.retries = Math.min(LEVER_LIMITS.retries, Math.round(retries));
  if (out.retries !== undefined && /jitter/.test(t)) out.jitter = true;
  const pool = firstNumber(t, [
    `pool\\s*(?:of|size|to|=|:)?\\s*(?:of\\s*|to\\s*)?${NUM}`,
    `${NUM}\\s*(?:db\\s+|database\\s+|postgres\\s+)?connections`,
  ]);
  if (pool !== undefined && pool >= 1) out.pool = Math.min(LEVER_LIMITS.pool, Math.round(pool));
  return out;
}

function firstNumber(text: string, patterns: string[]): number | undefined {
  for (const pattern of patterns) {
    const match = new RegExp(pattern).exec(text);
    if (match) return Number(match[1]);
  }
  return undefined;
}

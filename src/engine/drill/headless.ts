import { drillReducer, startDrill, type DrillState } from './session.js';
import type { Question } from './types.js';

/** One entry of an answers file: text (or an estimate as typed), a choice's number counting from 1, or null (skipped). */
export type AnswerEntry = string | number | null;

/** The drill after every step was answered from a file, or why the entries do not fit the question. */
export type HeadlessResult = { ok: true; state: DrillState } | { ok: false; error: string };

/**
 * Run a drill from written answers exactly as the interactive drill would (same reducer, same
 * scoring), so a recorded attempt is indistinguishable from one typed in. `at` is the clock.
 */
export function answerAll(question: Question, entries: readonly AnswerEntry[], at: number): HeadlessResult {
  const steps = question.steps;
  if (entries.length !== steps.length) {
    return {
      ok: false,
      error: `${question.id} has ${steps.length} step${steps.length === 1 ? '' : 's'}; the file has ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`,
    };
  }
  let state = startDrill(question, at);
  for (const [k, entry] of entries.entries()) {
    const step = steps[k];
    if (step.form === 'choice' && entry !== null) {
      const count = step.choices?.length ?? 0;
      const n = typeof entry === 'number' ? entry : /^\s*\d+\s*$/.test(entry) ? Number(entry) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > count)
        return {
          ok: false,
          error: `entry ${k + 1}: step ${k + 1} is a choice; give the option's number, 1 to ${count} (got ${JSON.stringify(entry)})`,
        };
      state = drillReducer(state, { type: 'choose', index: n - 1 });
    } else if (entry !== null) {
      state = drillReducer(state, { type: 'set-answer', text: String(entry) });
    }
    state = drillReducer(state, { type: 'next-step', at });
  }
  return { ok: true, state };
}

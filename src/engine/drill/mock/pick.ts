import type { Question } from '../types.js';
import { mockable } from './generic.js';

/**
 * The design question practised least recently: never practised (drill or mock) first, in bank
 * order, then the one whose last practice is oldest.
 */
export function leastRecentDesignQuestion(
  questions: readonly Question[],
  history: ReadonlyArray<{ questionId: string; at: string }>,
): Question | undefined {
  const last = new Map<string, string>();
  for (const h of history) if ((last.get(h.questionId) ?? '') < h.at) last.set(h.questionId, h.at);
  const candidates = mockable(questions);
  return candidates.reduce<Question | undefined>(
    (best, q) => (best === undefined || (last.get(q.id) ?? '') < (last.get(best.id) ?? '') ? q : best),
    undefined,
  );
}

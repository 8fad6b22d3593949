import type { Attempt } from '../drill/attempt.js';
import type { Question } from '../drill/types.js';
import { mockReports } from '../history/mock-reports.js';
import type { Checklist } from './types.js';

/**
 * The bar for suggesting a tick: an attempt (practice or mock) or a mock report at a drill linked
 * to the item scored at least this much. Seventy is where the review calls an answer good, and
 * the "hire" line of public mock rubrics. Only a suggestion: the user ticks.
 */
export const EVIDENCE_BAR = 70;

/** What the history says about one checklist item. */
export interface ItemEvidence {
  /** Attempts (practice and mock) at drills linked to the item. */
  attempts: number;
  /** Mock interview reports on linked questions. */
  mocks: number;
  /** The best of them: score, date and which drill. */
  best?: { score: number; at: string; questionId: string; title: string };
  /** The most recent of them. */
  latestAt?: string;
  /** The evidence passes EVIDENCE_BAR. */
  passes: boolean;
}

/** Evidence for every item of the checklist, by item id. */
export function checklistEvidence(
  checklist: Checklist,
  questions: readonly Question[],
  attempts: readonly Attempt[],
  data: unknown,
): Record<string, ItemEvidence> {
  const linked = new Map<string, Question[]>();
  for (const q of questions) for (const id of q.checklist) linked.set(id, [...(linked.get(id) ?? []), q]);
  const reports = mockReports(data);
  const out: Record<string, ItemEvidence> = {};
  for (const section of checklist.sections) {
    for (const item of section.items) {
      const drills = new Map((linked.get(item.id) ?? []).map((q) => [q.id, q]));
      const scored = [
        ...attempts
          .filter((a) => drills.has(a.questionId) && hasOwnScore(a))
          .map((a) => ({ score: a.score, at: a.at, questionId: a.questionId, mock: false })),
        ...reports
          .filter((r) => drills.has(r.questionId) && r.score !== undefined)
          .map((r) => ({ score: r.score as number, at: r.at, questionId: r.questionId, mock: true })),
      ];
      const best = scored.reduce<(typeof scored)[number] | undefined>(
        (top, e) => (!top || e.score > top.score || (e.score === top.score && e.at > top.at) ? e : top),
        undefined,
      );
      out[item.id] = {
        attempts: scored.filter((e) => !e.mock).length,
        mocks: scored.filter((e) => e.mock).length,
        best: best && {
          score: best.score,
          at: best.at,
          questionId: best.questionId,
          title: drills.get(best.questionId)?.title ?? best.questionId,
        },
        latestAt: scored
          .map((e) => e.at)
          .sort()
          .pop(),
        passes: best !== undefined && best.score >= EVIDENCE_BAR,
      };
    }
  }
  return out;
}

/** An attempt made only of self-rated cards has a placeholder score of 0, not a score. */
export function hasOwnScore(attempt: Attempt): boolean {
  return (
    !Array.isArray(attempt.steps) ||
    attempt.steps.length === 0 ||
    attempt.steps.some((s) => typeof s?.score === 'number')
  );
}

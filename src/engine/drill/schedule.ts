import type { Attempt } from './attempt.js';
import { replayCards, type StepCard } from './review/cards.js';
import { reviewEvents } from './review/events.js';
import type { StepReview } from './review/types.js';
import type { Question } from './types.js';

/** A question with what the user's history says about it. */
export interface ScheduledQuestion {
  question: Question;
  attempts: number;
  /** Best and latest overall score; undefined when never tried. */
  best?: number;
  latest?: number;
  lastTriedAt?: string;
  /** Whether it should be practised now. */
  due: boolean;
  /** Why it is (or is not) due, for the list. */
  reason: string;
  /** When its first step card falls due again (ISO), for questions not due now. */
  dueAt?: string;
}

/** Below this best score a question counts as weak. */
export const WEAK_SCORE = 60;
const DAY_MS = 86_400_000;

/**
 * Order the bank for practice: weak ones first (best below 60, or last rated again/hard), then
 * those due for review (the earliest of their step cards is due, FSRS, see review/cards.ts), then the
 * never tried (in bank order), then the rest by when they fall due. What the user got wrong comes back
 * before what they have not met: with a bank of dozens, weak ones listed after every untried one were
 * not seen again for weeks.
 */
export function dueOrder(
  questions: readonly Question[],
  attempts: readonly Attempt[],
  nowIso: string,
  reviews: readonly StepReview[] = [],
): ScheduledQuestion[] {
  const now = Date.parse(nowIso);
  const cards = replayCards(reviewEvents(attempts, reviews));
  const byQuestion = new Map<string, Attempt[]>();
  for (const attempt of attempts) {
    const list = byQuestion.get(attempt.questionId) ?? [];
    list.push(attempt);
    byQuestion.set(attempt.questionId, list);
  }
  const cardsOf = (q: Question) =>
    q.steps.map((_, k) => cards.get(`${q.id}#${k + 1}`)).filter((c): c is StepCard => c !== undefined);
  const scheduled = questions.map((question) =>
    schedule(
      question,
      (byQuestion.get(question.id) ?? []).slice().sort((a, b) => a.at.localeCompare(b.at)),
      cardsOf(question),
      now,
    ),
  );
  const rank = (s: ScheduledQuestion) => (s.attempts === 0 ? 2 : s.reason.startsWith('weak') ? 0 : s.due ? 1 : 3);
  return scheduled
    .map((s, index) => ({ s, index }))
    .sort((a, b) => rank(a.s) - rank(b.s) || (a.s.dueAt ?? '').localeCompare(b.s.dueAt ?? '') || a.index - b.index)
    .map(({ s }) => s);
}

function schedule(question: Question, history: Attempt[], cards: StepCard[], now: number): ScheduledQuestion {
  if (history.length === 0) return { question, attempts: 0, due: true, reason: 'new' };
  const latestAttempt = history[history.length - 1];
  const best = Math.max(...history.map((a) => a.score));
  const base = { question, attempts: history.length, best, latest: latestAttempt.score, lastTriedAt: latestAttempt.at };
  if (best < WEAK_SCORE) return { ...base, due: true, reason: `weak: best ${best}` };
  if (cards.length === 0) return { ...base, due: true, reason: 'not rated yet' };
  const dueAt = Math.min(...cards.map((c) => c.card.due.getTime()));
  const due = dueAt <= now;
  return {
    ...base,
    due,
    reason: due ? 'due for review' : `next in ${Math.ceil((dueAt - now) / DAY_MS)} d`,
    dueAt: new Date(dueAt).toISOString(),
  };
}

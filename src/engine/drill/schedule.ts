import type { Attempt, Rating } from './attempt.js';
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
  /** When it falls due again (ISO), for questions not due now. */
  dueAt?: string;
}

/** Below this best score a question counts as weak. */
export const WEAK_SCORE = 60;
const DAY_MS = 86_400_000;
/** Days until the next review after a rating; doubled for each earlier good or easy in a row. */
const INTERVAL_DAYS: Record<Rating, number> = { again: 0, hard: 1, good: 3, easy: 7 };

/**
 * Order the bank for practice: weak ones first (best below 60, or last rated again/hard), then
 * reviews that are due, then the never tried (in bank order), then the rest by when they fall due
 * again. What the user got wrong comes back before what they have not met: with a bank of dozens,
 * weak ones listed after every untried one were not seen again for weeks.
 */
export function dueOrder(questions: readonly Question[], attempts: readonly Attempt[], nowIso: string): ScheduledQuestion[] {
  const now = Date.parse(nowIso);
  const byQuestion = new Map<string, Attempt[]>();
  for (const attempt of attempts) {
    const list = byQuestion.get(attempt.questionId) ?? [];
    list.push(attempt);
    byQuestion.set(attempt.questionId, list);
  }
  const scheduled = questions.map((question) => schedule(question, (byQuestion.get(question.id) ?? []).slice().sort((a, b) => a.at.localeCompare(b.at)), now));
  const rank = (s: ScheduledQuestion) => (s.attempts === 0 ? 2 : s.reason.startsWith('weak') ? 0 : s.due ? 1 : 3);
  return scheduled
    .map((s, index) => ({ s, index }))
    .sort((a, b) => rank(a.s) - rank(b.s) || (a.s.dueAt ?? '').localeCompare(b.s.dueAt ?? '') || a.index - b.index)
    .map(({ s }) => s);
}

function schedule(question: Question, history: Attempt[], now: number): ScheduledQuestion {
  if (history.length === 0) return { question, attempts: 0, due: true, reason: 'new' };
  const latestAttempt = history[history.length - 1];
  const best = Math.max(...history.map((a) => a.score));
  const base = { question, attempts: history.length, best, latest: latestAttempt.score, lastTriedAt: latestAttempt.at };
  const rating = latestAttempt.rating ?? (latestAttempt.score >= 80 ? 'good' : latestAttempt.score >= WEAK_SCORE ? 'hard' : 'again');
  if (best < WEAK_SCORE || rating === 'again' || rating === 'hard') {
    return { ...base, due: true, reason: best < WEAK_SCORE ? `weak: best ${best}` : `weak: rated ${rating}` };
  }
  let streak = 0;
  for (let i = history.length - 1; i >= 0 && ['good', 'easy'].includes(history[i].rating ?? ''); i -= 1) streak += 1;
  const days = INTERVAL_DAYS[rating] * 2 ** Math.max(0, streak - 1);
  const dueAt = Date.parse(latestAttempt.at) + days * DAY_MS;
  const due = dueAt <= now;
  return { ...base, due, reason: due ? 'due for review' : `next in ${Math.ceil((dueAt - now) / DAY_MS)} d`, dueAt: new Date(dueAt).toISOString() };
}

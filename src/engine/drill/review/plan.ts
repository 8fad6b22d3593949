import type { Attempt } from '../attempt.js';
import type { Question } from '../types.js';
import { replayCards, type StepCard } from './cards.js';
import { reviewQueue } from './due.js';
import { reviewEvents } from './events.js';
import type { StepReview } from './types.js';

/** Where the user stands in spaced review. */
export interface ReviewPlan {
  /** Every step card of a question in the bank that has been rated at least once. */
  cards: StepCard[];
  /** The cards due now, in session order. */
  queue: StepCard[];
}

/** Replay the history and keep the cards of steps the bank still has. */
export function planReview(
  questions: readonly Question[],
  attempts: readonly Attempt[],
  reviews: readonly StepReview[],
  now: Date,
): ReviewPlan {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const cards = [...replayCards(reviewEvents(attempts, reviews)).values()].filter(
    (c) => c.step < (byId.get(c.questionId)?.steps.length ?? 0),
  );
  return { cards, queue: reviewQueue(cards, now, (id) => byId.get(id)?.topic) };
}

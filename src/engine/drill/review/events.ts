import type { Attempt } from '../attempt.js';
import { cardKey, ratingForScore } from './rating.js';
import type { ReviewEvent, StepReview } from './types.js';

/**
 * Every rating each step card received, oldest first. A graded step of an attempt is rated by its
 * score's band; a card step (no score) by the attempt's self-rating, and not at all when the user
 * left before rating. A step review carries its own rating. Mock interview attempts are left out:
 * their records follow the interview's phases, not the question's steps, so a record's index would
 * name the wrong card. Entries that are not well-formed (an old or hand-edited store) are passed
 * over rather than failing the whole schedule.
 */
export function reviewEvents(attempts: readonly Attempt[], reviews: readonly StepReview[] = []): ReviewEvent[] {
  const events: ReviewEvent[] = [];
  for (const attempt of attempts) {
    if (
      !isObject(attempt) ||
      attempt.mode === 'mock' ||
      typeof attempt.questionId !== 'string' ||
      !validDate(attempt.at) ||
      !Array.isArray(attempt.steps)
    )
      continue;
    attempt.steps.forEach((record, step) => {
      if (!isObject(record)) return;
      const score = typeof record.score === 'number' && Number.isFinite(record.score) ? record.score : undefined;
      const rating = score !== undefined ? ratingForScore(score) : attempt.rating;
      if (!rating) return;
      events.push({
        key: cardKey(attempt.questionId, step),
        questionId: attempt.questionId,
        step,
        at: attempt.at,
        rating,
        score,
      });
    });
  }
  for (const review of reviews) {
    if (
      !isObject(review) ||
      typeof review.questionId !== 'string' ||
      !Number.isInteger(review.step) ||
      review.step < 0 ||
      !validDate(review.at)
    )
      continue;
    if (!['again', 'hard', 'good', 'easy'].includes(review.rating)) continue;
    const score = typeof review.score === 'number' ? review.score : undefined;
    events.push({
      key: cardKey(review.questionId, review.step),
      questionId: review.questionId,
      step: review.step,
      at: review.at,
      rating: review.rating,
      score,
    });
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.key.localeCompare(b.key));
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validDate(value: unknown): value is string {
  return typeof value === 'string' && Number.isFinite(Date.parse(value));
}

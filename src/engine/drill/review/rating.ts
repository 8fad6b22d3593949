import type { Rating } from '../attempt.js';

/**
 * Score bands for a graded step, upper bounds exclusive: below 40 is "again" (could not recall
 * the substance), below 65 "hard" (recalled with gaps), below 85 "good", 85 and above "easy".
 * The edges follow the review screen's colours (red below 60 would be too late for "again").
 */
export const RATING_BANDS: ReadonlyArray<readonly [number, Rating]> = [
  [40, 'again'],
  [65, 'hard'],
  [85, 'good'],
];

/** The FSRS rating a graded step earns from its 0–100 score. */
export function ratingForScore(score: number): Rating {
  for (const [below, rating] of RATING_BANDS) if (score < below) return rating;
  return 'easy';
}

/** The key of a step's card. */
export function cardKey(questionId: string, step: number): string {
  return `${questionId}#${step + 1}`;
}

/** The id a step review is stored (and merged on import) under. */
export function stepReviewId(questionId: string, step: number, at: string): string {
  return `${cardKey(questionId, step)}@${at}`;
}

import type { Rating } from '../attempt.js';
import type { DrillState } from '../session.js';
import type { Question } from '../types.js';
import { ratingForScore, stepReviewId } from './rating.js';
import type { StepReview } from './types.js';

/**
 * One step of a question as a question of its own, so a Review session runs it through the same
 * drill reducer, step view and scoring as practice. The time suggested is the step's share of the
 * question's minutes; the body's long model answer and follow-ups stay with the whole question.
 */
export function stepAsQuestion(question: Question, step: number): Question {
  const n = question.steps.length;
  return {
    ...question,
    title: `${question.title} · step ${step + 1}/${n}`,
    minutes: Math.max(1, Math.round(question.minutes / n)),
    steps: [question.steps[step]],
    body: { ...question.body, modelAnswer: '', followUps: '' },
  };
}

/**
 * The rating a finished step earns: a graded step by its score's band, a card by the user's own
 * rating (undefined until they give one).
 */
export function stepRating(state: DrillState, selfRating?: Rating): Rating | undefined {
  const score = state.scores[0];
  return score ? ratingForScore(score.score) : selfRating;
}

/** The record a Review session stores for one step once it has a rating. */
export function toStepReview(
  state: DrillState,
  questionId: string,
  step: number,
  rating: Rating,
  atIso: string,
): StepReview {
  const score = state.scores[0];
  // Grading that explains itself adds deductions to a step's score; keep them when present.
  const deductions = (score as { deductions?: StepReview['deductions'] } | undefined)?.deductions;
  return {
    id: stepReviewId(questionId, step, atIso),
    questionId,
    step,
    at: atIso,
    answer: state.answers[0],
    score: score?.score,
    hit: score?.hit ?? [],
    missed: score?.missed ?? [],
    ...(Array.isArray(deductions) ? { deductions } : {}),
    rating,
    ms: state.stepMs[0],
  };
}

import type { Rating } from '../attempt.js';

/** One step answered on its own in a Review session; persisted by the store beside the attempts. */
export interface StepReview {
  /** `${questionId}#${step + 1}@${at}`: unique, and the key imports merge by. */
  id: string;
  questionId: string;
  /** 0-based index into the question's steps. */
  step: number;
  /** ISO 8601. */
  at: string;
  answer: string;
  /** 0–100; undefined for a card step, which the user rates. */
  score?: number;
  hit: string[];
  missed: string[];
  /** Every loss of points with its reason, when the grading reports them. */
  deductions?: Array<{ kind?: string; reason: string; points?: number; correction?: string }>;
  /** What the scheduler was told: the score's band, or the user's own rating for a card. */
  rating: Rating;
  /** Time spent on the step. */
  ms: number;
}

/** One rating of one card at one moment, from an attempt's step or a step review. */
export interface ReviewEvent {
  /** The card: `${questionId}#${step + 1}`. */
  key: string;
  questionId: string;
  /** 0-based step index. */
  step: number;
  /** ISO 8601. */
  at: string;
  rating: Rating;
  /** The step's score when it was graded (not for a self-rated card). */
  score?: number;
}

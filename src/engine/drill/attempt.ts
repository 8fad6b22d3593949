/** What a finished or unfinished drill leaves behind; persisted by the store. */

/** The user's answer to one step of a drill, and how it scored. */
export interface StepRecord {
  answer: string;
  /** 0–100; undefined for a card step the user only rated. */
  score?: number;
  /** Rubric concepts found in the answer. */
  hit: string[];
  /** Rubric concepts not found. */
  missed: string[];
  hintsUsed: number;
  /** Time spent on this step. */
  ms: number;
}

/** Self-rating after the review (spaced-repetition style). */
export type Rating = 'again' | 'hard' | 'good' | 'easy';

/** One finished attempt at a question. */
export interface Attempt {
  questionId: string;
  /** ISO 8601. */
  at: string;
  /** Overall 0–100. */
  score: number;
  steps: StepRecord[];
  rating?: Rating;
  totalMs: number;
  /** 'practice' or 'mock'. */
  mode: 'practice' | 'mock';
}

/** An unfinished drill, kept so it resumes where the user left it. */
export interface Draft {
  questionId: string;
  /** ISO 8601 of the last save. */
  savedAt: string;
  stepIndex: number;
  answers: string[];
  hintsUsed: number[];
  stepMs: number[];
}

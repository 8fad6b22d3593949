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
  /** Every loss of points with its reason and correction (absent in stores written before they were kept). */
  deductions?: Array<{ kind?: string; reason: string; points?: number; correction?: string }>;
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
  /** The last "try it in the simulator" run of this attempt, when the question has a scenario. */
  simulation?: AttemptSimulation;
}

/** A simulator run kept with an attempt: what was set (and read from the answer) and how each SLO fared. */
export interface AttemptSimulation {
  scenario: string;
  /** Every lever's value in the run. */
  levers: Record<string, number>;
  /** The same values as shown, with units or choice names (`5 instances`, `least-connections`). */
  shown: Record<string, string>;
  /** Levers read from the answer, with the words that set them. */
  read: Array<{ name: string; text: string }>;
  seeds: number;
  pass: boolean;
  checks: Array<{
    name: string;
    target: string;
    baseline: number;
    value: number;
    ci95: [number, number];
    pass: boolean;
  }>;
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

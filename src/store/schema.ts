/** The persisted data, version by version. Bump SCHEMA_VERSION and add a migration in migrations.ts. */

export const SCHEMA_VERSION = 1;

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

export interface Settings {
  /** Editor command for long answers; falls back to $VISUAL / $EDITOR. */
  editor?: string;
}

export interface StoreData {
  schemaVersion: number;
  attempts: Attempt[];
  /** By question id. */
  drafts: Record<string, Draft>;
  /** Ticked checklist items: item id → ISO date when ticked. */
  checklist: Record<string, string>;
  settings: Settings;
}

export function emptyStore(): StoreData {
  return { schemaVersion: SCHEMA_VERSION, attempts: [], drafts: {}, checklist: {}, settings: {} };
}

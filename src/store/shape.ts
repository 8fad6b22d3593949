/**
 * The persisted data's shape without its validator: what opening a store needs before it knows
 * whether there is a file to check. The zod schemas that check entries are in schema.ts, loaded
 * only when a file is read (the home screen of a first run draws without them).
 */
import type { Attempt, Draft } from '../engine/drill/attempt.js';
import type { MockDraft } from '../engine/drill/mock/session.js';
import type { MockReport } from '../engine/drill/mock/report.js';
import type { StepReview } from '../engine/drill/review/types.js';

export const SCHEMA_VERSION = 1;

export interface Settings {
  /** Editor command for long answers; falls back to $VISUAL / $EDITOR. */
  editor?: string;
}

export interface StoreData {
  schemaVersion: number;
  attempts: Attempt[];
  /** Steps answered on their own in Review sessions (FSRS replays these with the attempts). */
  reviews: StepReview[];
  /** By question id. */
  drafts: Record<string, Draft>;
  /** Ticked checklist items: item id → ISO date when ticked. */
  checklist: Record<string, string>;
  settings: Settings;
  // Mock interviews (kept in their own block).
  /** Finished mock interviews, oldest first. */
  mocks: MockRecord[];
  /** The mock in progress, autosaved every few seconds; offered for resuming. */
  mockDraft?: MockDraft;
}

/** A finished mock interview: the report as it was graded, answers included. */
export interface MockRecord {
  questionId: string;
  /** ISO 8601 of the end. */
  at: string;
  minutes: number;
  report: MockReport;
}

export function emptyStore(): StoreData {
  return {
    schemaVersion: SCHEMA_VERSION,
    attempts: [],
    reviews: [],
    drafts: {},
    checklist: {},
    settings: {},
    mocks: [],
  };
}

/**
 * Bounds on what one entry may hold. A store is written by this app, so anything past them is
 * damage or tampering; the entry is quarantined rather than fed to the screens.
 */
export const LIMITS = {
  /** Characters in one string (an answer typed for one step is far below this). */
  string: 200_000,
  /** Items in one list inside an entry (steps, concepts). */
  list: 1_000,
  /** Levels of nesting inside one entry (an attempt is 4 deep: attempt → steps → step → hit). */
  depth: 6,
  /** Bytes of the whole file read at start. */
  fileBytes: 64 * 1024 * 1024,
} as const;

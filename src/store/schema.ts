/** The persisted data, version by version. Bump SCHEMA_VERSION and add a migration in migrations.ts. */

export const SCHEMA_VERSION = 1;

import type { Attempt, Draft } from '../engine/drill/attempt.js';
import type { StepReview } from '../engine/drill/review/types.js';

export type { Attempt, Draft, Rating, StepRecord } from '../engine/drill/attempt.js';
export type { StepReview } from '../engine/drill/review/types.js';

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
}

export function emptyStore(): StoreData {
  return { schemaVersion: SCHEMA_VERSION, attempts: [], reviews: [], drafts: {}, checklist: {}, settings: {} };
}

/** The persisted data, version by version. Bump SCHEMA_VERSION and add a migration in migrations.ts. */

export const SCHEMA_VERSION = 1;

import type { Attempt, Draft } from '../engine/drill/attempt.js';
import type { MockDraft } from '../engine/drill/mock/session.js';
import type { MockReport } from '../engine/drill/mock/report.js';

export type { Attempt, Draft, Rating, StepRecord } from '../engine/drill/attempt.js';

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
  return { schemaVersion: SCHEMA_VERSION, attempts: [], drafts: {}, checklist: {}, settings: {}, mocks: [] };
}

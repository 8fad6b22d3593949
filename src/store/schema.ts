/** The persisted data, version by version. Bump SCHEMA_VERSION and add a migration in migrations.ts. */
import * as z from 'zod/mini';
import { LIMITS } from './shape.js';

export type { Attempt, Draft, Rating, StepRecord } from '../engine/drill/attempt.js';
export type { StepReview } from '../engine/drill/review/types.js';
export { SCHEMA_VERSION, LIMITS, emptyStore, type MockRecord, type Settings, type StoreData } from './shape.js';

const text = z.string().check(z.maxLength(LIMITS.string));
const id = z.string().check(z.minLength(1), z.maxLength(200));
const isoDate = z.string().check(
  z.maxLength(40),
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
);
const count = z.number().check(z.int(), z.nonnegative());
const duration = z.number().check(z.nonnegative(), z.refine(Number.isFinite, 'not finite'));
const percent = z.number().check(z.minimum(0), z.maximum(100));
const list = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.maxLength(LIMITS.list));

// Loose objects: fields added by a later version of a section (grading deductions, mock phases)
// ride along untouched; only the fields today's screens read are checked.
const StepRecordSchema = z.looseObject({
  answer: text,
  score: z.optional(z.nullable(percent)),
  hit: list(text),
  missed: list(text),
  hintsUsed: count,
  ms: duration,
});

/** One finished attempt, as the stats and review read it. */
export const AttemptSchema = z.looseObject({
  questionId: id,
  at: isoDate,
  score: percent,
  steps: list(StepRecordSchema),
  rating: z.optional(z.enum(['again', 'hard', 'good', 'easy'])),
  totalMs: duration,
  mode: z.enum(['practice', 'mock']),
});

/** An unfinished drill. */
export const DraftSchema = z.looseObject({
  questionId: id,
  savedAt: isoDate,
  stepIndex: count,
  answers: list(text),
  hintsUsed: list(count),
  stepMs: list(duration),
});

/** One step answered on its own in a Review session. */
export const StepReviewSchema = z.looseObject({
  id,
  questionId: id,
  step: count,
  at: isoDate,
  answer: text,
  score: z.optional(percent),
  hit: list(text),
  missed: list(text),
  rating: z.enum(['again', 'hard', 'good', 'easy']),
  ms: duration,
});

/** A finished mock interview; the report rides along loosely (its screens read it defensively). */
export const MockRecordSchema = z.looseObject({
  questionId: id,
  at: isoDate,
  minutes: z.number().check(z.positive(), z.refine(Number.isFinite, 'not finite')),
  report: z.looseObject({ score: percent, phases: list(z.looseObject({})) }),
});

/** The mock in progress: the fields resuming needs, of the right kinds. */
export const MockDraftSchema = z.looseObject({
  questionId: id,
  minutes: z.number().check(z.positive(), z.refine(Number.isFinite, 'not finite')),
  answers: list(text),
  usedMs: list(duration),
  phase: count,
});

/** Settings are checked key by key, so one bad value does not cost the others. */
export const SettingSchemas: Record<string, z.ZodMiniType> = {
  editor: z.string().check(z.maxLength(1_000)),
};

/** How each section of the store is shaped: a list of entries or a map of entries by key. */
export const SECTIONS = {
  attempts: { kind: 'list', entry: AttemptSchema },
  reviews: { kind: 'list', entry: StepReviewSchema },
  drafts: { kind: 'map', entry: DraftSchema },
  checklist: { kind: 'map', entry: isoDate },
  settings: { kind: 'map', entry: undefined },
  mocks: { kind: 'list', entry: MockRecordSchema },
  mockDraft: { kind: 'value', entry: MockDraftSchema },
} as const satisfies Record<string, { kind: 'list' | 'map' | 'value'; entry: z.ZodMiniType | undefined }>;

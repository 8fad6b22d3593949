/**
 * The question format's field kinds as zod schemas (docs/question-format.md), each worded as an author
 * reads it: "must be non-empty text", "must be a whole number ≥ 1", "must be a list of text". A value
 * absent where it is required is "is required" (engine/schema/issues.ts words what no schema does).
 */
import * as z from 'zod/mini';
import { parseDuration, UnitError } from '../engine/capacity/units.js';
import type { FieldPath } from '../engine/schema/issues.js';

export type { FieldPath } from '../engine/schema/issues.js';
export type Report = (path: FieldPath, message: string) => void;

/** `error` for a schema: `message` for a present value of the wrong kind; an absent one is "is required". */
const when = (message: string) => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined ? undefined : message),
});

/** Non-blank text; `required` words the problem when it is absent. */
export function text(required?: string) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? required : 'must be non-empty text') })
    .check(z.refine((s: string) => s.trim() !== '', 'must be non-empty text'));
}

/**
 * A list of text. `choices: [540, 900]` and `synonyms: [503]` are meant as text (YAML reads them as
 * numbers), so numbers become text.
 */
export function textList(min = 0) {
  return z.pipe(
    z.array(z.unknown(), when('must be a list of text')).check(
      z.refine(
        (a: unknown[]) => a.every((v) => typeof v === 'string' || typeof v === 'number'),
        'must be a list of text',
      ),
      ...(min > 0 ? [z.minLength(min)] : []),
    ),
    z.transform((a: unknown[]) => a.map(String)),
  );
}

/** A whole number ≥ `min`. */
export function wholeNumber(min: number) {
  const message = `must be a whole number ≥ ${min}`;
  return z.number(when(message)).check(z.int({ error: message }), z.gte(min, { error: message }));
}

/** A number checked by `ok`, `message` naming the range when it is not. */
export function bounded(ok: (n: number) => boolean, message: string) {
  return z.number(when(message)).check(z.refine(ok, message));
}

/** Points off a step, above 0 and at most 100. */
export function points(fallback: number) {
  return z._default(
    bounded((n) => n > 0 && n <= 100, 'must be a number above 0 and at most 100 (points off the step)'),
    fallback,
  );
}

/** A mapping with exactly these fields; `message` for a value that is not a mapping. */
export function mapping<S extends z.core.$ZodShape>(shape: S, message: string) {
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'invalid_type' && iss.input !== undefined ? message : undefined),
  });
}

/** A list whose items are `item`; `message` for a value that is not a list. */
export function listOf<T extends z.ZodMiniType>(item: T, message: string) {
  return z.array(item, when(message));
}

/** A duration in ms, written "250ms", "20s" or a number of seconds (the estimator's units). */
export const duration = () =>
  z.pipe(
    z.union([z.string(), z.number()], when('must be a duration such as 250ms or 20s')),
    z.transform((value: string | number, ctx) => {
      try {
        return parseDuration(value, '') * 1000;
      } catch (error) {
        if (!(error instanceof UnitError)) throw error;
        ctx.issues.push({ code: 'custom', message: 'must be a duration such as 250ms or 20s', input: value });
        return z.NEVER;
      }
    }),
  );

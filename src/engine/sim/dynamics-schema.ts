/**
 * JSON Schema (draft 2020-12) derived from the validator's zod schemas, one per `kind:`: the file format
 * as written (durations as text with a unit or a number of seconds), so it accepts what the validator's
 * fields accept. `simulate --schema` offers the dynamics kinds beside the request and availability kinds.
 */
import type * as z from 'zod/mini';
import { toJSONSchema } from 'zod/v4/core';
import { DYNAMIC_FIELDS } from './dynamics.js';

type Schema = Record<string, unknown>;

/** The JSON Schema of a scenario kind's fields, as a user writes them (the input side of each transform). */
export function fieldsJsonSchema(fields: z.ZodMiniType): Schema {
  const { $schema: _draft, ...schema } = toJSONSchema(fields, { io: 'input', target: 'draft-2020-12' }) as Schema;
  return schema;
}

/** One schema per dynamics kind, keyed by kind. */
export function dynamicsJsonSchemas(): Record<keyof typeof DYNAMIC_FIELDS, Schema> {
  return Object.fromEntries(
    Object.entries(DYNAMIC_FIELDS).map(([kind, fields]) => [kind, fieldsJsonSchema(fields)]),
  ) as Record<keyof typeof DYNAMIC_FIELDS, Schema>;
}

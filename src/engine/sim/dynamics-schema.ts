/**
 * JSON Schema (draft 2020-12) derived from the validator's zod schemas, one per `kind:`: the file format
 * as written (durations as text with a unit or a number of seconds), so it accepts what the validator's
 * fields accept. `simulate --schema` offers the dynamics kinds beside the request and availability kinds.
 */
import type * as z from 'zod/mini';
import { toJSONSchema } from 'zod/v4/core';
import { DYNAMIC_FIELDS } from './dynamics.js';
import { leversSchema, slosSchema } from './lever-schema.js';

type Schema = Record<string, unknown>;

/** The JSON Schema of a scenario kind's fields, as a user writes them (the input side of each transform). */
export function fieldsJsonSchema(fields: z.ZodMiniType): Schema {
  const { $schema: _draft, ...schema } = toJSONSchema(fields, { io: 'input', target: 'draft-2020-12' }) as Schema;
  return schema;
}

/**
 * One schema per dynamics kind, keyed by kind, with its `levers:` and `slos:` described: they are read
 * once the model is valid (levers.ts), so they are not among the model's zod fields.
 */
export function dynamicsJsonSchemas(): Record<keyof typeof DYNAMIC_FIELDS, Schema> {
  return Object.fromEntries(
    Object.entries(DYNAMIC_FIELDS).map(([kind, fields]) => {
      const schema = fieldsJsonSchema(fields);
      const k = kind as keyof typeof DYNAMIC_FIELDS;
      const properties = { ...(schema.properties as Schema), levers: leversSchema(k), slos: slosSchema(k) };
      return [kind, { ...schema, properties } as Schema];
    }),
  ) as Record<keyof typeof DYNAMIC_FIELDS, Schema>;
}

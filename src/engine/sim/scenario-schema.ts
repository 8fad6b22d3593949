import { availabilityFields } from './availability-fields.js';
import { EVENT_BUDGET, MAX_SERVERS, MAX_SIMULATED_MS } from './budget.js';
import { dynamicsJsonSchemas, fieldsJsonSchema } from './dynamics-schema.js';
import { EXPECT_METRICS } from './expect.js';
import { leversSchema, slosSchema } from './lever-schema.js';
import { requestFields } from './request-fields.js';

type Schema = Record<string, unknown>;

// The model's fields are derived from the validator's zod schemas (fields.ts); levers, SLOs and claims
// are read by their own readers once a scenario is valid (levers.ts, expect.ts), so they are described here.

const obj = (properties: Schema, required: string[] = [], description?: string): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required,
  additionalProperties: false,
});

/** Claims about the scenario's own run, checked by `questions validate` (simulate ignores them). */
const claims = (kind: 'requests' | 'availability'): Schema =>
  obj(
    Object.fromEntries(
      EXPECT_METRICS[kind].map((metric) => [
        metric,
        {
          type: 'array',
          prefixItems: [{ type: 'number' }, { type: 'number' }],
          minItems: 2,
          maxItems: 2,
          description: "Inclusive range [low, high] the run with the file's seed must fall in.",
        },
      ]),
    ),
    [],
    'What the description claims about this run: each metric with the range its run must fall in.',
  );

/** A kind's derived schema with the lever, SLO and claim fields described. */
function withLevers(fields: Schema, kind: 'requests' | 'availability'): Schema {
  const properties = fields.properties as Schema;
  return {
    ...fields,
    properties: { ...properties, levers: leversSchema(kind), slos: slosSchema(kind), expect: claims(kind) },
  };
}

/** The scenario file format as JSON Schema (draft 2020-12), printed by `simulate --schema`. */
export function scenarioJsonSchema(): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:gocoffee-drill:scenario',
    title: 'gocoffee-drill simulator scenario',
    description: `A request-level scenario (kind: requests, the default), an availability scenario (kind: availability), or one of the dynamics kinds (kafka, closed-loop, metastable, gateway, cache, hedge; docs/simulator-dynamics.md). Limits: ${EVENT_BUDGET.toLocaleString('en-US')} events per run (arrivals × attempts × events per attempt), ${MAX_SERVERS.toLocaleString('en-US')} servers, ${MAX_SIMULATED_MS / 3_600_000} h of simulated time. See docs/simulator.md.`,
    oneOf: [
      withLevers(fieldsJsonSchema(requestFields), 'requests'),
      withLevers(fieldsJsonSchema(availabilityFields), 'availability'),
      ...Object.values(dynamicsJsonSchemas()),
    ],
  };
}

import { availabilityFields } from './availability-fields.js';
import { EVENT_BUDGET, MAX_SERVERS, MAX_SIMULATED_MS } from './budget.js';
import { dynamicsJsonSchemas, fieldsJsonSchema } from './dynamics-schema.js';
import { EXPECT_METRICS } from './expect.js';
import { LEVER_FIELDS } from './lever-fields.js';
import { SLO_METRICS } from './levers.js';
import { requestFields } from './request-fields.js';

type Schema = Record<string, unknown>;

// The model's fields are derived from the validator's zod schemas (fields.ts); levers, SLOs and claims
// are read by their own readers once a scenario is valid (levers.ts, expect.ts), so they are described here.

const num = (description: string, extra: Schema = {}): Schema => ({ type: 'number', description, ...extra });
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

const levers: Schema = {
  type: 'array',
  description:
    'Named knobs a user may turn (simulate --levers, --set NAME=VALUE). A lever moves one field; its baseline is the value the scenario has (0 when the setting is off).',
  items: obj(
    {
      name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', description: 'Lowercase, used in --set NAME=VALUE.' },
      field: {
        type: 'string',
        description: `The field it moves; [] takes a list index such as servers[0].count. One of: ${Object.keys(LEVER_FIELDS).join(', ')}.`,
      },
      unit: {
        type: 'string',
        description:
          'Times: ms, s, m or h. Ratios (hit ratio, retry budget): % or fraction. Breaker thresholds: %. Choices: choice. Counts: any label.',
      },
      min: num('Lowest value (in the unit); required except for a choice lever, which defaults to 0.'),
      max: num('Highest value (in the unit); required except for a choice lever, which defaults to its last choice.'),
      step: num('What one arrow press changes.', { exclusiveMinimum: 0, default: 1 }),
      scale: num('Model units per lever unit, counts only (read replicas × 20 connections each: scale 20).', {
        exclusiveMinimum: 0,
        default: 1,
      }),
      description: { type: 'string' },
    },
    ['name', 'field'],
  ),
};

const slos = (kind: keyof typeof SLO_METRICS): Schema => ({
  type: 'array',
  description:
    'Objectives a run is judged against, on the mean over seeds. Exactly one of max (figure ≤ max) and min (figure ≥ min).',
  items: {
    ...obj(
      {
        name: { type: 'string', minLength: 1 },
        metric: { enum: [...SLO_METRICS[kind]] },
        max: { type: 'number' },
        min: { type: 'number' },
      },
      ['name', 'metric'],
    ),
    oneOf: [{ required: ['max'] }, { required: ['min'] }],
  },
});

/** A kind's derived schema with the lever, SLO and claim fields described. */
function withLevers(fields: Schema, kind: 'requests' | 'availability'): Schema {
  const properties = fields.properties as Schema;
  return { ...fields, properties: { ...properties, levers, slos: slos(kind), expect: claims(kind) } };
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

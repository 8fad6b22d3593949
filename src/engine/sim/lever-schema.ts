import { leverFieldsFor } from './dynamics-lever-fields.js';
import type { LeverModel } from './lever-fields.js';
import { SLO_METRICS } from './levers.js';

type Schema = Record<string, unknown>;
type Kind = LeverModel['kind'];

const num = (description: string, extra: Schema = {}): Schema => ({ type: 'number', description, ...extra });
const obj = (properties: Schema, required: string[]): Schema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

/** The fields of this kind as one pattern, a list index in place of each `[]`. */
function fieldPattern(kind: Kind): string {
  const alternatives = Object.keys(leverFieldsFor(kind)).map((key) =>
    key.replace(/[.[\]]/g, (c) => `\\${c}`).replace(/\\\[\\\]/g, '\\[\\d+\\]'),
  );
  return `^(?:${alternatives.join('|')})$`;
}

/** JSON Schema of a scenario's `levers:` list, naming the fields a lever of this kind may move. */
export function leversSchema(kind: Kind): Schema {
  return {
    type: 'array',
    description:
      'Named knobs a user may turn (simulate --levers, --set NAME=VALUE). A lever moves one field; its baseline is the value the scenario has (0 when the setting is off).',
    items: obj(
      {
        name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', description: 'Lowercase, used in --set NAME=VALUE.' },
        field: {
          type: 'string',
          description: `The field it moves; [] takes a list index such as servers[0].count. One of: ${Object.keys(leverFieldsFor(kind)).join(', ')}.`,
          pattern: fieldPattern(kind),
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
}

/** JSON Schema of a scenario's `slos:` list: the metrics a run of this kind reports. */
export function slosSchema(kind: Kind): Schema {
  return {
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
  };
}

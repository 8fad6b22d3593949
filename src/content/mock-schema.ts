import * as z from 'zod/mini';
import { computeEstimate } from '../engine/capacity/estimate.js';
import { findGradeable } from '../engine/capacity/grade.js';
import { normalizeInputs } from '../engine/capacity/inputs.js';
import { parseShare, UnitError } from '../engine/capacity/units.js';
import type { CurveballChange, MockSpec, TextPhaseSpec } from '../engine/drill/mock/types.js';
import { toRubric, type rubricList } from './grading-schema.js';
import { bounded, duration, mapping, text, type FieldPath, type Report } from './question-fields.js';

type Rubric = ReturnType<typeof rubricList>;

const CHANGES = ['rate', 'crash', 'error', 'slow', 'cold-cache'] as const;

/** A curveball's scenario change; each kind knows its own fields. */
function change() {
  const above0 = bounded((n) => n > 0, 'must be a number above 0');
  const time = duration();
  return z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('rate'), factor: above0, at: z._default(time, 0) }),
      z.strictObject({ kind: z.literal('crash'), target: text(), at: time, duration: time }),
      z.strictObject({ kind: z.literal('error'), target: text(), rate: above0, at: time, duration: time }),
      z.strictObject({ kind: z.literal('slow'), target: text(), factor: above0, at: time, duration: time }),
      z.strictObject({ kind: z.literal('cold-cache') }),
    ],
    {
      // A kind it does not know is reported at `kind`; anything but a mapping at the change itself.
      error: (iss) =>
        iss.code === 'invalid_union'
          ? `must be one of ${CHANGES.join(', ')}`
          : `must be a mapping whose kind is one of ${CHANGES.join(', ')}`,
    },
  );
}

/** An SLO's error rate is written as a percentage (`1%`, or a bare `1` meaning 1%), never a fraction. */
function errorPercent() {
  return z.pipe(
    z.union([z.string(), z.number()], { error: 'must be a percentage such as 1%' }),
    z.transform((raw: string | number, ctx) => {
      const written = typeof raw === 'number' ? `${raw}%` : raw.trim();
      try {
        if (written.endsWith('%')) return parseShare(written, 'errorRate');
      } catch (error) {
        if (!(error instanceof UnitError)) throw error;
      }
      ctx.issues.push({ code: 'custom', message: 'must be a percentage such as 1%', input: raw });
      return z.NEVER;
    }),
  );
}

/**
 * The `mock:` block of a framework question (docs/mock.md): a prompt and rubric per phase, the
 * estimate's inputs and asked figures, and the curveball with its scenario change and SLO.
 */
export function mockFields(rubric: Rubric) {
  const textPhase = mapping({ prompt: text(), rubric }, 'must be a mapping with prompt and rubric');
  return mapping(
    {
      requirements: textPhase,
      estimate: z.optional(
        mapping(
          {
            prompt: text(),
            inputs: z.record(z.string(), z.unknown(), { error: 'must be a mapping of estimator inputs' }),
            ask: z
              .array(z.string(), { error: 'must be a list of estimator keys' })
              .check(z.minLength(1, 'must be a list of estimator keys')),
          },
          'must be a mapping with prompt, inputs and ask',
        ),
      ),
      apiDataModel: textPhase,
      highLevelDesign: textPhase,
      deepDive: z.optional(text()),
      curveball: mapping(
        {
          prompt: text(),
          scenario: z.optional(text()),
          change: z.optional(change()),
          slo: z.optional(
            mapping({ p95: duration(), errorRate: errorPercent() }, 'must be a mapping with p95 and errorRate'),
          ),
          rubric,
        },
        'must be a mapping with prompt, change, slo and rubric',
      ),
    },
    'must be a mapping with requirements, estimate, apiDataModel, highLevelDesign, deepDive and curveball',
  );
}

/** The block read by {@link mockFields}, checked as a whole: rubrics not empty, the estimate computable. */
export function toMock(raw: z.output<ReturnType<typeof mockFields>>, kind: string, report: Report): MockSpec {
  const at: FieldPath = ['mock'];
  if (kind !== 'framework') report(at, 'only kind: framework questions take a mock block');
  const phase = (name: 'requirements' | 'apiDataModel' | 'highLevelDesign'): TextPhaseSpec => {
    if (raw[name].rubric.length === 0) report([...at, name, 'rubric'], 'needs at least one concept');
    return { prompt: raw[name].prompt, rubric: toRubric(raw[name].rubric) };
  };
  const { curveball: cb } = raw;
  if (cb.rubric.length === 0) report([...at, 'curveball', 'rubric'], 'needs at least one concept');
  if ((cb.change === undefined) !== (cb.slo === undefined))
    report([...at, 'curveball'], 'change and slo go together: give both for a simulated curveball, or neither');
  const estimate = raw.estimate && {
    prompt: raw.estimate.prompt,
    inputs: raw.estimate.inputs as Record<string, string | number>,
    ask: raw.estimate.ask,
  };
  if (estimate) checkEstimate(estimate.inputs, estimate.ask, [...at, 'estimate'], report);
  return {
    requirements: phase('requirements'),
    estimate,
    apiDataModel: phase('apiDataModel'),
    highLevelDesign: phase('highLevelDesign'),
    ...(raw.deepDive ? { deepDive: raw.deepDive } : {}),
    curveball: {
      prompt: cb.prompt,
      rubric: toRubric(cb.rubric),
      ...(cb.scenario !== undefined ? { scenario: cb.scenario } : {}),
      ...(cb.change !== undefined ? { change: toChange(cb.change) } : {}),
      ...(cb.slo !== undefined ? { slo: { p95Ms: cb.slo.p95, errorRate: cb.slo.errorRate } } : {}),
    },
  };
}

function toChange(c: z.output<ReturnType<typeof change>>): CurveballChange {
  return c.kind === 'error' ? { ...c, rate: Math.min(1, c.rate) } : c;
}

/** Every asked figure must be one the estimator grades and computes from these inputs. */
function checkEstimate(inputs: Record<string, string | number>, ask: string[], at: FieldPath, report: Report): void {
  try {
    const estimate = computeEstimate(normalizeInputs(inputs, (name) => name));
    ask.forEach((key, i) => {
      const g = findGradeable(key);
      if (!g) report([...at, 'ask', i], `"${key}" is not a result the estimator grades`);
      else if (g.get(estimate) === undefined) report([...at, 'ask', i], `"${key}" is not computed from these inputs`);
    });
  } catch (error) {
    if (!(error instanceof UnitError)) throw error;
    report([...at, 'inputs'], error.message);
  }
}

import * as z from 'zod/mini';
import type { Expectation, Misconception, RubricConcept } from '../engine/drill/types.js';
import { parseExpectedValue } from '../engine/drill/scoring/numbers.js';
import { bounded, listOf, mapping, points, text, textList, type FieldPath, type Report } from './question-fields.js';

/** The grading fields of a step and a rubric concept (docs/question-format.md, "Grading"). */

const DEFAULT_POINTS = 20;
const DEFAULT_NUMBER_POINTS = 10;
/** Relative for counts, sizes and durations; percentage points for a percentage. */
const DEFAULT_TOLERANCE = 0.05;

const opposite = () =>
  mapping(
    { stance: text(), phrases: textList(1), correction: text(), points: points(DEFAULT_POINTS) },
    'must be a mapping with stance, phrases and correction',
  );

/** A rubric: the concepts a step's answer is credited for. */
export const rubricList = () =>
  listOf(
    mapping(
      {
        concept: text(),
        synonyms: z._default(textList(), []),
        weight: z._default(
          bounded((n) => n > 0, 'must be a positive number'),
          1,
        ),
        because: z.optional(textList()),
        opposite: z.optional(opposite()),
      },
      'must be a mapping with concept, synonyms and weight',
    ),
    'must be a list of concepts',
  );

/** A rubric as the scorer takes it (a concept has `because` and `opposite` only when the file gives them). */
export function toRubric(rubric: z.output<ReturnType<typeof rubricList>>): RubricConcept[] {
  return rubric.map(({ because, opposite, ...concept }) => ({
    ...concept,
    ...(because ? { because } : {}),
    ...(opposite ? { opposite } : {}),
  }));
}

export const misconceptionList = () =>
  listOf(
    mapping(
      {
        pattern: z.optional(text()),
        patterns: z.optional(textList(1)),
        points: points(DEFAULT_POINTS),
        correction: text('is required: a misconception must say what is right'),
      },
      'must be a mapping with patterns, points and correction',
    ),
    'must be a list of misconceptions (patterns, points, correction)',
  );

/** Misconceptions with their phrases as one list: `pattern` is one phrase, `patterns` several, never both. */
export function toMisconceptions(
  list: z.output<ReturnType<typeof misconceptionList>>,
  at: FieldPath,
  report: Report,
): Misconception[] {
  return list.map((m, i) => {
    if (m.pattern !== undefined && m.patterns !== undefined) report([...at, i], 'give pattern or patterns, not both');
    if (m.pattern === undefined && m.patterns === undefined)
      report([...at, i, 'patterns'], 'is required (the phrases that state the misconception)');
    return {
      patterns: m.patterns ?? (m.pattern === undefined ? [] : [m.pattern]),
      points: m.points,
      correction: m.correction,
    };
  });
}

const notExpected = (written: unknown) =>
  `"${String(written)}" does not parse as a number with a unit (e.g. 52.6 min, 99.3%, 16, 2.5k)`;
const expectedValue = () =>
  z.pipe(
    z.union([z.string(), z.number()], {
      error: (iss) => (iss.input === undefined ? undefined : notExpected(iss.input)),
    }),
    z.transform((written: string | number, ctx) => {
      const parsed = parseExpectedValue(written);
      if (parsed) return { ...parsed, readable: String(written) };
      ctx.issues.push({
        code: 'custom',
        message: notExpected(written),
        input: written,
      });
      return z.NEVER;
    }),
  );

export const expectationList = () =>
  listOf(
    mapping(
      {
        label: text(),
        value: expectedValue(),
        tolerance: z._default(
          bounded((n) => n >= 0, 'must be a number ≥ 0 (relative, e.g. 0.05; percentage points for a percentage)'),
          DEFAULT_TOLERANCE,
        ),
        near: z._default(textList(), []),
        weight: z._default(
          bounded((n) => n >= 0, 'must be a number ≥ 0 (0: checked only when stated)'),
          1,
        ),
        points: points(DEFAULT_NUMBER_POINTS),
      },
      'must be a mapping with label and value',
    ),
    'must be a list of expected numbers (label, value, tolerance)',
  );

export function toExpectations(list: z.output<ReturnType<typeof expectationList>>): Expectation[] {
  return list.map(({ value, ...e }) => ({
    label: e.label,
    value: value.value,
    readable: value.readable,
    kind: value.kind,
    tolerance: e.tolerance,
    near: e.near,
    weight: e.weight,
    points: e.points,
  }));
}

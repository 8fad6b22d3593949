import type { Expectation, Misconception, OppositeStance } from '../engine/drill/types.js';
import { parseExpectedValue } from '../engine/drill/scoring/numbers.js';
import { isObj, str, strList, unknownFields, type FieldPath, type Report } from './question-schema.js';

/** The grading fields of a step and a rubric concept (docs/question-format.md, "Grading"). */

const MISCONCEPTION_FIELDS = ['pattern', 'patterns', 'points', 'correction'];
const OPPOSITE_FIELDS = ['stance', 'phrases', 'correction', 'points'];
const EXPECT_FIELDS = ['label', 'value', 'tolerance', 'near', 'weight', 'points'];
const DEFAULT_POINTS = 20;
const DEFAULT_NUMBER_POINTS = 10;
/** Relative for counts, sizes and durations; percentage points for a percentage. */
const DEFAULT_TOLERANCE = 0.05;

export function misconceptions(raw: unknown, at: FieldPath, report: Report): Misconception[] {
  if (!Array.isArray(raw)) {
    report(at, 'must be a list of misconceptions (patterns, points, correction)');
    return [];
  }
  return raw.flatMap((m, i) => {
    const here = [...at, i];
    if (!isObj(m)) {
      report(here, 'must be a mapping with patterns, points and correction');
      return [];
    }
    unknownFields(m, MISCONCEPTION_FIELDS, here, report);
    if (m.pattern !== undefined && m.patterns !== undefined) report(here, 'give pattern or patterns, not both');
    const patterns =
      m.patterns !== undefined
        ? strList(m, 'patterns', here, report, { min: 1 })
        : m.pattern !== undefined
          ? [str(m, 'pattern', here, report) ?? '']
          : undefined;
    if (m.pattern === undefined && m.patterns === undefined)
      report([...here, 'patterns'], 'is required (the phrases that state the misconception)');
    if (m.correction === undefined)
      report([...here, 'correction'], 'is required: a misconception must say what is right');
    const correction = m.correction === undefined ? '' : (str(m, 'correction', here, report) ?? '');
    return [{ patterns: patterns ?? [], points: points(m, here, report, DEFAULT_POINTS), correction }];
  });
}

export function opposite(raw: unknown, at: FieldPath, report: Report): OppositeStance | undefined {
  if (!isObj(raw)) {
    report(at, 'must be a mapping with stance, phrases and correction');
    return undefined;
  }
  unknownFields(raw, OPPOSITE_FIELDS, at, report);
  return {
    stance: str(raw, 'stance', at, report) ?? '',
    phrases: strList(raw, 'phrases', at, report, { min: 1 }) ?? [],
    correction: str(raw, 'correction', at, report) ?? '',
    points: points(raw, at, report, DEFAULT_POINTS),
  };
}

export function expectations(raw: unknown, at: FieldPath, report: Report): Expectation[] {
  if (!Array.isArray(raw)) {
    report(at, 'must be a list of expected numbers (label, value, tolerance)');
    return [];
  }
  return raw.flatMap((e, i) => {
    const here = [...at, i];
    if (!isObj(e)) {
      report(here, 'must be a mapping with label and value');
      return [];
    }
    unknownFields(e, EXPECT_FIELDS, here, report);
    const label = str(e, 'label', here, report) ?? '';
    const written = e.value;
    const parsed = typeof written === 'string' || typeof written === 'number' ? parseExpectedValue(written) : undefined;
    if (!parsed) {
      report(
        [...here, 'value'],
        written === undefined
          ? 'is required'
          : `"${String(written)}" does not parse as a number with a unit (e.g. 52.6 min, 99.3%, 16, 2.5k)`,
      );
      return [];
    }
    const tolerance = e.tolerance === undefined ? DEFAULT_TOLERANCE : e.tolerance;
    if (typeof tolerance !== 'number' || !(tolerance >= 0))
      report([...here, 'tolerance'], 'must be a number ≥ 0 (relative, e.g. 0.05; percentage points for a percentage)');
    const weight = e.weight === undefined ? 1 : e.weight;
    if (typeof weight !== 'number' || !(weight >= 0))
      report([...here, 'weight'], 'must be a number ≥ 0 (0: checked only when stated)');
    return [
      {
        label,
        value: parsed.value,
        readable: String(written),
        kind: parsed.kind,
        tolerance: typeof tolerance === 'number' ? tolerance : DEFAULT_TOLERANCE,
        near: e.near === undefined ? [] : (strList(e, 'near', here, report) ?? []),
        weight: typeof weight === 'number' ? weight : 1,
        points: points(e, here, report, DEFAULT_NUMBER_POINTS),
      },
    ];
  });
}

function points(raw: Record<string, unknown>, at: FieldPath, report: Report, fallback: number): number {
  if (raw.points === undefined) return fallback;
  if (typeof raw.points === 'number' && raw.points > 0 && raw.points <= 100) return raw.points;
  report([...at, 'points'], 'must be a number above 0 and at most 100 (points off the step)');
  return fallback;
}

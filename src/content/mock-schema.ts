import { computeEstimate } from '../engine/capacity/estimate.js';
import { findGradeable } from '../engine/capacity/grade.js';
import { normalizeInputs } from '../engine/capacity/inputs.js';
import { parseDuration, parseShare, UnitError } from '../engine/capacity/units.js';
import type { RubricConcept } from '../engine/drill/types.js';
import type {
  CurveballChange,
  CurveballSpec,
  EstimatePhaseSpec,
  MockSpec,
  Slo,
  TextPhaseSpec,
} from '../engine/drill/mock/types.js';
import type { FieldPath, Report } from './question-schema.js';

type Obj = Record<string, unknown>;
type RubricReader = (raw: unknown, at: FieldPath, report: Report) => RubricConcept[];

/**
 * The `mock:` block of a framework question (docs/mock.md): a prompt and rubric per phase, the
 * estimate's inputs and asked figures, and the curveball with its scenario change and SLO.
 */
export function validateMock(
  raw: unknown,
  kind: string | undefined,
  report: Report,
  rubricList: RubricReader,
): MockSpec | undefined {
  const at: FieldPath = ['mock'];
  if (kind !== 'framework') report(at, 'only kind: framework questions take a mock block');
  if (!isObj(raw)) {
    report(at, 'must be a mapping with requirements, estimate, apiDataModel, highLevelDesign, deepDive and curveball');
    return undefined;
  }
  known(raw, ['requirements', 'estimate', 'apiDataModel', 'highLevelDesign', 'deepDive', 'curveball'], at, report);
  const deepDive = raw.deepDive === undefined ? undefined : text(raw, 'deepDive', at, report);
  return {
    requirements: textPhase(raw.requirements, [...at, 'requirements'], report, rubricList),
    estimate: raw.estimate === undefined ? undefined : estimatePhase(raw.estimate, [...at, 'estimate'], report),
    apiDataModel: textPhase(raw.apiDataModel, [...at, 'apiDataModel'], report, rubricList),
    highLevelDesign: textPhase(raw.highLevelDesign, [...at, 'highLevelDesign'], report, rubricList),
    ...(deepDive ? { deepDive } : {}),
    curveball: curveball(raw.curveball, [...at, 'curveball'], report, rubricList),
  };
}

function textPhase(raw: unknown, at: FieldPath, report: Report, rubricList: RubricReader): TextPhaseSpec {
  if (!isObj(raw)) {
    report(at, raw === undefined ? 'is required' : 'must be a mapping with prompt and rubric');
    return { prompt: '', rubric: [] };
  }
  known(raw, ['prompt', 'rubric'], at, report);
  const rubric = rubricList(raw.rubric, [...at, 'rubric'], report);
  if (rubric.length === 0) report([...at, 'rubric'], 'needs at least one concept');
  return { prompt: text(raw, 'prompt', at, report) ?? '', rubric };
}

function estimatePhase(raw: unknown, at: FieldPath, report: Report): EstimatePhaseSpec | undefined {
  if (!isObj(raw)) return void report(at, 'must be a mapping with prompt, inputs and ask');
  known(raw, ['prompt', 'inputs', 'ask'], at, report);
  const prompt = text(raw, 'prompt', at, report) ?? '';
  const inputs = isObj(raw.inputs)
    ? (raw.inputs as Record<string, string | number>)
    : (report([...at, 'inputs'], 'must be a mapping of estimator inputs'), {});
  const ask =
    Array.isArray(raw.ask) && raw.ask.length > 0 && raw.ask.every((k) => typeof k === 'string')
      ? (raw.ask as string[])
      : (report([...at, 'ask'], 'must be a list of estimator keys'), []);
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
  return { prompt, inputs, ask };
}

const CHANGES = ['rate', 'crash', 'error', 'slow', 'cold-cache'];

function curveball(raw: unknown, at: FieldPath, report: Report, rubricList: RubricReader): CurveballSpec {
  if (!isObj(raw)) {
    report(at, raw === undefined ? 'is required' : 'must be a mapping with prompt, change, slo and rubric');
    return { prompt: '', rubric: [] };
  }
  known(raw, ['prompt', 'scenario', 'change', 'slo', 'rubric'], at, report);
  const rubric = rubricList(raw.rubric, [...at, 'rubric'], report);
  if (rubric.length === 0) report([...at, 'rubric'], 'needs at least one concept');
  const spec: CurveballSpec = { prompt: text(raw, 'prompt', at, report) ?? '', rubric };
  if (raw.scenario !== undefined) spec.scenario = text(raw, 'scenario', at, report);
  if (raw.change !== undefined) spec.change = change(raw.change, [...at, 'change'], report);
  if (raw.slo !== undefined) spec.slo = slo(raw.slo, [...at, 'slo'], report);
  if ((spec.change === undefined) !== (spec.slo === undefined))
    report(at, 'change and slo go together: give both for a simulated curveball, or neither');
  return spec;
}

function change(raw: unknown, at: FieldPath, report: Report): CurveballChange | undefined {
  if (!isObj(raw) || typeof raw.kind !== 'string' || !CHANGES.includes(raw.kind))
    return void report(at, `must be a mapping whose kind is one of ${CHANGES.join(', ')}`);
  const time = (key: string, fallback?: number) =>
    raw[key] === undefined && fallback !== undefined ? fallback : ms(raw[key], [...at, key], report);
  const num = (key: string) =>
    typeof raw[key] === 'number' && (raw[key] as number) > 0
      ? (raw[key] as number)
      : (report([...at, key], 'must be a number above 0'), 1);
  const target = () => text(raw, 'target', at, report) ?? 'dependency';
  switch (raw.kind) {
    case 'rate':
      known(raw, ['kind', 'factor', 'at'], at, report);
      return { kind: 'rate', factor: num('factor'), at: time('at', 0) };
    case 'crash':
      known(raw, ['kind', 'target', 'at', 'duration'], at, report);
      return { kind: 'crash', target: target(), at: time('at'), duration: time('duration') };
    case 'error':
      known(raw, ['kind', 'target', 'rate', 'at', 'duration'], at, report);
      return {
        kind: 'error',
        target: target(),
        rate: Math.min(1, num('rate')),
        at: time('at'),
        duration: time('duration'),
      };
    case 'slow':
      known(raw, ['kind', 'target', 'factor', 'at', 'duration'], at, report);
      return { kind: 'slow', target: target(), factor: num('factor'), at: time('at'), duration: time('duration') };
    default:
      known(raw, ['kind'], at, report);
      return { kind: 'cold-cache' };
  }
}

function slo(raw: unknown, at: FieldPath, report: Report): Slo | undefined {
  if (!isObj(raw)) return void report(at, 'must be a mapping with p95 and errorRate');
  known(raw, ['p95', 'errorRate'], at, report);
  const p95Ms = ms(raw.p95, [...at, 'p95'], report);
  let errorRate = 0;
  try {
    errorRate = parseErrorPercent(raw.errorRate);
  } catch {
    report([...at, 'errorRate'], 'must be a percentage such as 1%');
  }
  return { p95Ms, errorRate };
}

function ms(value: unknown, at: FieldPath, report: Report): number {
  try {
    if (typeof value !== 'string' && typeof value !== 'number') throw new UnitError('');
    return parseDuration(value, at.join('.')) * 1000;
  } catch {
    report(at, 'must be a duration such as 250ms or 20s');
    return 0;
  }
}

function text(raw: Obj, key: string, at: FieldPath, report: Report): string | undefined {
  const value = raw[key];
  if (typeof value === 'string' && value.trim() !== '') return value;
  report([...at, key], value === undefined ? 'is required' : 'must be non-empty text');
  return undefined;
}

function known(raw: Obj, keys: string[], at: FieldPath, report: Report): void {
  for (const key of Object.keys(raw))
    if (!keys.includes(key)) report([...at, key], `unknown field (known: ${keys.join(', ')})`);
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An SLO's error rate is written as a percentage (`1%`, or a bare `1` meaning 1%), never a fraction. */
function parseErrorPercent(raw: unknown): number {
  const text = typeof raw === 'number' ? `${raw}%` : String(raw).trim();
  if (!text.endsWith('%')) throw new UnitError(`errorRate: "${text}" must be a percentage such as 1%`);
  return parseShare(text, 'errorRate');
}

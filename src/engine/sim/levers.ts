import { describe } from '../schema/issues.js';
import { DYNAMIC_FIGURES } from './dynamics-figures.js';
import { leverFieldsFor } from './dynamics-lever-fields.js';
import { fieldKey, removeField, unitFactor, type Doc, type LeverModel } from './lever-fields.js';
import { round } from './metrics.js';

/** A named knob of a scenario bound to one model field, with its range and the scenario's own value. */
export interface Lever {
  name: string;
  /** The scenario field it moves, e.g. `servers[0].count` or `policies.timeout`. */
  field: string;
  /** The unit its values are in: `ms`/`s`/`m`/`h` for times, `%` or `fraction` for ratios, `choice` for names, else a label. */
  unit: string;
  min: number;
  max: number;
  step: number;
  /** The value the scenario file has (0 when the setting is off). */
  baseline: number;
  description: string;
  /** For a choice lever: the names its values 0, 1, … stand for. */
  choices?: readonly string[];
  /** Model units per lever unit (unit conversion times the lever's `scale`). */
  factor: number;
  /** Whether the model field takes whole numbers only. */
  integer: boolean;
  /** Whether 0 turns the setting off. */
  zeroIsOff: boolean;
}

/** A service-level objective checked on a run's result. */
export interface Slo {
  name: string;
  /** A number in the single-run result, by path: `latencyMs.p95`, `errorRate`, `lag.maxBacklog`, … */
  metric: string;
  /** Passes when the figure is at most `max` (or at least `min`). */
  max?: number;
  min?: number;
}

/** The lever and SLO lists every scenario kind may declare (read once the model is valid). */
export interface WithLevers {
  /** The knobs a user may turn (`simulate --levers`). @default [] */
  levers?: Lever[];
  /** The objectives a run is judged against. @default [] */
  slos?: Slo[];
}

/** The metrics an SLO may name, per scenario kind (all are numbers in the single-run JSON result). */
export const SLO_METRICS: Record<LeverModel['kind'], readonly string[]> = {
  requests: [
    'latencyMs.mean',
    'latencyMs.p50',
    'latencyMs.p90',
    'latencyMs.p95',
    'latencyMs.p99',
    'latencyMs.p999',
    'latencyMs.max',
    'errorRate',
    'apdex',
    'throughput.offeredRps',
    'throughput.goodputRps',
    'requests.retries',
    'requests.failed',
    'requests.timedOut',
    'requests.rejected',
    'requests.shortCircuited',
  ],
  availability: [
    'availability.mean',
    'availability.p5',
    'availability.p50',
    'availability.p95',
    'downtimeMinutesPerYear.mean',
    'downtimeMinutesPerYear.p5',
    'downtimeMinutesPerYear.p95',
  ],
  ...DYNAMIC_FIGURES,
};

/** How an SLO reads in a report and in JSON, e.g. `latencyMs.p95 <= 100`. */
export function sloTarget(slo: Slo): string {
  return slo.max !== undefined ? `${slo.metric} <= ${slo.max}` : `${slo.metric} >= ${slo.min}`;
}

export interface LeverProblem {
  field: string;
  message: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Read the `levers:` list of a scenario document against the validated scenario (which supplies each
 * baseline). Problems are reported by field path, like the rest of the file.
 */
export function readLeverSpecs(raw: unknown, sc: LeverModel, problems: LeverProblem[]): Lever[] {
  const fields = leverFieldsFor(sc.kind);
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ field: 'levers', message: 'must be a list of levers' });
    return [];
  }
  const names = new Set<string>();
  const out: Lever[] = [];
  raw.forEach((spec: unknown, i) => {
    const at = `levers[${i}]`;
    const bad = (field: string, message: string) =>
      void problems.push({ field: `${at}${field ? `.${field}` : ''}`, message });
    if (!isObj(spec)) return bad('', 'must be a mapping with name, field, unit, min, max and step');
    for (const key of Object.keys(spec))
      if (!['name', 'field', 'unit', 'min', 'max', 'step', 'scale', 'description'].includes(key))
        bad(key, 'unknown field (known: name, field, unit, min, max, step, scale, description)');
    const name = spec.name;
    if (typeof name !== 'string' || !/^[a-z][a-z0-9-]*$/.test(name))
      return bad('name', 'must be a lowercase name such as instances or retry-budget');
    if (names.has(name)) return bad('name', `${name} is already a lever`);
    names.add(name);
    const path = spec.field;
    const { key, index } = fieldKey(typeof path === 'string' ? path : '');
    const field = fields[key];
    if (!field) return bad('field', `must be one of ${Object.keys(fields).join(', ')} (with the list index for [])`);
    const unit = typeof spec.unit === 'string' ? spec.unit : field.kind === 'choice' ? 'choice' : undefined;
    if (unit === undefined) return bad('unit', 'is required');
    const converted = unitFactor(field, unit);
    if (converted === undefined)
      return bad(
        'unit',
        field.kind === 'time'
          ? 'must be ms, s, m or h for a time'
          : field.kind === 'fraction'
            ? 'must be % or fraction for a ratio'
            : field.kind === 'percent'
              ? 'must be % for this threshold'
              : 'must be choice for a choice',
      );
    const scale = spec.scale === undefined ? 1 : spec.scale;
    if (!isNum(scale) || scale <= 0 || (scale !== 1 && field.kind !== 'count' && field.kind !== 'number'))
      return bad('scale', 'must be a positive number, and only on a count');
    const lastChoice = (field.choices?.length ?? 1) - 1;
    const min = field.choices ? (spec.min ?? 0) : spec.min;
    const max = field.choices ? (spec.max ?? lastChoice) : spec.max;
    const step = spec.step ?? 1;
    if (!isNum(min)) return bad('min', `must be a number, not ${describe(min)}`);
    if (!isNum(max) || max < min) return bad('max', `must be a number no less than min (${min})`);
    if (!isNum(step) || step <= 0) return bad('step', 'must be a number above 0');
    if (field.choices && (min < 0 || max > lastChoice || !Number.isInteger(min) || !Number.isInteger(max)))
      return bad('max', `a choice lever ranges over 0 … ${lastChoice} (${field.choices.join(', ')})`);
    const factor = converted * scale;
    const model = field.get(sc, index);
    if (model === undefined && !field.zeroIsOff && !(key === 'policies.circuitBreaker.enabled'))
      return bad('field', `${path} is not in this scenario`);
    const baseline = round((model ?? 0) / factor, 9);
    if (baseline < min || baseline > max)
      return bad('min', `the scenario's own value ${baseline} ${unit} must lie from min to max (${min} … ${max})`);
    const integer = field.kind === 'count' || field.kind === 'choice';
    out.push({
      name,
      field: path as string,
      unit,
      min,
      max,
      step,
      baseline,
      description: typeof spec.description === 'string' ? spec.description : '',
      choices: field.choices,
      factor,
      integer,
      zeroIsOff: field.zeroIsOff ?? false,
    });
  });
  return out;
}

/** Read the `slos:` list of a scenario document. */
export function readSloSpecs(raw: unknown, kind: LeverModel['kind'], problems: LeverProblem[]): Slo[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ field: 'slos', message: 'must be a list of objectives' });
    return [];
  }
  const metrics: readonly string[] = SLO_METRICS[kind];
  const out: Slo[] = [];
  raw.forEach((spec: unknown, i) => {
    const bad = (field: string, message: string) =>
      void problems.push({ field: `slos[${i}]${field ? `.${field}` : ''}`, message });
    if (!isObj(spec)) return bad('', 'must be a mapping with name, metric and max or min');
    for (const key of Object.keys(spec))
      if (!['name', 'metric', 'max', 'min'].includes(key)) bad(key, 'unknown field (known: name, metric, max, min)');
    if (typeof spec.name !== 'string' || spec.name.trim() === '') return bad('name', 'must be text');
    if (typeof spec.metric !== 'string' || !metrics.includes(spec.metric))
      return bad('metric', `must be one of ${metrics.join(', ')}`);
    if ((spec.max === undefined) === (spec.min === undefined)) return bad('', 'needs exactly one of max and min');
    const bound = spec.max ?? spec.min;
    if (!isNum(bound)) return bad(spec.max !== undefined ? 'max' : 'min', `must be a number, not ${describe(bound)}`);
    out.push(
      spec.max !== undefined
        ? { name: spec.name, metric: spec.metric, max: bound }
        : { name: spec.name, metric: spec.metric, min: bound },
    );
  });
  return out;
}

/** A lever's value as text with its unit: `4 instances`, `1 instance`, `200 ms`, `full`, `off`. */
export function formatLever(lever: Lever, value: number): string {
  if (lever.choices) return lever.choices[value] ?? String(value);
  if (lever.zeroIsOff && value === 0) return 'off';
  const unit =
    lever.unit === 'fraction' ? '' : lever.unit === '%' ? '%' : ` ${value === 1 ? singular(lever.unit) : lever.unit}`;
  return `${round(value, 6)}${unit}`;
}

/** One of a counted unit: instances → instance, retries → retry; ms, s and req/s stay as they are. */
function singular(unit: string): string {
  if (!/^[a-z]{3,}s$/.test(unit)) return unit;
  return unit.endsWith('ies') ? `${unit.slice(0, -3)}y` : unit.slice(0, -1);
}

/**
 * Check one `NAME=VALUE` against the levers; returns the value in lever units or a one-line problem.
 * A choice lever takes its name (`full`) or its number.
 */
export function parseLeverValue(
  levers: readonly Lever[],
  name: string,
  text: string,
): { value: number } | { problem: string } {
  const lever = levers.find((l) => l.name === name);
  if (!lever) return { problem: `no lever named ${name} (levers: ${levers.map((l) => l.name).join(', ') || 'none'})` };
  const byName = lever.choices?.indexOf(text.trim()) ?? -1;
  const value = byName >= 0 ? byName : text.trim() === '' ? NaN : Number(text);
  const range = lever.choices
    ? lever.choices.slice(lever.min, lever.max + 1).join(', ')
    : `${lever.min} to ${lever.max} ${lever.unit}`;
  if (!Number.isFinite(value))
    return { problem: `${name}=${text}: must be ${lever.choices ? `one of ${range}` : `a number from ${range}`}` };
  if (value < lever.min || value > lever.max)
    return { problem: `${name}=${text}: must be ${lever.choices ? `one of ${range}` : `from ${range}`}` };
  if (lever.integer && !Number.isInteger(round(value * lever.factor, 9)))
    return { problem: `${name}=${text}: must be a whole number` };
  return { value };
}

/**
 * A copy of the scenario document with the levers set to `values` (lever units), without its `levers:`
 * list. Levers left out keep the file's value. Validate the result as a fresh document: a lever never
 * skips the format's checks.
 */
export function applyLevers(doc: Doc, sc: LeverModel, values: Readonly<Record<string, number>>): Doc {
  const copy = structuredClone(doc) as Doc;
  // The variant runs; it is not turned again. Its levers are left out: a setting turned off can take a
  // lever's field with it (no token bucket, so no burst), which would make the variant unreadable.
  delete copy.levers;
  const fields = leverFieldsFor(sc.kind);
  for (const lever of sc.levers ?? []) {
    const value = values[lever.name];
    if (value === undefined || value === lever.baseline) continue;
    const { key, index } = fieldKey(lever.field);
    const field = fields[key];
    if (field.zeroIsOff && value === 0) {
      if (field.remove) field.remove(copy, index);
      else removeField(copy, lever.field);
    } else field.set(copy, index, round(value * lever.factor, 9), sc);
  }
  return copy;
}

/** What a user gave, for a message: `.nan`, `.inf`, `-.inf`, text in quotes, or the JSON of it. */
export { describe };

import {
  DIFFICULTIES,
  QUESTION_KINDS,
  STEP_FORMS,
  TOPICS,
  type Question,
  type RubricConcept,
  type Step,
} from '../engine/drill/types.js';
import { expectations, misconceptions, opposite } from './grading-schema.js';

import { validateMock } from './mock-schema.js';

export type FieldPath = Array<string | number>;
export type Report = (path: FieldPath, message: string) => void;

type Obj = Record<string, unknown>;

const TOP_FIELDS = [
  'id',
  'title',
  'topic',
  'kind',
  'difficulty',
  'minutes',
  'checklist',
  'files',
  'scenario',
  'source',
  'prompt',
  'code',
  'output',
  'estimate',
  'steps',
];
// Mock interview: its own field, parsed in mock-schema.ts.
TOP_FIELDS.push('mock');
const STEP_FIELDS = [
  'title',
  'form',
  'prompt',
  'hints',
  'rubric',
  'misconceptions',
  'expect',
  'choices',
  'answer',
  'model',
];
const RUBRIC_FIELDS = ['concept', 'synonyms', 'weight', 'because', 'opposite'];
const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Check a parsed front matter against docs/question-format.md; report every problem by field path. */
export function validateQuestion(raw: unknown, outer: Report): Omit<Question, 'body' | 'origin'> | undefined {
  let count = 0;
  const report: Report = (path, message) => {
    count += 1;
    outer(path, message);
  };
  if (!isObj(raw)) {
    report([], 'front matter must be a mapping of fields');
    return undefined;
  }
  unknownFields(raw, TOP_FIELDS, [], report);
  const id = str(raw, 'id', [], report);
  if (id !== undefined && !ID.test(id))
    report(['id'], `"${id}" must be kebab-case: lower-case letters, digits and dashes`);
  const kind = oneOf(raw, 'kind', QUESTION_KINDS, [], report);
  const question = {
    id: id ?? '',
    title: str(raw, 'title', [], report) ?? '',
    topic: oneOf(raw, 'topic', TOPICS, [], report) ?? 'scalability',
    kind: kind ?? 'concept',
    difficulty: oneOf(raw, 'difficulty', DIFFICULTIES, [], report) ?? 'medium',
    minutes: int(raw, 'minutes', [], report, 1) ?? 1,
    checklist: strList(raw, 'checklist', [], report, { min: 1 }) ?? [],
    files: raw.files === undefined ? [] : (strList(raw, 'files', [], report) ?? []),
    scenario: optStr(raw, 'scenario', [], report),
    source: optStr(raw, 'source', [], report),
    prompt: str(raw, 'prompt', [], report) ?? '',
    code: raw.code === undefined ? undefined : code(raw.code, report),
    output: optStr(raw, 'output', [], report),
    estimate: raw.estimate === undefined ? undefined : estimate(raw.estimate, report),
    steps: kind === 'estimation' && raw.steps === undefined ? [] : steps(raw.steps, report),
  };
  // Mock interview block (docs/mock.md).
  if (raw.mock !== undefined) {
    const mock = validateMock(raw.mock, kind, report, rubricList);
    if (mock) Object.assign(question, { mock });
  }
  if (kind === 'estimation' && raw.estimate === undefined) report(['estimate'], 'is required for kind: estimation');
  if (kind === 'estimation' && raw.steps !== undefined)
    report(['steps'], 'kind: estimation makes its steps from estimate.ask; leave steps out');
  if (kind !== 'estimation' && raw.estimate !== undefined)
    report(['estimate'], 'only kind: estimation takes an estimate');
  if (kind === 'code' && raw.code === undefined) report(['code'], 'is required for kind: code');
  if (kind === 'output' && raw.output === undefined) report(['output'], 'is required for kind: output');
  return count > 0 ? undefined : question;
}

function steps(raw: unknown, report: Report): Step[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    report(['steps'], 'must be a list of at least one step');
    return [];
  }
  return raw.map((s, i) => step(s, ['steps', i], report));
}

function step(raw: unknown, at: FieldPath, report: Report): Step {
  if (!isObj(raw)) {
    report(at, 'must be a mapping (title, prompt, rubric, model, …)');
    return { title: '', form: 'text', prompt: '', hints: [], rubric: [], model: '' };
  }
  unknownFields(raw, STEP_FIELDS, at, report);
  const form = raw.form === undefined ? 'text' : (oneOf(raw, 'form', STEP_FORMS, at, report) ?? 'text');
  const rubric = raw.rubric === undefined ? [] : rubricList(raw.rubric, [...at, 'rubric'], report);
  if (form === 'text' && rubric.length === 0)
    report([...at, 'rubric'], 'a text step needs at least one rubric concept');
  const result: Step = {
    title: str(raw, 'title', at, report) ?? '',
    form,
    prompt: raw.prompt === undefined ? '' : (str(raw, 'prompt', at, report) ?? ''),
    hints: raw.hints === undefined ? [] : (strList(raw, 'hints', at, report) ?? []),
    rubric,
    model: str(raw, 'model', at, report) ?? '',
  };
  if (raw.misconceptions !== undefined)
    result.misconceptions = misconceptions(raw.misconceptions, [...at, 'misconceptions'], report);
  if (raw.expect !== undefined) result.expect = expectations(raw.expect, [...at, 'expect'], report);
  overlaps(result, at, report);
  if (form !== 'text')
    for (const key of ['misconceptions', 'expect'])
      if (raw[key] !== undefined) report([...at, key], `only form: text takes ${key}`);
  if (form === 'choice') {
    const choices = strList(raw, 'choices', at, report, { min: 2 });
    const answer = int(raw, 'answer', at, report, 0);
    if (choices && answer !== undefined && answer >= choices.length)
      report([...at, 'answer'], `must be an index into choices (0 to ${choices.length - 1})`);
    result.choices = choices;
    result.answer = answer;
  } else {
    for (const key of ['choices', 'answer'])
      if (raw[key] !== undefined) report([...at, key], `only form: choice takes ${key}`);
  }
  return result;
}

/**
 * One phrase, one meaning: a phrase that credits two concepts doubles a one-word answer's score, and
 * one that is both a concept's synonym and a misconception or an opposite stance contradicts itself.
 */
function overlaps(step: Step, at: FieldPath, report: Report): void {
  const owner = new Map<string, string>();
  const key = (phrase: string) =>
    phrase
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  step.rubric.forEach((concept, i) => {
    for (const phrase of [concept.concept, ...concept.synonyms]) {
      const earlier = owner.get(key(phrase));
      if (earlier !== undefined && earlier !== concept.concept)
        report(
          [...at, 'rubric', i, 'synonyms'],
          `"${phrase}" already credits "${earlier}"; one phrase should earn one concept`,
        );
      owner.set(key(phrase), concept.concept);
    }
  });
  step.rubric.forEach((concept, i) => {
    for (const phrase of concept.opposite?.phrases ?? []) {
      if (owner.has(key(phrase)))
        report([...at, 'rubric', i, 'opposite', 'phrases'], `"${phrase}" also credits "${owner.get(key(phrase))}"`);
    }
  });
  (step.misconceptions ?? []).forEach((m, i) => {
    for (const phrase of m.patterns)
      if (owner.has(key(phrase)))
        report([...at, 'misconceptions', i, 'patterns'], `"${phrase}" also credits "${owner.get(key(phrase))}"`);
  });
}

function rubricList(raw: unknown, at: FieldPath, report: Report): RubricConcept[] {
  if (!Array.isArray(raw)) {
    report(at, 'must be a list of concepts');
    return [];
  }
  return raw.map((r, i) => {
    const here = [...at, i];
    if (!isObj(r)) {
      report(here, 'must be a mapping with concept, synonyms and weight');
      return { concept: '', synonyms: [], weight: 1 };
    }
    unknownFields(r, RUBRIC_FIELDS, here, report);
    const weight = r.weight === undefined ? 1 : r.weight;
    if (typeof weight !== 'number' || !(weight > 0)) report([...here, 'weight'], 'must be a positive number');
    const concept: RubricConcept = {
      concept: str(r, 'concept', here, report) ?? '',
      synonyms: r.synonyms === undefined ? [] : (strList(r, 'synonyms', here, report) ?? []),
      weight: typeof weight === 'number' ? weight : 1,
    };
    if (r.because !== undefined) concept.because = strList(r, 'because', here, report) ?? [];
    if (r.opposite !== undefined) concept.opposite = opposite(r.opposite, [...here, 'opposite'], report);
    return concept;
  });
}

function code(raw: unknown, report: Report): Question['code'] {
  if (!isObj(raw)) {
    report(['code'], 'must be a mapping with path, lang and source');
    return undefined;
  }
  unknownFields(raw, ['path', 'lang', 'source'], ['code'], report);
  return {
    path: str(raw, 'path', ['code'], report) ?? '',
    lang: str(raw, 'lang', ['code'], report) ?? '',
    source: str(raw, 'source', ['code'], report) ?? '',
  };
}

function estimate(raw: unknown, report: Report): Question['estimate'] {
  if (!isObj(raw)) {
    report(['estimate'], 'must be a mapping with inputs and ask');
    return undefined;
  }
  unknownFields(raw, ['inputs', 'ask'], ['estimate'], report);
  const inputs: Record<string, string | number> = {};
  if (!isObj(raw.inputs)) report(['estimate', 'inputs'], 'must be a mapping of estimator inputs');
  else
    for (const [key, value] of Object.entries(raw.inputs)) {
      if (typeof value === 'string' || typeof value === 'number') inputs[key] = value;
      else report(['estimate', 'inputs', key], 'must be a number or text such as 2M or 1KB');
    }
  return { inputs, ask: strList(raw, 'ask', ['estimate'], report, { min: 1 }) ?? [] };
}

// Field readers: each reports its own problem and returns undefined when the value is unusable.

export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function unknownFields(raw: Obj, known: string[], at: FieldPath, report: Report): void {
  for (const key of Object.keys(raw))
    if (!known.includes(key)) report([...at, key], `unknown field (known: ${known.join(', ')})`);
}

export function str(raw: Obj, key: string, at: FieldPath, report: Report): string | undefined {
  const value = raw[key];
  if (typeof value === 'string' && value.trim() !== '') return value;
  report([...at, key], value === undefined ? 'is required' : 'must be non-empty text');
  return undefined;
}

function optStr(raw: Obj, key: string, at: FieldPath, report: Report): string | undefined {
  return raw[key] === undefined ? undefined : str(raw, key, at, report);
}

export function strList(
  raw: Obj,
  key: string,
  at: FieldPath,
  report: Report,
  opts: { min?: number } = {},
): string[] | undefined {
  const raw0 = raw[key];
  // `choices: [540, 900]` and `synonyms: [503]` are meant as text: YAML reads them as numbers.
  const value = Array.isArray(raw0) ? raw0.map((v) => (typeof v === 'number' ? String(v) : v)) : raw0;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    report([...at, key], value === undefined ? 'is required' : 'must be a list of text');
    return undefined;
  }
  if (value.length < (opts.min ?? 0)) {
    report([...at, key], `needs at least ${opts.min} entr${opts.min === 1 ? 'y' : 'ies'}`);
    return undefined;
  }
  return value as string[];
}

function int(raw: Obj, key: string, at: FieldPath, report: Report, min: number): number | undefined {
  const value = raw[key];
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
  report([...at, key], value === undefined ? 'is required' : `must be a whole number ≥ ${min}`);
  return undefined;
}

function oneOf<T extends string>(
  raw: Obj,
  key: string,
  allowed: readonly T[],
  at: FieldPath,
  report: Report,
): T | undefined {
  const value = raw[key];
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  report([...at, key], `must be one of ${allowed.join(', ')}`);
  return undefined;
}

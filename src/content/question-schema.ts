import * as z from 'zod/mini';
import { DIFFICULTIES, QUESTION_KINDS, STEP_FORMS, TOPICS, type Question, type Step } from '../engine/drill/types.js';
import { parseFields } from '../engine/schema/issues.js';
import {
  expectationList,
  misconceptionList,
  rubricList,
  toExpectations,
  toMisconceptions,
  toRubric,
} from './grading-schema.js';
import { mockFields, toMock } from './mock-schema.js';
import { listOf, mapping, text, textList, wholeNumber, type FieldPath, type Report } from './question-fields.js';

export type { FieldPath, Report } from './question-fields.js';

const ID = /^[a-z0-9][a-z0-9-]*$/;

const stepFields = (rubric: ReturnType<typeof rubricList>) =>
  mapping(
    {
      title: text(),
      form: z._default(z.enum(STEP_FORMS), 'text'),
      prompt: z._default(text(), ''),
      hints: z._default(textList(), []),
      rubric: z._default(rubric, []),
      misconceptions: z.optional(misconceptionList()),
      expect: z.optional(expectationList()),
      choices: z.optional(textList()),
      answer: z.optional(wholeNumber(0)),
      model: text(),
    },
    'must be a mapping (title, prompt, rubric, model, …)',
  );

/** A question file's front matter (docs/question-format.md). */
function frontMatterFields() {
  const rubric = rubricList();
  return z.strictObject({
    id: text().check(
      z.regex(ID, {
        error: (iss) => `"${String(iss.input)}" must be kebab-case: lower-case letters, digits and dashes`,
      }),
    ),
    title: text(),
    topic: z.enum(TOPICS),
    kind: z.enum(QUESTION_KINDS),
    difficulty: z.enum(DIFFICULTIES),
    minutes: wholeNumber(1),
    checklist: textList(1),
    files: z._default(textList(), []),
    scenario: z.optional(text()),
    source: z.optional(text()),
    prompt: text(),
    code: z.optional(
      mapping({ path: text(), lang: text(), source: text() }, 'must be a mapping with path, lang and source'),
    ),
    output: z.optional(text()),
    estimate: z.optional(
      mapping(
        {
          inputs: z.record(
            z.string(),
            z.union([z.string(), z.number()], { error: 'must be a number or text such as 2M or 1KB' }),
            { error: 'must be a mapping of estimator inputs' },
          ),
          ask: textList(1),
        },
        'must be a mapping with inputs and ask',
      ),
    ),
    steps: z.optional(
      listOf(stepFields(rubric), 'must be a list of at least one step').check(
        z.minLength(1, 'must be a list of at least one step'),
      ),
    ),
    // Mock interview: its own block (mock-schema.ts).
    mock: z.optional(mockFields(rubric)),
  });
}

/**
 * Built on first use: zod builds a schema out of many objects, and this module is loaded at start-up
 * (the command table reaches it) long before any question file is read.
 */
const questionFields = z.lazy(frontMatterFields);

/** Check a parsed front matter against docs/question-format.md; report every problem by field path. */
export function validateQuestion(raw: unknown, outer: Report): Omit<Question, 'body' | 'origin'> | undefined {
  let count = 0;
  const report: Report = (path, message) => {
    count += 1;
    outer(path, message);
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    report([], 'front matter must be a mapping of fields');
    return undefined;
  }
  const parsed = parseFields(questionFields, raw);
  if (parsed.data === undefined) {
    for (const p of parsed.problems) report(p.path, p.message);
    return undefined;
  }
  const { mock, steps, ...fields } = parsed.data;
  const { kind } = fields;
  const question: Omit<Question, 'body' | 'origin'> = {
    ...fields,
    steps: (steps ?? []).map((s, i) => toStep(s, ['steps', i], report)),
  };
  if (mock) Object.assign(question, { mock: toMock(mock, kind, report) });
  if (kind === 'estimation' && fields.estimate === undefined) report(['estimate'], 'is required for kind: estimation');
  if (kind === 'estimation' && steps !== undefined)
    report(['steps'], 'kind: estimation makes its steps from estimate.ask; leave steps out');
  if (kind !== 'estimation' && steps === undefined) report(['steps'], 'must be a list of at least one step');
  if (kind !== 'estimation' && fields.estimate !== undefined)
    report(['estimate'], 'only kind: estimation takes an estimate');
  if (kind === 'code' && fields.code === undefined) report(['code'], 'is required for kind: code');
  if (kind === 'output' && fields.output === undefined) report(['output'], 'is required for kind: output');
  return count > 0 ? undefined : question;
}

/** A step read by the schema, checked as a whole: what its form takes, and one phrase per concept. */
function toStep(raw: z.output<ReturnType<typeof stepFields>>, at: FieldPath, report: Report): Step {
  const { misconceptions, expect, choices, answer, ...fields } = raw;
  const result: Step = { ...fields, rubric: toRubric(raw.rubric) };
  if (raw.form === 'text' && result.rubric.length === 0)
    report([...at, 'rubric'], 'a text step needs at least one rubric concept');
  if (misconceptions) result.misconceptions = toMisconceptions(misconceptions, [...at, 'misconceptions'], report);
  if (expect) result.expect = toExpectations(expect);
  overlaps(result, at, report);
  if (raw.form !== 'text')
    for (const key of ['misconceptions', 'expect'] as const)
      if (raw[key] !== undefined) report([...at, key], `only form: text takes ${key}`);
  if (raw.form === 'choice') {
    if (choices === undefined) report([...at, 'choices'], 'is required');
    else if (choices.length < 2) report([...at, 'choices'], 'needs at least 2 entries');
    if (answer === undefined) report([...at, 'answer'], 'is required');
    else if (choices && answer >= choices.length)
      report([...at, 'answer'], `must be an index into choices (0 to ${choices.length - 1})`);
    result.choices = choices;
    result.answer = answer;
  } else {
    for (const key of ['choices', 'answer'] as const)
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

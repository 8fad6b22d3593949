import { scoreStep } from '../scoring/score.js';
import type { RubricConcept, Step } from '../types.js';

/** A deduction as the grading model explains it. */
export interface Deduction {
  reason: string;
  points: number;
}

/** A prose answer's grade, in the shape the mock report needs. */
export interface TextGrade {
  score: number;
  hit: string[];
  missed: string[];
  deductions: Deduction[];
}

/** The cap on an answer that is a list of terms (the grading issue's bar for keyword lists). */
export const LIST_CAP = 30;
const LIST_REASON = 'a list of terms: say what you would do and why';

/**
 * The one place the mock calls the drill grader. `scoreStep` is used as it is; once the grading
 * model returns `deductions` (misconceptions, contradictions, list caps) they are passed through.
 * Until then the grader credits any listed term, so a list of terms is capped here instead; the
 * fallback turns itself off as soon as the grader reports deductions of its own.
 */
export function gradeText(step: Step, answer: string): TextGrade {
  const result = scoreStep(step, answer);
  if (!result) return { score: 0, hit: [], missed: step.rubric.map((r) => r.concept), deductions: [] };
  const own = (result as { deductions?: Deduction[] }).deductions;
  if (own !== undefined) return { score: result.score, hit: result.hit, missed: result.missed, deductions: own };
  if (result.score > LIST_CAP && isTermList(answer)) {
    return {
      score: LIST_CAP,
      hit: result.hit,
      missed: result.missed,
      deductions: [{ reason: LIST_REASON, points: result.score - LIST_CAP }],
    };
  }
  return { score: result.score, hit: result.hit, missed: result.missed, deductions: [] };
}

/** A text step made from a phase's prompt and rubric, so the drill grader can score it. */
export function phaseStep(title: string, prompt: string, rubric: RubricConcept[]): Step {
  return { title, form: 'text', prompt, hints: [], rubric, model: '' };
}

// Words that carry a sentence rather than name a thing: prose has many, a list of terms almost none.
const FUNCTION_WORDS = new Set(
  'a an the to of in on for with by from at as is are was be been it its this that these those we i you they he she would will should can could because so since which when if then than but or not no do does use using make add keep put run move go let our my your their them there here what why how each every one more most less only also into before after while until'.split(
    ' ',
  ),
);

/** Mostly bare terms: at least six words, and fewer than one in six a function word. */
export function isTermList(answer: string): boolean {
  const words = answer.toLowerCase().match(/[a-z']+/g) ?? [];
  if (words.length < 6) return false;
  const glue = words.filter((w) => FUNCTION_WORDS.has(w)).length;
  return glue / words.length < 1 / 6;
}

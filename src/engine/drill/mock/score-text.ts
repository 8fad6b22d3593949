import { scoreStep } from '../scoring/score.js';
import type { RubricConcept, Step } from '../types.js';

/** The cap on an answer that is a list of terms: the drill grader's (the grading issue's bar for keyword lists). */
export { LIST_CAP } from '../scoring/list-density.js';

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

/**
 * The one place the mock calls the drill grader. `scoreStep` is used as it is, its deductions
 * (misconceptions, contradictions, the cap on a list of terms) passed through.
 */
export function gradeText(step: Step, answer: string): TextGrade {
  const result = scoreStep(step, answer);
  if (!result) return { score: 0, hit: [], missed: step.rubric.map((r) => r.concept), deductions: [] };
  return { score: result.score, hit: result.hit, missed: result.missed, deductions: result.deductions };
}

/** A text step made from a phase's prompt and rubric, so the drill grader can score it. */
export function phaseStep(title: string, prompt: string, rubric: RubricConcept[]): Step {
  return { title, form: 'text', prompt, hints: [], rubric, model: '' };
}

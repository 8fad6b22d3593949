/** The question bank's types: what a file in questions/ becomes once loaded and validated. */
import type { MockSpec } from './mock/types.js';

/** The four topics of the seed. */
export type Topic = 'scalability' | 'reliability' | 'consistency' | 'performance';
export const TOPICS: readonly Topic[] = ['scalability', 'reliability', 'consistency', 'performance'];

/** What kind of drill an item is. */
export type QuestionKind =
  /** A practice question answered through an analysis framework, step by step. */
  | 'framework'
  /** A drill on one concept: short answer, multiple choice or recall card. */
  | 'concept'
  /** A Go Coffee code excerpt with a question on its trade-offs or defects. */
  | 'code'
  /** Real tool output (a load test, a histogram) to read. */
  | 'output'
  /** Back-of-the-envelope numbers, graded by the capacity estimator. */
  | 'estimation';
export const QUESTION_KINDS: readonly QuestionKind[] = ['framework', 'concept', 'code', 'output', 'estimation'];

export type Difficulty = 'easy' | 'medium' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

/** How one step is answered. */
export type StepForm =
  /** Free text of several lines, scored against the rubric. */
  | 'text'
  /** Multiple choice: `choices` and the index of the right `answer`. */
  | 'choice'
  /** Recall card: think, reveal the model answer, rate yourself. */
  | 'card'
  /** A number to estimate (kind: estimation; made by the loader from `estimate.ask`). */
  | 'estimate';
/** The forms a question file may use; 'estimate' steps are generated. */
export const STEP_FORMS: readonly StepForm[] = ['text', 'choice', 'card'];

/** A concept an answer should contain. */
export interface RubricConcept {
  /** Shown in the review as hit or missed. */
  concept: string;
  /** Other words that count as the concept. @default [] */
  synonyms: string[];
  /** Relative importance. @default 1 */
  weight: number;
  /**
   * Phrases that count as this concept's reason when they share its sentence ("stateless" for
   * horizontal scaling), besides the generic links (because, so, which means …). @default []
   */
  because?: string[];
  /** The opposite recommendation for the same decision, when there is one. */
  opposite?: OppositeStance;
}

/** The other side of a decision: recommending it loses the concept and deducts. */
export interface OppositeStance {
  /** Names the wrong call in the feedback, e.g. "scale up as the main fix". */
  stance: string;
  /** Phrases that recommend it (matched like synonyms; rebuttals and negations do not count). */
  phrases: string[];
  /** One line saying why the concept's side is right, shown with the deduction. */
  correction: string;
  /** Points deducted from the step (0–100) when only the opposite is recommended. @default 20 */
  points: number;
}

/** A wrong idea a step's answers often contain, with the line that corrects it. */
export interface Misconception {
  /**
   * Phrases that state it. A phrase with ` ... ` between parts matches when every part occurs,
   * un-negated, in one sentence ("exactly once ... safe to retry").
   */
  patterns: string[];
  /** Points deducted from the step (0–100). @default 20 */
  points: number;
  /** One line that corrects it, shown with the deduction. */
  correction: string;
}

/** A number the answer should state, checked against `value` within `tolerance`. */
export interface Expectation {
  /** What the number is, e.g. "downtime a year at 99.99%". */
  label: string;
  /** The right figure in the unit of `kind` (seconds for durations, 0–1 for percentages). */
  value: number;
  /** How `value` was written in the file, e.g. "52.6 min", shown in the feedback. */
  readable: string;
  kind: 'count' | 'size' | 'duration' | 'percent';
  /** Relative tolerance. @default 0.05 */
  tolerance: number;
  /** A number counts as an attempt at this one only in a sentence with one of these words. @default [] (any number of the same kind) */
  near: string[];
  /** Weight among the step's rubric concepts. @default 1 */
  weight: number;
  /** Points deducted for a wrong figure. @default 10 */
  points: number;
}

export interface Step {
  /** The framework step in the seed's words, e.g. "Identify the bottleneck (CPU, memory, database, network)". */
  title: string;
  /** @default 'text' */
  form: StepForm;
  /** Guides without giving the answer (Markdown). */
  prompt: string;
  hints: string[];
  rubric: RubricConcept[];
  /** Wrong ideas that deduct, each with its correction. @default [] */
  misconceptions?: Misconception[];
  /** Numbers the answer should state. @default [] */
  expect?: Expectation[];
  /** form 'choice' only. */
  choices?: string[];
  /** form 'choice' only: 0-based index into `choices`. */
  answer?: number;
  /** The model answer for this step (Markdown). */
  model: string;
  /** form 'estimate' only: the result asked for and its computed value. */
  estimate?: { key: string; label: string; actual: number; readable: string; unit: 'count' | 'size' | 'duration' };
}

export interface CodeExcerpt {
  path: string;
  lang: string;
  source: string;
}

/** kind 'estimation': inputs in the estimate command's units, and the result keys asked for. */
export interface EstimationSpec {
  inputs: Record<string, string | number>;
  ask: string[];
}

export interface Question {
  id: string;
  title: string;
  topic: Topic;
  kind: QuestionKind;
  difficulty: Difficulty;
  /** Suggested minutes. */
  minutes: number;
  /** Checklist item ids this question proves. */
  checklist: string[];
  /** Go Coffee source files it refers to. */
  files: string[];
  /** A built-in simulation scenario id. */
  scenario?: string;
  /** Where in the seed it comes from, e.g. "Practice Question 1.1". */
  source?: string;
  /** The question as asked (Markdown). */
  prompt: string;
  code?: CodeExcerpt;
  output?: string;
  estimate?: EstimationSpec;
  steps: Step[];
  // Mock interview (its own block: other fields are added above by other work).
  /** Phase prompts, estimate inputs and the curveball for a timed mock (kind: framework only). */
  mock?: MockSpec;
  /** The Markdown body, split by its level-2 headings. */
  body: { context: string; modelAnswer: string; followUps: string; rest: string };
  /** Where it was loaded from (for messages). */
  origin: string;
}

/** A problem found while loading a question file. */
export interface ContentProblem {
  path: string;
  /** 1-based; 0 when the problem is not tied to a line. */
  line: number;
  field: string;
  message: string;
}

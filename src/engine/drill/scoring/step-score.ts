/** What kind of loss a deduction explains. */
export type DeductionKind =
  /** A concept named without a reason: it earned only a third of its weight. */
  | 'no-reason'
  /** Concepts stated only in the prompt's own words, or only asked about. */
  | 'echo'
  /** A concept stated and dismissed in the same answer. */
  | 'dismissed'
  /** One of the step's declared misconceptions. */
  | 'misconception'
  /** The opposite of a concept's stance recommended. */
  | 'opposite'
  /** Both sides of one decision recommended. */
  | 'contradiction'
  /** A stated number outside the tolerance of the expected one. */
  | 'number'
  /** The answer reads as a list of terms, so the step is capped. */
  | 'cap';

/** One explained loss of points on a step. */
export interface Deduction {
  kind: DeductionKind;
  /** What was found, in the feedback's words. */
  reason: string;
  /** Points of the step's 0–100 lost to it (rounded). */
  points: number;
  /** The line that corrects it, for misconceptions, stances and numbers. */
  correction?: string;
}

/** How one answer to one step scored. */
export interface StepScore {
  /** 0–100. */
  score: number;
  /** Rubric concepts credited, with or without a reason (or, for a choice, the right option when chosen). */
  hit: string[];
  /** The concepts of `hit` stated with a reason (full credit). */
  reasoned: string[];
  /** The concepts of `hit` stated without a reason (a third of their weight). */
  unreasoned: string[];
  /** Rubric concepts not credited (or the right option when another was chosen). */
  missed: string[];
  /** Every loss of points, with its reason. */
  deductions: Deduction[];
}

import type { Question, Step } from '../types.js';
import { mentions, prepare } from './match.js';
import { findGradeable, readGuess, type Kind } from '../../capacity/grade.js';
import { UnitError } from '../../capacity/units.js';

/** How one answer to one step scored. */
export interface StepScore {
  /** 0–100. */
  score: number;
  /** Rubric concepts found in the answer (or, for a choice, the right option when chosen). */
  hit: string[];
  /** Rubric concepts not found (or the right option when another was chosen). */
  missed: string[];
}

/**
 * Score an answer against a step. Text: the weighted share of rubric concepts mentioned (a concept
 * counts when it or any synonym appears, not negated). Choice: `answer` is the chosen index; right
 * is 100, wrong 0. Cards are self-rated and have no score here (undefined).
 */
export function scoreStep(step: Step, answer: string): StepScore | undefined {
  if (step.form === 'card') return undefined;
  if (step.form === 'estimate' && step.estimate) return scoreEstimate(step.estimate, answer);
  if (step.form === 'choice') {
    const right = step.choices?.[step.answer ?? -1] ?? '';
    const chosen = Number.parseInt(answer.trim(), 10);
    return chosen === step.answer ? { score: 100, hit: [right], missed: [] } : { score: 0, hit: [], missed: [right] };
  }
  const text = prepare(answer);
  const hit: string[] = [];
  const missed: string[] = [];
  let got = 0;
  let total = 0;
  for (const item of step.rubric) {
    total += item.weight;
    if ([item.concept, ...item.synonyms].some((phrase) => mentions(text, phrase))) {
      hit.push(item.concept);
      got += item.weight;
    } else {
      missed.push(item.concept);
    }
  }
  return { score: total === 0 ? 0 : Math.round((got / total) * 100), hit, missed };
}

/** The attempt's overall score: the mean of its scored steps (cards excluded), rounded; 0 if none. */
export function scoreAttempt(_question: Question, stepScores: ReadonlyArray<StepScore | undefined>): number {
  const scored = stepScores.filter((s): s is StepScore => s !== undefined);
  if (scored.length === 0) return 0;
  return Math.round(scored.reduce((sum, s) => sum + s.score, 0) / scored.length);
}

/**
 * An estimate scores by how far off it is: within 25% is full marks, within 2× (the usual bar for
 * back-of-the-envelope maths) 80, within 10× 40, beyond that or unreadable 0.
 */
function scoreEstimate(target: NonNullable<Step['estimate']>, answer: string): StepScore {
  let guess: number;
  const kind: Kind = findGradeable(target.key)?.kind ?? (target.unit === 'size' ? 'bytes' : target.unit === 'duration' ? 'seconds' : 'count');
  try {
    guess = readGuess(kind, answer, target.key);
  } catch (error) {
    if (!(error instanceof UnitError)) throw error;
    // Say why it scored 0 ("expected a rate, got a duration") rather than failing silently; the review
    // shows the answer itself just below, so the reason alone keeps the line within 80 columns.
    const why = / expected .+?, got [a-z ]+/.exec(error.message)?.[0].trim() ?? 'not a number with a known unit';
    return { score: 0, hit: [], missed: [`${target.label}: ${target.readable} (${why})`] };
  }
  const off = guess === 0 || target.actual === 0 ? (guess === target.actual ? 1 : Infinity) : Math.max(guess / target.actual, target.actual / guess);
  const score = off <= 1.25 ? 100 : off <= 2 ? 80 : off <= 10 ? 40 : 0;
  const label = `${target.label}: ${target.readable}`;
  return score >= 80 ? { score, hit: [label], missed: [] } : { score, hit: [], missed: [label] };
}

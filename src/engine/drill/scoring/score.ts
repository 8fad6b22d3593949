import type { Question, Step } from '../types.js';
import { findGradeable, readGuess, type Kind } from '../../capacity/grade.js';
import { UnitError } from '../../capacity/units.js';
import { BARE_SHARE, conceptCredit, judgeConcept, type ConceptResult } from './concepts.js';
import { LIST_CAP, measureDensity } from './list-density.js';
import { statedWords } from './misconceptions.js';
import { givenStems } from './novelty.js';
import { checkNumber } from './numbers.js';
import { judgeStance } from './stances.js';
import type { Deduction, StepScore } from './step-score.js';
import { prepare } from './text.js';

export type { Deduction, DeductionKind, StepScore } from './step-score.js';

/**
 * Score an answer against a step. Text: each rubric concept earns its weight when stated with a
 * reason, a third without one, nothing when echoed from the prompt, dismissed, or overruled by its
 * opposite stance; expected numbers join the concepts; then misconceptions, opposite stances,
 * contradictions and wrong numbers deduct, and a list of terms is capped. Choice: `answer` is the
 * chosen index; right is 100, wrong 0. Cards are self-rated and have no score here (undefined).
 */
export function scoreStep(step: Step, answer: string): StepScore | undefined {
  if (step.form === 'card') return undefined;
  if (step.form === 'estimate' && step.estimate) return scoreEstimate(step.estimate, answer);
  if (step.form === 'choice') {
    const right = step.choices?.[step.answer ?? -1] ?? '';
    const chosen = Number.parseInt(answer.trim(), 10);
    return chosen === step.answer ? outcome(100, [right], [right], [], [], []) : outcome(0, [], [], [], [right], []);
  }
  return scoreText(step, answer);
}

function scoreText(step: Step, answer: string): StepScore {
  const text = prepare(answer);
  const given = givenStems(step);
  const expects = step.expect ?? [];
  const total = step.rubric.reduce((sum, c) => sum + c.weight, 0) + expects.reduce((sum, e) => sum + e.weight, 0);
  const share = (weight: number) => (total === 0 ? 0 : (weight / total) * 100);
  const deductions: Deduction[] = [];
  const [reasoned, unreasoned, missed]: string[][] = [[], [], []];
  let earned = 0;
  const echoed: ConceptResult[] = [];
  // Each misconception stated once (its first pattern found names it); the words of every pattern it is
  // stated by are wrong ("RTO is how much data … and RPO is how long …" holds two).
  const stated = (step.misconceptions ?? []).flatMap((misconception) => {
    const found = misconception.patterns
      .map((pattern) => ({ pattern, words: statedWords(text, pattern) }))
      .filter((p) => p.words.length > 0);
    return found.length > 0 ? [{ misconception, pattern: found[0].pattern, words: found.flatMap((p) => p.words) }] : [];
  });
  const wrong = new Set(stated.flatMap((s) => s.words));
  for (const concept of step.rubric) {
    const stance = judgeStance(text, concept);
    const decided = concept.opposite !== undefined && stance === 'right';
    const result = judgeConcept(text, concept, given, decided, wrong);
    const credit = stance === 'opposite' || stance === 'both' ? 0 : conceptCredit(result.status);
    earned += credit * concept.weight;
    if (credit === 1) reasoned.push(concept.concept);
    else if (credit > 0) unreasoned.push(concept.concept);
    else missed.push(concept.concept);
    if (concept.opposite && stance === 'opposite') {
      deductions.push({
        kind: 'opposite',
        reason: `recommends ${concept.opposite.stance} instead of ${concept.concept}`,
        points: concept.opposite.points,
        correction: concept.opposite.correction,
      });
    } else if (concept.opposite && stance === 'both') {
      deductions.push({
        kind: 'contradiction',
        reason: `recommends both ${concept.concept} and ${concept.opposite.stance} for one decision`,
        points: concept.opposite.points,
        correction: concept.opposite.correction,
      });
    } else if (credit > 0 && credit < 1) {
      deductions.push({
        kind: 'no-reason',
        reason: `${concept.concept}: named without a reason (say why, or what follows)`,
        points: Math.round(share(concept.weight * (1 - BARE_SHARE))),
      });
    } else if (result.status === 'dismissed') {
      deductions.push({
        kind: 'dismissed',
        reason: `${concept.concept}: mentioned, then dismissed`,
        points: Math.round(share(concept.weight)),
      });
    } else if (result.status === 'echoed') echoed.push(result);
  }
  if (echoed.length > 0) {
    const weight = echoed.reduce((sum, r) => sum + r.concept.weight, 0);
    deductions.push({
      kind: 'echo',
      reason: `${echoed.map((r) => r.concept.concept).join(', ')}: only the prompt's own words (or a question); add what you would do and why`,
      points: Math.round(share(weight)),
    });
  }
  for (const expect of expects) {
    const verdict = checkNumber(expect, answer);
    if (verdict.status === 'right') {
      earned += expect.weight;
      reasoned.push(`${expect.label}: ${expect.readable}`);
    } else {
      missed.push(`${expect.label}: ${expect.readable}`);
      if (verdict.status === 'wrong')
        deductions.push({
          kind: 'number',
          reason: `${expect.label}: ${verdict.stated} is off`,
          points: expect.points,
          correction: `it is ${expect.readable}`,
        });
    }
  }
  for (const { misconception, pattern } of stated)
    deductions.push({
      kind: 'misconception',
      reason: `misconception: ${pattern.replace(/\s*\.\.\.\s*/g, ' … ')}`,
      points: misconception.points,
      correction: misconception.correction,
    });
  const penalties = deductions
    .filter((d) => ['misconception', 'opposite', 'contradiction', 'number'].includes(d.kind))
    .reduce((sum, d) => sum + d.points, 0);
  let score = clamp(Math.round(share(earned) - penalties));
  if (measureDensity(answer).list && score > LIST_CAP) {
    deductions.push({
      kind: 'cap',
      reason: `a list of terms: say what you would do and why (capped at ${LIST_CAP})`,
      points: score - LIST_CAP,
    });
    score = LIST_CAP;
  }
  return outcome(score, [...reasoned, ...unreasoned], reasoned, unreasoned, missed, deductions);
}

function outcome(
  score: number,
  hit: string[],
  reasoned: string[],
  unreasoned: string[],
  missed: string[],
  deductions: Deduction[],
): StepScore {
  return { score, hit, reasoned, unreasoned, missed, deductions };
}

function clamp(n: number): number {
  return Math.max(0, Math.min(100, n));
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
  const label = `${target.label}: ${target.readable}`;
  const kind: Kind =
    findGradeable(target.key)?.kind ??
    (target.unit === 'size' ? 'bytes' : target.unit === 'duration' ? 'seconds' : 'count');
  try {
    guess = readGuess(kind, answer, target.key);
  } catch (error) {
    if (!(error instanceof UnitError)) throw error;
    if (answer.trim() === '') return outcome(0, [], [], [], [label], []);
    // Say why it scored 0 ("expected a rate, got a duration") rather than failing silently.
    const why = / expected .+?, got [a-z ]+/.exec(error.message)?.[0].trim() ?? 'not a number with a known unit';
    return outcome(
      0,
      [],
      [],
      [],
      [label],
      [{ kind: 'number', reason: `"${answer.trim()}": ${why}`, points: 100, correction: `it is ${target.readable}` }],
    );
  }
  const off =
    guess === 0 || target.actual === 0
      ? guess === target.actual
        ? 1
        : Infinity
      : Math.max(guess / target.actual, target.actual / guess);
  const score = off <= 1.25 ? 100 : off <= 2 ? 80 : off <= 10 ? 40 : 0;
  if (score >= 80) return outcome(score, [label], [label], [], [], []);
  return outcome(
    score,
    [],
    [],
    [],
    [label],
    [
      {
        kind: 'number',
        reason: `${answer.trim()} is ${off === Infinity ? 'not close' : `${Math.round(off * 10) / 10}× off`}`,
        points: 100 - score,
        correction: `it is ${target.readable}`,
      },
    ],
  );
}

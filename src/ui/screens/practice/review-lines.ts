import type { DrillState } from '../../../engine/drill/session.js';
import type { StepScore } from '../../../engine/drill/scoring/score.js';
import { wrapText } from '../../../engine/text/wrap.js';
import { deductionLines, hangingLines } from '../../components/deduction-lines.js';
import { bold as BOLD, dim as DIM, paint } from '../../theme.js';

const GREEN = (s: string) => paint.good(s);
const RED = (s: string) => paint.bad(s);
const YELLOW = (s: string) => paint.warn(s);

/**
 * How a step scored, line by line: concepts hit with a reason (✓), named without one (~), missed (✗),
 * then every deduction with its points, reason and correction (→), wrapped to `width`.
 */
export function scoreLines(score: StepScore, width: number): string[] {
  const out: string[] = [];
  for (const concept of score.reasoned) out.push(...hangingLines(concept, width, '  ✓ ', '    ', GREEN));
  for (const concept of score.unreasoned)
    out.push(...hangingLines(`${concept} (no reason given)`, width, '  ~ ', '    ', YELLOW));
  for (const concept of score.missed) out.push(...hangingLines(concept, width, '  ✗ ', '    ', RED));
  for (const d of score.deductions) out.push(...deductionLines(d, width, RED));
  return out;
}

/**
 * The review as terminal lines: per step the score, what earned and lost points, the user's answer
 * and the model answer; then the full model answer and follow-ups. `markdown` renders model text.
 */
export function reviewLines(state: DrillState, width: number, markdown: (text: string) => string[]): string[] {
  const q = state.question;
  const out: string[] = [];
  q.steps.forEach((step, k) => {
    const score = state.scores[k];
    out.push(BOLD(`Step ${k + 1} · ${step.title}`) + (score ? `  ${score.score}/100` : DIM('  (self-rated card)')));
    if (score) out.push(...scoreLines(score, width));
    const answer =
      step.form === 'choice'
        ? (step.choices?.[Number(state.answers[k])] ?? '(no choice made)')
        : state.answers[k].trim() || '(no answer)';
    out.push(DIM('  Your answer:'), ...wrapText(answer, width - 4).map((l) => DIM(`    ${l}`)));
    out.push('  Model answer:', ...markdown(step.model).map((l) => `    ${l}`), '');
  });
  if (q.body.modelAnswer) out.push(BOLD('The full model answer'), ...markdown(q.body.modelAnswer), '');
  if (q.body.followUps) out.push(BOLD('Follow-ups an interviewer may ask'), ...markdown(q.body.followUps), '');
  return out;
}

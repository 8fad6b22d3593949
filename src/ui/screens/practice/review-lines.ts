import type { DrillState } from '../../../engine/drill/session.js';
import { wrapText } from '../../../engine/text/wrap.js';
import { bold as BOLD, dim as DIM, paint } from '../../theme.js';

const GREEN = (s: string) => paint.good(s);
const RED = (s: string) => paint.bad(s);

/**
 * The review as terminal lines: per step the score, concepts hit and missed, the user's answer and
 * the model answer; then the full model answer and follow-ups. `markdown` renders model text.
 */
export function reviewLines(state: DrillState, width: number, markdown: (text: string) => string[]): string[] {
  const q = state.question;
  const out: string[] = [];
  q.steps.forEach((step, k) => {
    const score = state.scores[k];
    out.push(BOLD(`Step ${k + 1} · ${step.title}`) + (score ? `  ${score.score}/100` : DIM('  (self-rated card)')));
    if (score) {
      for (const concept of score.hit) out.push(GREEN(`  ✓ ${concept}`));
      for (const concept of score.missed) out.push(RED(`  ✗ ${concept}`));
    }
    const answer = step.form === 'choice' ? step.choices?.[Number(state.answers[k])] ?? '(no choice made)' : state.answers[k].trim() || '(no answer)';
    out.push(DIM('  Your answer:'), ...wrapText(answer, width - 4).map((l) => DIM(`    ${l}`)));
    out.push('  Model answer:', ...markdown(step.model).map((l) => `    ${l}`), '');
  });
  if (q.body.modelAnswer) out.push(BOLD('The full model answer'), ...markdown(q.body.modelAnswer), '');
  if (q.body.followUps) out.push(BOLD('Follow-ups an interviewer may ask'), ...markdown(q.body.followUps), '');
  return out;
}

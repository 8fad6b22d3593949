import type { DrillState } from '../engine/drill/session.js';
import type { Deduction } from '../engine/drill/scoring/score.js';
import { sanitizeText } from '../engine/text/sanitize.js';

/** A deduction as one line: what was found, then the correction when there is one. */
export function deductionLine(d: Deduction): string {
  return sanitizeText(d.correction ? `${d.reason} — ${d.correction}` : d.reason);
}

/** The `practice --answers --json` document (the contract in DESIGN.md). */
export function gradeJson(state: DrillState) {
  return {
    id: state.question.id,
    score: state.overall,
    steps: state.question.steps.map((step, k) => {
      const s = state.scores[k];
      return {
        title: step.title,
        score: s ? s.score : null,
        hit: s?.hit ?? [],
        missed: s?.missed ?? [],
        deductions: (s?.deductions ?? []).map((d) => ({ reason: deductionLine(d), points: d.points })),
      };
    }),
  };
}

/** The readable report: per step the score, concepts with and without reasons, misses and every deduction. */
export function gradeText(state: DrillState): string {
  const q = state.question;
  const out = [`${q.id} · ${q.title}: ${state.overall}/100`, ''];
  q.steps.forEach((step, k) => {
    const s = state.scores[k];
    out.push(`Step ${k + 1} · ${step.title}: ${s ? `${s.score}/100` : 'self-rated card'}`);
    if (s) {
      for (const c of s.reasoned) out.push(`  ✓ ${c}`);
      for (const c of s.unreasoned) out.push(`  ~ ${c} (named without a reason)`);
      for (const c of s.missed) out.push(`  ✗ ${c}`);
      for (const d of s.deductions) out.push(`  −${d.points} ${deductionLine(d)}`);
    }
    out.push('');
  });
  return `${out.join('\n').trimEnd()}\n`;
}

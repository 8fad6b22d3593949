import { paint } from '../../theme.js';
import type { ProgressReport } from '../../../engine/history/progress.js';
import { sanitizeText } from '../../../engine/text/sanitize.js';

const BOLD = (s: string) => `\u001b[1m${s}\u001b[22m`;
const DIM = (s: string) => `\u001b[2m${s}\u001b[22m`;
const RED = paint.bad;
const GREEN = paint.good;

/**
 * The Stats screen as terminal lines, `width` columns wide: trends per topic, what is missed most
 * (two columns when there is room), mock pacing, checklist by section. Names from the store are
 * sanitized and cut to their column.
 */
export function statsLines(report: ProgressReport, width: number): string[] {
  const out: string[] = [BOLD('Score trend by topic') + DIM(' (attempts, oldest → newest; ▁ 0 … █ 100)')];
  const spark = Math.max(5, Math.min(20, width - 40));
  for (const trend of report.trends) {
    const topic = report.topics.find((t) => t.topic === trend.topic);
    const last = trend.scores[trend.scores.length - 1];
    const line =
      trend.scores.length === 0
        ? DIM('not tried yet')
        : `${trend.sparkline.slice(-spark).padEnd(spark)}  latest ${last} · mean best ${topic?.meanBest ?? '–'} · ${topic?.tried}/${topic?.questions} tried`;
    out.push(`  ${trend.topic.padEnd(12)} ${line}`);
  }
  out.push('');
  const missed = report.missedConcepts
    .slice(0, 5)
    .map((m) => `${String(m.count).padStart(3)}× ${sanitizeText(m.name)}`);
  const wrong = report.misconceptions.slice(0, 5).map((m) => `${String(m.count).padStart(3)}× ${sanitizeText(m.name)}`);
  const none = DIM('  none yet');
  if (width >= 70) {
    const half = Math.floor((width - 2) / 2);
    out.push(BOLD('Concepts missed most'.padEnd(half)) + BOLD('Misconceptions most often'));
    for (let k = 0; k < Math.max(1, missed.length, wrong.length); k += 1) {
      const left = missed[k] ?? (k === 0 ? '  none yet' : '');
      const right = wrong[k] ?? (k === 0 ? '  none yet' : '');
      out.push(`${cut(left, half - 1).padEnd(half)}${cut(right, width - half)}`);
    }
  } else {
    out.push(BOLD('Concepts missed most'), ...(missed.length ? missed.map((m) => cut(m, width)) : [none]));
    out.push(BOLD('Misconceptions most often'), ...(wrong.length ? wrong.map((m) => cut(m, width)) : [none]));
  }
  out.push('', BOLD('Mock interview pacing') + DIM(' (mean time used / budget)'));
  if (report.mockPhases.length === 0) out.push(DIM('  no mock interview reports yet'));
  for (const p of report.mockPhases) {
    const over =
      p.overBudget > 0 ? RED(` over in ${p.overBudget} of ${p.reports}`) : GREEN(` within budget (${p.reports})`);
    out.push(
      `  ${cut(sanitizeText(p.name), 24).padEnd(24)} ${clock(p.meanUsedSeconds)} / ${p.meanBudgetSeconds === undefined ? '?' : clock(p.meanBudgetSeconds)}${over}`,
    );
  }
  out.push('', BOLD('Checklist by section'));
  for (const s of report.checklist.sections)
    out.push(
      `  ${cut(s.title, 24).padEnd(24)} ${'█'.repeat(s.done)}${'░'.repeat(Math.max(0, s.total - s.done))} ${s.done}/${s.total}`,
    );
  return out;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
}

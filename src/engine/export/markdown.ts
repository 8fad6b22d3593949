import type { EntryStep, HistoryEntry } from '../history/entries.js';
import type { Deduction } from './step-details.js';

/** A readable study log: every attempt, step review and mock report, newest first. */
export function markdownExport(
  entries: readonly HistoryEntry[],
  exportedAt: string,
  checklist: { done: number; total: number },
): string {
  const attempts = entries.filter((e) => e.kind === 'attempt').length;
  const out = [
    '# gocoffee-drill study log',
    '',
    `Exported ${minute(exportedAt)} UTC · ${attempts} attempt${attempts === 1 ? '' : 's'} · ${entries.length - attempts} other entr${entries.length - attempts === 1 ? 'y' : 'ies'} · checklist ${checklist.done}/${checklist.total}`,
    '',
  ];
  for (const entry of entries) out.push(...entryMarkdown(entry), '');
  return `${out.join('\n').trimEnd()}\n`;
}

export function entryMarkdown(entry: HistoryEntry): string[] {
  const cardsOnly =
    entry.kind === 'attempt' && entry.steps.length > 0 && entry.steps.every((s) => s.score === undefined);
  const score = entry.score === undefined || cardsOnly ? '' : ` — ${entry.score}/100`;
  const kind = entry.kind === 'attempt' ? entry.mode : entry.kind === 'review' ? 'step review' : 'mock interview';
  const out = [`## ${minute(entry.at)} · ${oneLine(entry.title)}${score}`, ''];
  const facts = [kind, `\`${entry.questionId}\``];
  if (entry.kind !== 'mock' && entry.rating) facts.push(`rated ${entry.rating}`);
  if (entry.kind === 'mock' && entry.band) facts.push(entry.band);
  out.push(facts.join(' · '), '');
  if (entry.kind === 'mock') {
    for (const phase of entry.phases) {
      const time =
        phase.usedSeconds === undefined
          ? ''
          : ` · ${Math.round(phase.usedSeconds / 60)} of ${Math.round((phase.budgetSeconds ?? 0) / 60)} min${phase.overBudget ? ' (over)' : ''}`;
      out.push(`- **${oneLine(phase.name)}**${phase.score === undefined ? '' : ` ${phase.score}/100`}${time}`);
      if (phase.missed.length > 0) out.push(`  - missed: ${phase.missed.map(oneLine).join(', ')}`);
      for (const d of phase.deductions) out.push(`  - deduction: ${deductionText(d)}`);
      if (phase.answer !== undefined && phase.answer.trim() !== '') out.push('', fenced(phase.answer, 'text'), '');
    }
  } else {
    entry.steps.forEach((step, k) => out.push(...(k > 0 ? [''] : []), ...stepMarkdown(step)));
  }
  if ((entry.kind === 'attempt' || entry.kind === 'mock') && entry.simulation !== undefined) {
    out.push('', 'Simulation:', '', fenced(JSON.stringify(entry.simulation, null, 2), 'json'));
  }
  return out;
}

/** "reason (−points) → correction", on one line. */
function deductionText(d: Deduction): string {
  const points = d.points === undefined ? '' : ` (−${Math.abs(d.points)})`;
  return `${oneLine(d.reason)}${points}${d.correction ? ` → ${oneLine(d.correction)}` : ''}`;
}

function stepMarkdown(step: EntryStep): string[] {
  const out = [
    `### Step ${step.index + 1} · ${oneLine(step.title)}${step.score === undefined ? ' (self-rated)' : ` — ${step.score}/100`}`,
    '',
  ];
  if (step.hit.length > 0) out.push(`Hit: ${step.hit.map(oneLine).join(', ')}  `);
  if (step.missed.length > 0) out.push(`Missed: ${step.missed.map(oneLine).join(', ')}  `);
  for (const d of step.deductions) out.push(`Deduction: ${deductionText(d)}  `);
  if (out.length > 2) out.push('');
  out.push(fenced(step.answer.trim() === '' ? '(no answer)' : step.answer, 'text'));
  return out;
}

/** A fenced block whose fence is longer than any backtick run inside, so no answer can close it. */
function fenced(text: string, lang: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function minute(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

import { paint } from '../../theme.js';
import type { EntryStep, HistoryEntry } from '../../../engine/history/entries.js';
import { deductionLines } from '../../components/deduction-lines.js';
import { sanitizeText } from '../../../engine/text/sanitize.js';
import { wrapText } from '../../../engine/text/wrap.js';

const GREEN = paint.good;
const RED = paint.bad;
const YELLOW = paint.warn;
const BOLD = (s: string) => `\u001b[1m${s}\u001b[22m`;
const DIM = (s: string) => `\u001b[2m${s}\u001b[22m`;

/** One history entry as terminal lines: per step the score, hits, misses, deductions and the answer. */
export function entryLines(entry: HistoryEntry, width: number): string[] {
  const safe = (text: string) => sanitizeText(text);
  const wrap = (text: string, indent: string) =>
    wrapText(safe(text), Math.max(10, width - indent.length)).map((l) => `${indent}${l}`);
  const kind = entry.kind === 'attempt' ? entry.mode : entry.kind === 'review' ? 'step review' : 'mock interview';
  const facts = [kind, entry.at.slice(0, 16).replace('T', ' ') + ' UTC'];
  const cardsOnly =
    entry.kind === 'attempt' && entry.steps.length > 0 && entry.steps.every((s) => s.score === undefined);
  if (entry.score !== undefined && !cardsOnly) facts.push(`score ${entry.score}/100`);
  if (entry.kind !== 'mock' && entry.rating) facts.push(`rated ${entry.rating}`);
  if (entry.kind === 'attempt') facts.push(`time ${minutes(entry.totalMs / 1000)}`);
  if (entry.kind === 'mock' && entry.band) facts.push(safe(entry.band));
  const out = [DIM(facts.join(' · ')), ''];
  if (entry.kind === 'mock') {
    for (const phase of entry.phases) {
      const time =
        phase.usedSeconds === undefined
          ? ''
          : ` · ${minutes(phase.usedSeconds)} of ${phase.budgetSeconds === undefined ? '?' : minutes(phase.budgetSeconds)}`;
      out.push(
        BOLD(safe(phase.name)) +
          (phase.score === undefined ? '' : `  ${phase.score}/100`) +
          (phase.overBudget ? RED(`${time} over`) : DIM(time)),
      );
      for (const h of phase.hit) out.push(GREEN(`  ✓ ${safe(h)}`));
      for (const m of phase.missed) out.push(RED(`  ✗ ${safe(m)}`));
      for (const d of phase.deductions) out.push(...deductionLines(d, width, YELLOW));
      if (phase.answer !== undefined)
        out.push(
          DIM('  Your answer:'),
          ...(phase.answer.trim() === '' ? [DIM('    (no answer)')] : wrap(phase.answer, '    ')),
        );
      out.push('');
    }
  } else {
    for (const step of entry.steps) out.push(...stepLines(step, width, wrap), '');
  }
  if ((entry.kind === 'attempt' || entry.kind === 'mock') && entry.simulation !== undefined) {
    out.push(
      BOLD('Simulation'),
      ...JSON.stringify(entry.simulation, null, 2)
        .split('\n')
        .flatMap((l) => wrap(l, '  ')),
    );
  }
  return out;
}

function stepLines(step: EntryStep, width: number, wrap: (text: string, indent: string) => string[]): string[] {
  const out = [
    BOLD(`Step ${step.index + 1} · ${sanitizeText(step.title)}`) +
      (step.score === undefined ? DIM('  (self-rated card)') : `  ${step.score}/100`),
  ];
  for (const c of step.hit) out.push(GREEN(`  ✓ ${sanitizeText(c)}`));
  for (const c of step.missed) out.push(RED(`  ✗ ${sanitizeText(c)}`));
  for (const d of step.deductions) out.push(...deductionLines(d, width, YELLOW));
  for (const m of step.misconceptions)
    if (!step.deductions.some((d) => d.reason.includes(m))) out.push(YELLOW(`  − misconception: ${sanitizeText(m)}`));
  const facts = [
    step.hintsUsed ? `hints ${step.hintsUsed}` : '',
    step.ms === undefined ? '' : `time ${minutes(step.ms / 1000)}`,
  ]
    .filter(Boolean)
    .join(' · ');
  out.push(
    DIM(`  Your answer${facts ? ` (${facts})` : ''}:`),
    ...(step.answer.trim() === '' ? [DIM('    (no answer)')] : wrap(step.answer, '    ')),
  );
  return out;
}

function minutes(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

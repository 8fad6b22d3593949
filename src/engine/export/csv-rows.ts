import type { HistoryEntry } from '../history/entries.js';
import { toCsv } from './csv.js';

export const CSV_HEADER = [
  'entry_id',
  'kind',
  'at',
  'question_id',
  'question',
  'topic',
  'step',
  'step_title',
  'score',
  'rating',
  'hit',
  'missed',
  'deductions',
  'hints',
  'seconds',
  'answer',
];

/**
 * One row per graded step (attempt steps and step reviews with a score), oldest first. Lists
 * inside a field are joined with "; ". Mock reports have phases, not steps: they are in the json
 * and md exports.
 */
export function csvExport(entries: readonly HistoryEntry[]): string {
  const rows: Array<Array<string | number | undefined>> = [CSV_HEADER];
  for (const entry of [...entries].reverse()) {
    if (entry.kind === 'mock') continue;
    for (const step of entry.steps) {
      if (step.score === undefined) continue;
      rows.push([
        entry.id,
        entry.kind === 'attempt' ? entry.mode : 'review',
        entry.at,
        entry.questionId,
        entry.title,
        entry.topic,
        step.index + 1,
        step.title,
        step.score,
        entry.rating,
        step.hit.join('; '),
        step.missed.join('; '),
        step.deductions
          .map((d) => (d.points === undefined ? d.reason : `${d.reason} (−${Math.abs(d.points)})`))
          .join('; '),
        step.hintsUsed,
        step.ms === undefined ? undefined : Math.round(step.ms / 1000),
        step.answer,
      ]);
    }
  }
  return toCsv(rows);
}

import type { ScheduledQuestion } from '../../../engine/drill/schedule.js';

/** One column of the question list beside the title: its heading, width and cell. */
export interface ListColumn {
  heading: string;
  width: number;
  cell(s: ScheduledQuestion): string;
}

const KIND: ListColumn = { heading: 'kind', width: 10, cell: (s) => s.question.kind };
const BEST: ListColumn = { heading: 'best', width: 4, cell: (s) => (s.best === undefined ? '–' : String(s.best)) };
const LAST: ListColumn = {
  heading: 'last tried',
  width: 10,
  cell: (s) => (s.lastTriedAt ? s.lastTriedAt.slice(0, 10) : 'never'),
};
const WHY: ListColumn = { heading: 'why', width: 15, cell: (s) => s.reason };

/**
 * The columns that fit beside a readable title (at least 24 columns of it): all four from 100
 * columns, without the date from 70, and only the score and the reason below that.
 */
export function listColumns(width: number): { columns: ListColumn[]; titleWidth: number } {
  const columns = width >= 100 ? [KIND, BEST, LAST, WHY] : width >= 70 ? [KIND, BEST, WHY] : [BEST, WHY];
  // The cursor and the due mark take three columns; each other column one space before it.
  const used = 3 + columns.reduce((n, c) => n + c.width + 1, 0);
  return { columns, titleWidth: Math.max(12, width - used) };
}

/** A cell padded or cut to its column (numbers to the right). */
export function fit(text: string, width: number, right = false): string {
  const cut = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return right ? cut.padStart(width) : cut.padEnd(width);
}

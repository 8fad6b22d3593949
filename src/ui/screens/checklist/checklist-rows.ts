import type { Checklist } from '../../../engine/checklist/types.js';

/** The checklist laid out as screen rows: a header per section, then its items. */
export type ChecklistRow =
  { type: 'section'; sectionIndex: number } | { type: 'item'; sectionIndex: number; itemIndex: number; id: string };

export function checklistRows(checklist: Checklist): ChecklistRow[] {
  return checklist.sections.flatMap((section, sectionIndex) => [
    { type: 'section' as const, sectionIndex },
    ...section.items.map((item, itemIndex) => ({ type: 'item' as const, sectionIndex, itemIndex, id: item.id })),
  ]);
}

/** First row to show so that row `focus` is visible in a window of `height` rows. */
export function windowStart(total: number, focus: number, height: number): number {
  if (total <= height) return 0;
  const start = Math.max(0, focus - Math.floor(height / 2));
  return Math.min(start, total - height);
}

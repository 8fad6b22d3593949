import type { Checklist, ChecklistSection, Progress } from './types.js';

/** Ticked items: item id → when it was ticked (ISO 8601). */
export type Ticks = Readonly<Record<string, string>>;

export function sectionProgress(section: ChecklistSection, ticks: Ticks): Progress {
  const done = section.items.filter((item) => item.id in ticks).length;
  return progress(done, section.items.length);
}

export function overallProgress(checklist: Checklist, ticks: Ticks): Progress {
  let done = 0;
  let total = 0;
  for (const section of checklist.sections) {
    const p = sectionProgress(section, ticks);
    done += p.done;
    total += p.total;
  }
  return progress(done, total);
}

/** Tick or untick one item; returns the new ticks (the input is not changed). */
export function toggleTick(ticks: Ticks, id: string, nowIso: string): Record<string, string> {
  const next = { ...ticks };
  if (id in next) delete next[id];
  else next[id] = nowIso;
  return next;
}

/** A text bar such as `█████░░░░░`, `width` cells wide. */
export function progressBar(p: Progress, width: number): string {
  const filled = Math.round(p.ratio * width);
  return '█'.repeat(filled) + '░'.repeat(Math.max(0, width - filled));
}

function progress(done: number, total: number): Progress {
  return { done, total, ratio: total === 0 ? 0 : done / total };
}

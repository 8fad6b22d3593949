import type { Question } from '../types.js';

/** A weak concept and the drills that practise it. */
export interface PractiseItem {
  concept: string;
  drills: Array<{ id: string; title: string }>;
}

const MAX_ITEMS = 3;

/**
 * The weakest concepts: those missed in the lowest-scoring phases first (the deep dive's missed
 * framework concepts count double, being the longest phase), each linked to the drills whose
 * rubric has that concept, this question's own first.
 */
export function practiseNext(
  phases: ReadonlyArray<{ name: string; score: number | null; missed: string[] }>,
  question: Question,
  bank: readonly Question[],
): PractiseItem[] {
  const weight = new Map<string, number>();
  for (const p of phases) {
    const badness = (100 - (p.score ?? 100)) * (p.name === 'deep-dive' ? 2 : 1);
    for (const concept of p.missed) weight.set(concept, (weight.get(concept) ?? 0) + badness);
  }
  const ranked = [...weight.entries()].filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const others = bank.filter((q) => q.id !== question.id);
  const items: PractiseItem[] = [];
  for (const [concept] of ranked) {
    const key = concept.toLowerCase();
    const drills = [question, ...others]
      .filter((q) => q.steps.some((s) => s.rubric.some((r) => r.concept.toLowerCase() === key)))
      .slice(0, 3)
      .map((q) => ({ id: q.id, title: q.title }));
    if (drills.length === 0) continue;
    items.push({ concept, drills });
    if (items.length === MAX_ITEMS) break;
  }
  return items;
}

import type { Misconception } from '../types.js';
import { findMentions } from './match.js';
import { critiqued } from './polarity.js';
import type { PreparedText } from './text.js';

/** Separates the parts of a pattern that must share one sentence, in any order. */
const PART_SEPARATOR = /\s*\.\.\.\s*/;

/**
 * The pattern by which the answer states a misconception, if it does: one of its patterns, every part affirmed (not
 * negated, dismissed or argued against) in one sentence that is not a question. "Exactly-once
 * delivery does not make retries safe" rebuts "exactly once ... retries safe"; it does not state it.
 */
export function statesMisconception(text: PreparedText, misconception: Misconception): string | undefined {
  return misconception.patterns.find((pattern) => statedWords(text, pattern).length > 0);
}

/**
 * The words by which the answer states a pattern: each part's affirmed mentions in the sentences that
 * hold every part (none when the pattern is not stated). A concept named inside them is stated wrongly:
 * "RPO is how long we can be down" names RPO, and earns nothing for it.
 */
export function statedWords(text: PreparedText, pattern: string): number[] {
  const parts = pattern.split(PART_SEPARATOR).filter(Boolean);
  const mentionsPer = parts.map((part) => findMentions(text, part).filter((m) => !critiqued(text, m)));
  const sentencesPer = mentionsPer.map((mentions) => new Set(mentions.map((m) => text.sentence[m.start])));
  const shared = new Set(
    [...(sentencesPer[0] ?? [])].filter((s) => !text.asks[s] && sentencesPer.every((set) => set.has(s))),
  );
  return mentionsPer.flatMap((mentions) =>
    mentions
      .filter((m) => shared.has(text.sentence[m.start]))
      .flatMap((m) => Array.from({ length: m.end - m.start + 1 }, (_, k) => m.start + k)),
  );
}

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
  return misconception.patterns.find((pattern) => {
    const parts = pattern.split(PART_SEPARATOR).filter(Boolean);
    const sentencesPer = parts.map(
      (part) =>
        new Set(
          findMentions(text, part)
            .filter((m) => !critiqued(text, m))
            .map((m) => text.sentence[m.start]),
        ),
    );
    const shared = [...(sentencesPer[0] ?? [])].filter((s) => !text.asks[s] && sentencesPer.every((set) => set.has(s)));
    return shared.length > 0;
  });
}

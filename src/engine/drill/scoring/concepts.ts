import type { RubricConcept } from '../types.js';
import { findMentions, type Mention } from './match.js';
import { addsToPrompt, NOVEL_WORDS_NEEDED } from './novelty.js';
import { dismissedAfter, negated } from './polarity.js';
import { hasReason } from './reasons.js';
import type { PreparedText } from './text.js';

/** A bare mention, with no reason in reach, earns this share of the concept's weight (at most a third). */
export const BARE_SHARE = 0.3;

/** How one rubric concept fared in an answer. */
export type ConceptStatus =
  /** Stated with a reason (a causal link or one of its `because` phrases): full weight. */
  | 'reasoned'
  /** Stated without a reason: BARE_SHARE of its weight. */
  | 'bare'
  /** Only in words the step's prompt already holds, or only inside questions: nothing. */
  | 'echoed'
  /** Stated and also dismissed somewhere ("X isn't needed", "X is overkill"): nothing. */
  | 'dismissed'
  /** Not stated, or only negated: nothing. */
  | 'missed';

export interface ConceptResult {
  concept: RubricConcept;
  status: ConceptStatus;
}

/**
 * Find a concept in the answer: its name or a synonym, affirmed (not negated, not in a question, not
 * part of a stated misconception: `wrong` holds those words), adding to the prompt's words; credited in
 * full only with a reason. A dismissal anywhere cancels it.
 * `decided`: the answer takes this concept's side of a decision the prompt poses ("up or out?"),
 * so naming the side in the prompt's words is most of the answer: one new word (its reason) will do.
 */
export function judgeConcept(
  text: PreparedText,
  concept: RubricConcept,
  given: ReadonlySet<string>,
  decided = false,
  wrong: ReadonlySet<number> = new Set(),
): ConceptResult {
  const found: Mention[] = [concept.concept, ...concept.synonyms].flatMap((phrase) => findMentions(text, phrase));
  if (found.some((m) => dismissedAfter(text, m.end))) return { concept, status: 'dismissed' };
  // A mention inside the words of a stated misconception is stated wrongly, not credited.
  const affirmed = found.filter((m) => !negated(text, m) && !wrong.has(m.start) && !wrong.has(m.end));
  if (affirmed.length === 0) return { concept, status: 'missed' };
  const claims = affirmed.filter(
    (m) => !text.asks[text.sentence[m.start]] && addsToPrompt(text, m, given, decided ? 1 : NOVEL_WORDS_NEEDED),
  );
  if (claims.length === 0) return { concept, status: 'echoed' };
  const reasoned = claims.some((m) => hasReason(text, text.sentence[m.start], concept.because ?? []));
  return { concept, status: reasoned ? 'reasoned' : 'bare' };
}

/** The share of its weight a concept earns. */
export function conceptCredit(status: ConceptStatus): number {
  return status === 'reasoned' ? 1 : status === 'bare' ? BARE_SHARE : 0;
}

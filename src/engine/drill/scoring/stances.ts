import type { RubricConcept } from '../types.js';
import { findMentions } from './match.js';
import { critiqued } from './polarity.js';
import type { PreparedText } from './text.js';

/** Which side of a concept's decision the answer takes. */
export type Stance =
  /** The concept's side only, or a concept without an opposite. */
  | 'right'
  /** The opposite side only. */
  | 'opposite'
  /** Both sides recommended for the one decision: a contradiction. */
  | 'both'
  /** Neither side recommended. */
  | 'none';

/**
 * Whether the answer recommends `phrases`: a mention that is not negated, dismissed, argued against
 * ("scaling up hits a ceiling", "rather than scaling up") or asked as a question. A stance stated as
 * a heading ("Bigger machines first: …") is a clause of its own and counts.
 */
export function recommends(text: PreparedText, phrases: readonly string[]): boolean {
  return phrases.some((phrase) =>
    findMentions(text, phrase).some((m) => !text.asks[text.sentence[m.start]] && !critiqued(text, m)),
  );
}

/** The side an answer takes on a concept that declares an opposite stance. */
export function judgeStance(text: PreparedText, concept: RubricConcept): Stance {
  if (!concept.opposite) return 'right';
  const right = recommends(text, [concept.concept, ...concept.synonyms]);
  const opposite = recommends(text, concept.opposite.phrases);
  return right && opposite ? 'both' : opposite ? 'opposite' : right ? 'right' : 'none';
}

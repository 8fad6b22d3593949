import type { RubricConcept } from '../types.js';
import { findMentions, type Mention } from './match.js';
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
  return recommended(text, phrases).length > 0;
}

function recommended(text: PreparedText, phrases: readonly string[]): Mention[] {
  return phrases.flatMap((phrase) =>
    findMentions(text, phrase).filter((m) => !text.asks[text.sentence[m.start]] && !critiqued(text, m)),
  );
}

/** Links after which a sentence argues for what came before it: "CP, because accepting spends on both sides …". */
const REASON_LINKS = new Set(['because', 'since', 'otherwise']);

/**
 * Whether a mention of one side only argues for the other: it stands in a clause opened by a reason
 * link, in a sentence that recommends the other side before the link ("CP, because accepting spends
 * on both sides lets the same balance be spent twice" recommends CP alone).
 */
function argues(text: PreparedText, m: Mention, other: Mention[]): boolean {
  return other.some((o) => {
    if (text.sentence[o.start] !== text.sentence[m.start] || o.end >= m.start) return false;
    // The link opens the mention's own clause: "…, and scale up too" after a reason is a new claim.
    for (let i = o.end + 1; i < m.start; i += 1)
      if (REASON_LINKS.has(text.raw[i]) && text.clause[i] === text.clause[m.start]) return true;
    return false;
  });
}

/** Whether mention `m` lies inside the longer mention `outer`. */
function within(m: Mention, outer: Mention): boolean {
  return outer.start <= m.start && m.end <= outer.end && outer.end - outer.start > m.end - m.start;
}

/** The side an answer takes on a concept that declares an opposite stance. */
export function judgeStance(text: PreparedText, concept: RubricConcept): Stance {
  if (!concept.opposite) return 'right';
  const rightFound = recommended(text, [concept.concept, ...concept.synonyms]);
  const oppositeFound = recommended(text, concept.opposite.phrases);
  // Words inside a longer phrase of the other side are that phrase: "nightly backups are out" holds
  // "nightly backups" and recommends none.
  const rightAll = rightFound.filter((m) => !oppositeFound.some((o) => within(m, o)));
  const oppositeAll = oppositeFound.filter((m) => !rightFound.some((r) => within(m, r)));
  const right = rightAll.some((m) => !argues(text, m, oppositeAll));
  const opposite = oppositeAll.some((m) => !argues(text, m, rightAll));
  return right && opposite ? 'both' : opposite ? 'opposite' : right ? 'right' : 'none';
}

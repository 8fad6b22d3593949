import { editDistance, typoAllowance } from './edit-distance.js';
import { isClauseBreak, isNegator, negated } from './polarity.js';
import { stem, words } from './stem.js';
import { prepare, type PreparedText } from './text.js';

export { prepare, type PreparedText };

/** Words a multi-word phrase may skip between two of its words: "read-only replicas" is "read replicas". */
const PHRASE_GAP = 1;
/**
 * Short phrases also match with their words in another order, a little further apart: "failover
 * is automatic" says "automatic failover", "the gateway should be stateless" says "stateless gateway".
 */
const ANY_ORDER_MAX_WORDS = 3;
/** Words whose order carries the meaning: "comment before reply" is not "reply before comment". */
const ORDERED = new Set([
  // "mean latency" is a statistic; "latency means …" a verb.
  'mean',
  'before',
  'after',
  'then',
  'than',
  'over',
  'under',
  'vs',
  'versus',
  'into',
  'from',
  'to',
  'until',
]);
const ANY_ORDER_EXTRA_SPAN = 3;

/** Where a phrase occurs: the indices of its first and last matched words. */
export interface Mention {
  start: number;
  end: number;
  /** A negator between the phrase's words: "the gateway is not the bottleneck" against "gateway is the bottleneck". */
  inner: boolean;
}

/**
 * Same word by stem, or within the typo allowance of the shorter word. A typo must keep the first
 * letter, so a prefix that flips the meaning ("asynchronous", "inconsistent", "unavailable") is
 * not taken for a typo of the plain word.
 */
function sameWord(text: PreparedText, i: number, phraseStem: string, phraseRaw: string): boolean {
  const answerRaw = text.raw[i];
  if (text.stems[i] === phraseStem) return true;
  if (answerRaw[0] !== phraseRaw[0] || /\d/.test(phraseRaw)) return false;
  const allowance = typoAllowance(Math.min(phraseRaw.length, answerRaw.length));
  return allowance > 0 && editDistance(answerRaw, phraseRaw, allowance) <= allowance;
}

/** The last index of the phrase's words from `k` on, following the word at `at` (gaps allowed), or -1. */
function matchFrom(text: PreparedText, at: number, raws: string[], stems: string[], k: number): number {
  if (k === raws.length) return at;
  for (let gap = 0; gap <= PHRASE_GAP; gap += 1) {
    const i = at + 1 + gap;
    if (i >= text.raw.length || text.clause[i] !== text.clause[at] || text.bracket[i]) return -1;
    if (sameWord(text, i, stems[k], raws[k])) {
      const end = matchFrom(text, i, raws, stems, k + 1);
      if (end >= 0) return end;
    }
  }
  return -1;
}

/**
 * The phrase's words in any order inside one clause, within a span a few words longer than the phrase.
 * A word of a hyphenated name keeps its place: "a multi-zone one" does not say "one zone".
 */
function matchAnyOrder(text: PreparedText, at: number, raws: string[], stems: string[]): Mention | undefined {
  const span = raws.length + ANY_ORDER_EXTRA_SPAN;
  const found: number[] = [];
  for (let k = 0; k < raws.length; k += 1) {
    let hit = -1;
    for (let i = Math.max(0, at - span + 1); i < Math.min(text.raw.length, at + span); i += 1) {
      if (
        text.clause[i] === text.clause[at] &&
        !found.includes(i) &&
        !text.compound[i] &&
        sameWord(text, i, stems[k], raws[k])
      ) {
        hit = i;
        break;
      }
    }
    if (hit < 0) return undefined;
    found.push(hit);
  }
  const start = Math.min(...found);
  const end = Math.max(...found);
  // "strong for payments and menus eventual" does not say "strong menus": no joiner in between.
  for (let i = start + 1; i < end; i += 1)
    if (isClauseBreak(text.raw[i]) && !stems.includes(text.stems[i])) return undefined;
  // "waited too long (queue age …)" does not say "long queue": an aside's words stay in the aside.
  for (let i = start + 1; i <= end; i += 1) if (text.bracket[i]) return undefined;
  return end - start < span ? { start, end, inner: innerNegation(text, start, end, stems) } : undefined;
}

function innerNegation(text: PreparedText, start: number, end: number, stems: string[]): boolean {
  for (let i = start + 1; i < end; i += 1) if (isNegator(text.raw[i]) && !stems.includes(text.stems[i])) return true;
  return false;
}

/** Every place `phrase` occurs in `text`, negated or not. */
export function findMentions(text: PreparedText, phrase: string): Mention[] {
  const raws = words(phrase);
  if (raws.length === 0) return [];
  const stems = raws.map(stem);
  const out: Mention[] = [];
  for (let i = 0; i < text.raw.length; i += 1) {
    if (!sameWord(text, i, stems[0], raws[0])) continue;
    const end = matchFrom(text, i, raws, stems, 1);
    if (end >= 0) out.push({ start: i, end, inner: innerNegation(text, i, end, stems) });
  }
  if (raws.length >= 2 && raws.length <= ANY_ORDER_MAX_WORDS && !raws.some((w) => ORDERED.has(w))) {
    for (let i = 0; i < text.raw.length; i += 1) {
      if (!sameWord(text, i, stems[raws.length - 1], raws[raws.length - 1])) continue;
      const mention = matchAnyOrder(text, i, raws, stems);
      if (mention && !out.some((m) => m.start === mention.start && m.end === mention.end)) out.push(mention);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether `phrase` occurs in `text` at least once NOT under a negation before it. */
export function mentions(text: PreparedText, phrase: string): boolean {
  return findMentions(text, phrase).some((m) => !negated(text, m));
}

import { editDistance, typoAllowance } from './edit-distance.js';
import { stem, words } from './stem.js';

/** Words that, shortly before a phrase, say the answer rejects it ("no caching", "without a cache"). */
const NEGATORS = new Set([
  'no', 'not', 'none', 'without', 'never', 'avoid', 'skip', 'neither', 'nor', 'cannot',
  'dont', 'doesnt', 'didnt', 'wont', 'cant', 'isnt', 'arent', 'wasnt', 'werent', 'shouldnt', 'wouldnt', 'mustnt', 'neednt',
]);
/**
 * Words that reject what follows only with their partner: "instead of Postgres", "rather than a
 * cache"; "instead, add replicas" and "instead add replicas" recommend the replicas.
 */
const NEGATOR_PAIRS: Record<string, string> = { instead: 'of', rather: 'than' };
/** How many words back a negator reaches: "don't add any more retries" still negates "retries". */
const NEGATION_REACH = 4;
/** Words a negation does not reach across: "no cache but retries" leaves "retries" positive. */
const CLAUSE_BREAKS = new Set(['but', 'and', 'then', 'so', 'because', 'while', 'however', 'also']);
/**
 * Punctuation that ends a clause, so neither a negation nor a phrase reaches across it: "without
 * caching, add retries" mentions retries. A dot only counts outside a number ("0.25").
 */
const CLAUSE_PUNCTUATION = /[,;:!?()\n]|\.(?!\d)/;
/** Words a multi-word phrase may skip between two of its words: "read-only replicas" is "read replicas". */
const PHRASE_GAP = 1;

/** An answer prepared once for many phrase look-ups. */
export interface PreparedText {
  raw: string[];
  stems: string[];
  /** The clause each word is in (clauses are separated by CLAUSE_PUNCTUATION). */
  clause: number[];
}

export function prepare(text: string): PreparedText {
  const raw: string[] = [];
  const clause: number[] = [];
  text.split(CLAUSE_PUNCTUATION).forEach((part, index) => {
    for (const word of words(part)) {
      raw.push(word);
      clause.push(index);
    }
  });
  return { raw, stems: raw.map(stem), clause };
}

/**
 * Same word by stem, or within the typo allowance of the shorter word. A typo must keep the first
 * letter, so a prefix that flips the meaning ("asynchronous", "inconsistent", "unavailable") is
 * not taken for a typo of the plain word.
 */
function sameWord(answerStem: string, answerRaw: string, phraseStem: string, phraseRaw: string): boolean {
  if (answerStem === phraseStem) return true;
  if (answerRaw[0] !== phraseRaw[0]) return false;
  const allowance = typoAllowance(Math.min(phraseRaw.length, answerRaw.length));
  return allowance > 0 && editDistance(answerRaw, phraseRaw, allowance) <= allowance;
}

function negatedAt(text: PreparedText, start: number): boolean {
  for (let back = 1; back <= NEGATION_REACH && start - back >= 0; back += 1) {
    const at = start - back;
    if (text.clause[at] !== text.clause[start] || CLAUSE_BREAKS.has(text.raw[at])) return false;
    if (NEGATORS.has(text.raw[at])) return true;
    const partner = NEGATOR_PAIRS[text.raw[at]];
    if (partner !== undefined && text.raw[at + 1] === partner && at + 1 < start) return true;
  }
  return false;
}

/** Whether the phrase's words from `k` on follow the word at `at` (gaps allowed). */
function matchFrom(text: PreparedText, at: number, raws: string[], stems: string[], k: number): boolean {
  if (k === raws.length) return true;
  for (let gap = 0; gap <= PHRASE_GAP; gap += 1) {
    const i = at + 1 + gap;
    if (i >= text.raw.length || text.clause[i] !== text.clause[at]) return false;
    if (sameWord(text.stems[i], text.raw[i], stems[k], raws[k]) && matchFrom(text, i, raws, stems, k + 1)) return true;
  }
  return false;
}

/**
 * Whether `phrase` occurs in `text` at least once NOT under a negation. Multi-word phrases match
 * word by word (each by stem or within the typo allowance), in order, inside one clause, with at
 * most PHRASE_GAP other words between two of the phrase's words.
 */
export function mentions(text: PreparedText, phrase: string): boolean {
  const raws = words(phrase);
  if (raws.length === 0) return false;
  const stems = raws.map(stem);
  for (let i = 0; i < text.raw.length; i += 1) {
    if (sameWord(text.stems[i], text.raw[i], stems[0], raws[0]) && matchFrom(text, i, raws, stems, 1) && !negatedAt(text, i)) return true;
  }
  return false;
}

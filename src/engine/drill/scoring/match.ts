import { editDistance, typoAllowance } from './edit-distance.js';
import { stem, words } from './stem.js';

/** Words that, shortly before a phrase, say the answer rejects it ("no caching", "without a cache"). */
const NEGATORS = new Set(['no', 'not', 'without', 'never', 'avoid', 'dont', 'doesnt', 'wont', 'cannot', 'cant', 'neither', 'nor', 'instead', 'skip']);
/** How many words back a negator reaches: "don't add any more retries" still negates "retries". */
const NEGATION_REACH = 4;
/** Words a negation does not reach across: "no cache, but retries" leaves "retries" positive. */
const CLAUSE_BREAKS = new Set(['but', 'and', 'then', 'so', 'because', 'while', 'however', 'also']);

/** An answer prepared once for many phrase look-ups. */
export interface PreparedText {
  raw: string[];
  stems: string[];
}

export function prepare(text: string): PreparedText {
  const raw = words(text);
  return { raw, stems: raw.map(stem) };
}

function sameWord(answerStem: string, answerRaw: string, phraseStem: string, phraseRaw: string): boolean {
  if (answerStem === phraseStem) return true;
  const allowance = typoAllowance(Math.min(phraseRaw.length, answerRaw.length));
  return allowance > 0 && editDistance(answerRaw, phraseRaw, allowance) <= allowance;
}

function negatedAt(text: PreparedText, start: number): boolean {
  for (let back = 1; back <= NEGATION_REACH && start - back >= 0; back += 1) {
    const word = text.raw[start - back];
    if (CLAUSE_BREAKS.has(word)) return false;
    if (NEGATORS.has(word)) return true;
  }
  return false;
}

/**
 * Whether `phrase` occurs in `text` at least once NOT under a negation. Multi-word phrases match
 * word by word (each by stem or within the typo allowance), in order, with no gaps.
 */
export function mentions(text: PreparedText, phrase: string): boolean {
  const phraseRaw = words(phrase);
  if (phraseRaw.length === 0) return false;
  const phraseStems = phraseRaw.map(stem);
  for (let i = 0; i + phraseRaw.length <= text.raw.length; i += 1) {
    let all = true;
    for (let k = 0; k < phraseRaw.length && all; k += 1) {
      all = sameWord(text.stems[i + k], text.raw[i + k], phraseStems[k], phraseRaw[k]);
    }
    if (all && !negatedAt(text, i)) return true;
  }
  return false;
}

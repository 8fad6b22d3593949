import { normalizeWords, stem } from './stem.js';

/**
 * An answer split once into words, each tagged with its clause and sentence, for the signals to
 * share. Clauses end at `, ; : ! ? —`, a newline or a full stop (not
 * at brackets: an aside belongs to its clause); sentences end at `. ! ? ;`
 * or a newline. A dot inside a number ("0.25") ends neither.
 */
export interface PreparedText {
  raw: string[];
  stems: string[];
  /** The clause each word is in. */
  clause: number[];
  /** The sentence each word is in. */
  sentence: number[];
  /** Per sentence: whether it ends with a question mark (a question claims nothing). */
  asks: boolean[];
  /** Per sentence: its text, lower-cased (for numbers and symbols). */
  sentences: string[];
  /** Per word: whether a hyphen joins it to a neighbour ("stale-while-revalidate"): part of a name, not a link. */
  compound: boolean[];
  /** Per word: whether it follows a heading's colon in its clause ("scale out: it keeps no state"). */
  headed: boolean[];
  /** Per word: whether a bracket stands between it and the word before: a phrase does not run across one. */
  bracket: boolean[];
}

/** "e.g." and "i.e." would otherwise end a sentence. */
const ABBREVIATIONS = /\b(e\.g|i\.e|etc|vs|approx|cf)\./g;
/** A percentage keeps its sign: a rubric's "10%" is not any 10 ("retry 10 times"). */
/** A full stop ends a sentence; a dot inside a word does not ("json.Marshal", "ctx.Done", "1.5"). */
const TOKEN = /[0-9]+%|[a-z0-9]+|\.(?![a-z0-9_])|[,;:!?\n—–()[\]]/g;
const SENTENCE_END = new Set(['.', '!', '?', ';', '\n']);
const HEADING_WORDS = 4;

/**
 * Join hard-wrapped lines: a newline after a long line that does not end a sentence, before a
 * line that does not start a bullet, is a space. Short lines (a list, one item a line) and blank
 * lines stay breaks.
 */
export function unwrap(text: string): string {
  return text.replace(/([^\n]{40,}[^.!?;:\n])\n(?!\s*\n|\s*(?:[-*•]|\d+[.)])\s)/g, '$1 ');
}

export function prepare(text: string): PreparedText {
  const lowered = normalizeWords(
    unwrap(text)
      .toLowerCase()
      .replace(/['’]/g, '')
      .replace(ABBREVIATIONS, (m) => m.replace(/\./g, ''))
      .replace(/[ \t]-{1,2}[ \t]/g, ' — '),
  );
  const out: PreparedText = {
    raw: [],
    stems: [],
    clause: [],
    sentence: [],
    asks: [false],
    sentences: [],
    compound: [],
    headed: [],
    bracket: [],
  };
  let clause = 0;
  let sentence = 0;
  let wordsInSentence = 0;
  let headed = false;
  let bracket = false;
  let from = 0;
  for (const match of lowered.matchAll(TOKEN)) {
    const token = match[0];
    if (/^[a-z0-9]/.test(token)) {
      out.raw.push(token);
      out.stems.push(stem(token));
      out.clause.push(clause);
      out.sentence.push(sentence);
      const at = match.index ?? 0;
      out.compound.push(
        (/[a-z0-9]/.test(lowered[at - 2] ?? '') && lowered[at - 1] === '-') ||
          (lowered[at + token.length] === '-' && /[a-z0-9]/.test(lowered[at + token.length + 1] ?? '')),
      );
      out.headed.push(headed);
      out.bracket.push(bracket);
      bracket = false;
      wordsInSentence += 1;
      continue;
    }
    // A bracket opens or closes an aside, which stays in its clause.
    if ('()[]'.includes(token)) {
      bracket = true;
      continue;
    }
    // A colon after a short heading ("Payments: strong consistency …") joins the heading to what it heads.
    if (token === ':' && wordsInSentence <= HEADING_WORDS) headed = true;
    else {
      clause += 1;
      headed = false;
    }
    if (token === '?') out.asks[sentence] = true;
    if (SENTENCE_END.has(token) && wordsInSentence > 0) {
      out.sentences.push(lowered.slice(from, (match.index ?? 0) + 1));
      from = (match.index ?? 0) + 1;
      sentence += 1;
      wordsInSentence = 0;
      out.asks[sentence] = false;
    }
  }
  out.sentences.push(lowered.slice(from));
  return out;
}

/**
 * Whether the words of `phrase` stand one after another from word `i`, each in the same clause
 * (`unit: 'clause'`) or sentence (`'sentence'`) as word `of`, or anywhere (`of` undefined).
 */
export function phraseAt(
  text: PreparedText,
  i: number,
  phrase: readonly string[],
  of?: number,
  unit: 'clause' | 'sentence' = 'clause',
): boolean {
  const within = unit === 'clause' ? text.clause : text.sentence;
  return phrase.every((word, k) => text.raw[i + k] === word && (of === undefined || within[i + k] === within[of]));
}

/** Indices of the words in sentence `s`. */
export function sentenceWords(text: PreparedText, s: number): number[] {
  const out: number[] = [];
  text.sentence.forEach((value, i) => {
    if (value === s) out.push(i);
  });
  return out;
}

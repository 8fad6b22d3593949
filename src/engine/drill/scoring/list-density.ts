import { FUNCTION_WORDS, VERBS } from './function-words.js';
import { words } from './stem.js';
import { sentenceHasLink } from './reasons.js';
import { prepare, unwrap } from './text.js';

/** A step that reads as a list of terms scores at most this. */
export const LIST_CAP = 30;

/** What the answer's shape says: prose has function words, verbs and clauses of several words. */
export interface Density {
  words: number;
  /** Share of words that are function words ("and"/"or" excluded). */
  functionShare: number;
  /** Share of segments (split at punctuation, "and", "or", "/") that hold a verb. */
  verbSegmentShare: number;
  wordsPerSegment: number;
  /** Share of words that are "and", "or", "&" or "plus". */
  andShare: number;
  /** Share of sentences holding a causal or consequence link (because, so, which means …). */
  linkedShare: number;
  /** Whether it reads as a list of terms rather than statements. */
  list: boolean;
}

/** An enumeration in brackets ("(CPU, memory, GC)") is part of its sentence, not a list. */
const BRACKETS = /\([^()]*\)|\[[^[\]]*\]/g;
const SEGMENT_BREAK = /[,;:.!?\n•|/]|\s[-*–]\s|^\s*[-*]\s|\band\b|\bor\b|\bplus\b|&|\+(?=\s)/gm;
const JOINERS = new Set(['and', 'or', 'plus']);
/** Under this share of function words a text of three segments or more is a list, whatever its verbs. */
const TELEGRAPHIC_FUNCTION_SHARE = 0.1;
/** Too short to judge its shape: a few words are scored on their concepts alone. */
const MIN_WORDS = 4;

function hasVerb(segment: string[]): boolean {
  return segment.some((w) => VERBS.has(w) || /^[a-z]{3,}(ed|nt)$/.test(w));
}

/**
 * Measure list density. It is a list when under a tenth of its words are function words (glossed
 * terms: "indexes (cuts scans), jitter (avoids herd)", whatever their glosses say). Otherwise, unless
 * at least half its sentences give reasons, it is a list when at least three of four signs agree (few function words,
 * few segments with a verb, short segments, many joiners), when short segments almost never hold a
 * verb ("strong for payments, eventual for menus, quota"), when segments average under 2.5 words
 * (no sentence is that short on average), or when joiners are dense and verbs rare:
 * the kitchen sink that strings every term together with "and".
 */
export function measureDensity(answer: string): Density {
  const lowered = unwrap(answer).toLowerCase().replace(/['’]/g, '');
  const all = words(lowered);
  const flat = lowered.replace(BRACKETS, (m) => ` ${m.slice(1, -1).replace(/[,;/]/g, ' ')} `);
  const segments = flat
    .split(SEGMENT_BREAK)
    .map(words)
    .filter((s) => s.length > 0);
  const n = all.length;
  const functionShare = n === 0 ? 0 : all.filter((w) => FUNCTION_WORDS.has(w)).length / n;
  const andShare = n === 0 ? 0 : (all.filter((w) => JOINERS.has(w)).length + (lowered.match(/&/g)?.length ?? 0)) / n;
  const verbSegmentShare = segments.length === 0 ? 0 : segments.filter(hasVerb).length / segments.length;
  const wordsPerSegment = segments.length === 0 ? 0 : segments.reduce((sum, s) => sum + s.length, 0) / segments.length;
  const signs = [functionShare < 0.2, verbSegmentShare < 0.4, wordsPerSegment < 3.5, andShare > 0.12].filter(
    Boolean,
  ).length;
  const verbless = segments.length >= 3 && verbSegmentShare < 0.2 && wordsPerSegment < 4;
  const terms = segments.length >= 4 && wordsPerSegment < 2.5;
  // Prose of any register has function words (a, the, of, so, can …); glossed terms have almost none:
  // "- indexes (cuts scans) - CDN (cuts latency) …".
  const telegraphic = segments.length >= 3 && n >= 8 && functionShare < TELEGRAPHIC_FUNCTION_SHARE;
  const text = prepare(answer);
  const sentences = [...new Set(text.sentence)];
  const linkedShare =
    sentences.length === 0 ? 0 : sentences.filter((s) => sentenceHasLink(text, s)).length / sentences.length;
  // Terms that come with their reasons are an argument, however dense ("P95/P99, since averages hide the tail").
  const argued = linkedShare >= 0.5 && andShare <= 0.15;
  // Glossed terms stay a list even when their glosses hold links ("jitter (avoids herd)").
  const list =
    n >= MIN_WORDS &&
    (telegraphic || (!argued && (signs >= 3 || verbless || terms || (andShare > 0.15 && verbSegmentShare < 0.5))));
  return { words: n, functionShare, verbSegmentShare, wordsPerSegment, andShare, linkedShare, list };
}

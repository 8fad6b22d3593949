import { parseQuantity, parseShare } from '../../capacity/units.js';
import type { Expectation } from '../types.js';
import { mentions } from './match.js';
import { prepare, unwrap } from './text.js';

/** A number the answer states, read with the estimator's parser. */
interface Stated {
  text: string;
  value: number;
  kind: Expectation['kind'];
  sentence: string;
}

const NUMBER_WORDS: Record<string, string> = {
  a: '1',
  an: '1',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  twelve: '12',
  fifteen: '15',
  twenty: '20',
  thirty: '30',
  sixty: '60',
  ninety: '90',
};
/**
 * "one minute", "a minute", "thirty seconds": spelled-out numbers before a unit of time ("52 min a year" is a
 * rate). A unit before it must be a word of its own: "takes two minutes" is two minutes, not "s two".
 */
const SPELLED =
  /(?<!(?:\d|%|(?<![a-z])(?:ms|s|min|mins|minutes?|seconds?|hours?|h|days?|per))\s*)\b(an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|sixty|ninety)\s+(?=(milliseconds?|seconds?|minutes?|hours?|days?|years?)\b)/gi;

const UNIT_WORDS: Record<string, string> = {
  millisecond: 'ms',
  milliseconds: 'ms',
  msec: 'ms',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  min: 'min',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  day: 'd',
  days: 'd',
  year: 'y',
  years: 'y',
  yr: 'y',
  yrs: 'y',
};
const DURATIONS = new Set(['ms', 's', 'min', 'h', 'd', 'y']);
const SIZES = new Set(['b', 'kb', 'mb', 'gb', 'tb', 'pb', 'kib', 'mib', 'gib', 'tib']);
const QUANTITY = /(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(%|percent\b|[a-z]+\b)?/gi;
/** Sentences end at . ! ? ; or a newline, but not at a decimal point. */
const SENTENCES = /[!?;\n]|\.(?!\d)/;

/** Every number with a recognisable unit (or none) in the answer, by sentence. */
export function statedQuantities(answer: string, prefer: Expectation['kind'] = 'count'): Stated[] {
  const out: Stated[] = [];
  for (const sentence of unwrap(answer).split(SENTENCES)) {
    const spelled = sentence.replace(SPELLED, (word) => `${NUMBER_WORDS[word.trim().toLowerCase()]} `);
    for (const match of spelled.matchAll(QUANTITY)) {
      const digits = match[1].replace(/,/g, '');
      const word = (match[2] ?? '').toLowerCase();
      const stated = readQuantity(digits, UNIT_WORDS[word] ?? word, match[2] ?? '', match[0], prefer);
      if (stated) out.push({ ...stated, sentence });
    }
  }
  return out;
}

/** `unit` is lower-cased; a size reads `written`, as typed, since its case tells bytes (`GB`) from bits (`Gb`). */
function readQuantity(
  digits: string,
  unit: string,
  written: string,
  text: string,
  prefer: Expectation['kind'],
): Omit<Stated, 'sentence'> | undefined {
  try {
    if (unit === '%' || unit === 'percent') return { text, value: parseShare(`${digits}%`, 'answer'), kind: 'percent' };
    // "5m" is five minutes where a duration is expected, five million elsewhere.
    if (DURATIONS.has(unit) || (unit === 'm' && prefer === 'duration'))
      return {
        text,
        value: parseQuantity(`${digits}${unit === 'min' ? 'm' : unit}`, 'answer', 'duration'),
        kind: 'duration',
      };
    if (SIZES.has(unit)) return { text, value: parseQuantity(`${digits}${written}`, 'answer', 'size'), kind: 'size' };
    if (['k', 'm', 'b'].includes(unit))
      return { text, value: parseQuantity(`${digits}${unit}`, 'answer', 'count'), kind: 'count' };
    return { text, value: Number(digits), kind: 'count' };
  } catch {
    return undefined;
  }
}

/** Whether `value` is within the expectation's tolerance: relative, or percentage points for a percentage. */
export function withinTolerance(expect: Expectation, value: number): boolean {
  if (expect.kind === 'percent') return Math.abs(value - expect.value) * 100 <= expect.tolerance + 1e-9;
  return Math.abs(value - expect.value) <= expect.tolerance * Math.abs(expect.value) + 1e-12;
}

/** What the answer says about one expected number. */
export type NumberVerdict =
  { status: 'right'; stated: string } | { status: 'wrong'; stated: string } | { status: 'missing' };

/**
 * Check one expected number: right when any number of its kind (in a sentence with one of its
 * `near` words, when it has some) is within tolerance; wrong when such numbers are stated and none is.
 */
export function checkNumber(expect: Expectation, answer: string): NumberVerdict {
  const candidates = statedQuantities(answer, expect.kind).filter(
    (q) =>
      q.kind === expect.kind &&
      (expect.near.length === 0 || expect.near.some((word) => mentions(prepare(q.sentence), word))),
  );
  const right = candidates.find((q) => withinTolerance(expect, q.value));
  if (right) return { status: 'right', stated: right.text.trim() };
  return candidates.length > 0
    ? { status: 'wrong', stated: candidates[candidates.length - 1].text.trim() }
    : { status: 'missing' };
}

/** Read an expectation's `value` as written in a question file ("52.6 min", "99.3%", "16"). */
export function parseExpectedValue(text: string | number): { value: number; kind: Expectation['kind'] } | undefined {
  const raw = String(text);
  const unit = /[a-z%]+\s*$/i.exec(raw)?.[0].trim().toLowerCase() ?? '';
  const found = statedQuantities(raw, DURATIONS.has(UNIT_WORDS[unit] ?? unit) || unit === 'm' ? 'duration' : 'count');
  return found.length === 1 && found[0].text.trim().length >= String(text).trim().length - 1
    ? { value: found[0].value, kind: found[0].kind }
    : undefined;
}

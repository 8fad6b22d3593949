import { TIME_UNITS_MS } from './lever-fields.js';
import type { Lever } from './levers.js';

/*
 * The words a number, a time or a percentage is written with in an answer, and how a matched phrase becomes a
 * lever value: the building blocks of readLevers' phrase tables (read-levers.ts, read-levers-dynamics.ts).
 */

const WORDS: Record<string, number> = {
  no: 0,
  zero: 0,
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
};
/** A number: digits (thousands may be grouped, `1,000`), a decimal, or a number word. */
export const NUM = `\\b(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${Object.keys(WORDS).join('|')})`;
/**
 * The one word a count may have before its noun ("3 more instances"), but not after an article: "a
 * dead instance" names an instance, it does not count them ("an instance", "a single instance" do).
 */
export const GAP = `(?:(?<!\\ban?\\s)\\w+\\s+)?`;
export const TIME = `${NUM}\\s*(ms|milliseconds?|millis|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\\b`;
export const PCT = `${NUM}\\s*(?:%|percent\\b)`;

/** The value of a matched number: digits (commas dropped) or a number word. */
export function number(word: string): number {
  const w = word.toLowerCase();
  return w in WORDS ? WORDS[w] : Number(w.replace(/,/g, ''));
}

function timeMs(value: string, unit: string): number {
  const u = unit.toLowerCase();
  const ms =
    u.startsWith('ms') || u.startsWith('milli') ? 1 : u.startsWith('s') ? 1000 : u.startsWith('m') ? 60_000 : 3_600_000;
  return number(value) * ms;
}

/** How a matched phrase becomes a value in the lever's unit (undefined: the match says nothing). */
export type Reading = (m: RegExpExecArray, lever: Lever) => number | undefined;

export const asCount: Reading = (m) => number(m[1]);
export const asTime: Reading = (m, lever) => timeMs(m[1], m[2]) / (TIME_UNITS_MS[lever.unit] ?? 1);
export const asPercent: Reading = (m, lever) => (lever.unit === 'fraction' ? number(m[1]) / 100 : number(m[1]));
export const choice =
  (name: string): Reading =>
  (_m, lever) => {
    const i = lever.choices?.indexOf(name) ?? -1;
    return i >= 0 ? i : undefined;
  };

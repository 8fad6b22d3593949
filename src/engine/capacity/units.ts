/** Parsing and formatting of the estimator's quantities. Every parse error names the input. */

export class UnitError extends Error {}

/** A decimal with an optional exponent, either case (`1.5e6`, `1E6`), as JavaScript writes numbers. */
const NUMBER = '(\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE]([+-]?\\d+))?';
const COUNT_SUFFIX: Record<string, number> = { '': 1, k: 1e3, m: 1e6, b: 1e9, t: 1e12 };
/**
 * Size prefixes: decimal ones are powers of 1000, binary ones (`Ki`, `Mi` …) powers of 1024. The
 * prefix's case does not matter; the last letter does: `B` is bytes, `b` bits (`Mb` is megabits).
 */
const SIZE_PREFIX: Record<string, number> = {
  '': 1,
  k: 1e3,
  m: 1e6,
  g: 1e9,
  t: 1e12,
  p: 1e15,
  ki: 1024,
  mi: 1024 ** 2,
  gi: 1024 ** 3,
  ti: 1024 ** 4,
  pi: 1024 ** 5,
};
/** Seconds per unit; a year is 365 days. */
export const SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  min: 60,
  h: 3600,
  d: 86_400,
  y: 365 * 86_400,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  mins: 60,
  minute: 60,
  minutes: 60,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  day: 86_400,
  days: 86_400,
  year: 365 * 86_400,
  years: 365 * 86_400,
};

function split(text: string | number, name: string): [number, string] {
  if (typeof text === 'number') {
    if (!Number.isFinite(text) || text < 0) throw new UnitError(`${name}: ${text} must be a number ≥ 0`);
    return [text, ''];
  }
  const match = new RegExp(`^\\s*${NUMBER}\\s*([a-zA-Z%/]*)\\s*$`).exec(
    text.replace(/_/g, '').replace(/,(?=\d{3}\b)/g, ''),
  );
  if (!match) {
    if (/^\s*-/.test(text)) throw new UnitError(`${name}: "${text}" is negative; it must be ≥ 0`);
    throw new UnitError(`${name}: "${text}" is not a number`);
  }
  const value = Number(match[1]) * 10 ** Number(match[2] ?? 0);
  if (!Number.isFinite(value)) throw new UnitError(`${name}: "${text}" is too large to compute with`);
  return [value, match[3]];
}

/** `1.5k`, `10M`, `2B`, `300`. */
export function parseCount(text: string | number, name: string): number {
  const [n, suffix] = split(text, name);
  const factor = COUNT_SUFFIX[suffix.toLowerCase()];
  if (factor === undefined) throw new UnitError(`${name}: unknown suffix "${suffix}" in "${text}" (use k, M, B or T)`);
  return n * factor;
}

/** `1KB` (1000 B), `1KiB` (1024 B), `2.5 GB`, `100Mb` (megabits: 12.5 MB); a bare number is bytes. Returns bytes. */
export function parseSize(text: string | number, name: string): number {
  const [n, unit] = split(text, name);
  if (unit === '') return n;
  const match = /^([a-zA-Z]{0,2}?)([bB])$/.exec(unit);
  const factor = match ? SIZE_PREFIX[match[1].toLowerCase()] : undefined;
  if (!match || factor === undefined) {
    throw new UnitError(
      `${name}: unknown size unit "${unit}" in "${text}" (bytes: B, KB, MB, GB, TB or KiB … TiB; bits: b, Kb, Mb, Gb, Tb)`,
    );
  }
  return match[2] === 'b' ? (n * factor) / 8 : n * factor;
}

/**
 * `250ms`, `30s`, `5m`, `2h`, `30d`, `1y` → seconds. A string needs its unit (is `200` ms or s?),
 * except 0; a plain number, as a question file's YAML may give, is seconds.
 */
export function parseDuration(text: string | number, name: string): number {
  const [n, unit] = split(text, name);
  if (unit === '' && typeof text === 'string' && n !== 0)
    throw new UnitError(
      `${name}: "${text}" needs a unit: ms, s, m, h, d or y (e.g. ${text.trim()}ms or ${text.trim()}s)`,
    );
  const factor = SECONDS[(unit || 's').toLowerCase()];
  if (factor === undefined)
    throw new UnitError(`${name}: unknown duration unit "${unit}" in "${text}" (use ms, s, m, h, d or y)`);
  return n * factor;
}

/**
 * A share, as a fraction or a percentage: `0.999`, `99.9` and `99.9%` are all 0.999. A bare number
 * above 1 is a percentage; `%` says so explicitly (`0.5%` is 0.005). Must be above 0 and at most 100%.
 */
export function parseShare(text: string | number, name: string): number {
  const [n, unit] = split(text, name);
  if (unit !== '' && unit !== '%')
    throw new UnitError(`${name}: "${text}" must be a fraction (0.999) or a percentage (99.9 or 99.9%)`);
  const value = unit === '%' || n > 1 ? n / 100 : n;
  if (!(value > 0 && value <= 1))
    throw new UnitError(
      `${name}: "${text}" must be above 0 and at most 100% (a fraction such as 0.7, or a percentage such as 70)`,
    );
  return value;
}

const TIME_UNIT = /\/|^(ms|s|sec|secs?|min|mins?|h|hr|hrs?|hours?|d|days?|y|yr|years?|rps|qps)$/i;

/**
 * A rate (`1.5k`, `10M`) in the unit the input already states (per second, or per user per day):
 * a time unit on it is refused rather than silently ignored (`100/min` is not 100 per second).
 */
export function parseRate(text: string | number, name: string, per: 'second' | 'day' = 'second'): number {
  const [, suffix] = split(text, name);
  if (TIME_UNIT.test(suffix))
    throw new UnitError(
      `${name}: "${text}" has a time unit, but this input is already per ${per}: give the number per ${per} (suffixes k, M, B, T)`,
    );
  return parseCount(text, name);
}

/** `9:1` → { read: 9, write: 1 }. */
export function parseRatio(text: string, name: string): { read: number; write: number } {
  const match = /^\s*(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)\s*$/.exec(String(text));
  if (!match) throw new UnitError(`${name}: "${text}" must be READ:WRITE, e.g. 9:1`);
  const [read, write] = [Number(match[1]), Number(match[2])];
  if (read + write === 0) throw new UnitError(`${name}: "${text}" has no reads and no writes`);
  return { read, write };
}

/** Three significant figures below 1000 (0.0123, 12.3, 123), whole numbers above (1157); trailing zeros dropped. */
export function sig3(n: number): string {
  if (n === 0) return '0';
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(n))));
  return Number(n.toFixed(Math.min(digits, 6))).toString();
}

/**
 * A share as a percentage with enough digits to show how far it is from 100%: the shortfall keeps
 * three significant figures, so 0.99861 is "99.861%" and 0.999 "99.9%" (never both "99.9%").
 */
export function formatPercent(share: number): string {
  const shortfall = (1 - share) * 100;
  if (shortfall <= 0) return `${Number((share * 100).toFixed(6))}%`;
  const decimals = Math.min(10, Math.max(0, Math.ceil(-Math.log10(shortfall)) + 2));
  return `${Number((share * 100).toFixed(decimals))}%`;
}

/** Decimal bit units for a number of bits: 1e8 → "100 Mb". */
export function formatBits(n: number): string {
  return formatBytes(n).replace(/B$/, 'b');
}

/** 3470 → "3.47k", 2e9 → "2B". */
export function formatCount(n: number): string {
  const abs = Math.abs(n);
  for (const [suffix, factor] of [
    ['T', 1e12],
    ['B', 1e9],
    ['M', 1e6],
    ['k', 1e3],
  ] as const) {
    if (abs >= factor) return `${sig3(n / factor)}${suffix}`;
  }
  return sig3(n);
}

/** Decimal units: 28.9e12 → "28.9 TB". */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  while (Math.abs(n) >= 1000 && i < units.length - 1) {
    n /= 1000;
    i += 1;
  }
  return `${sig3(n)} ${units[i]}`;
}

/** 3156 → "52.6 min", 0.25 → "250 ms", 90000 → "1.04 d". */
export function formatDuration(seconds: number): string {
  const abs = Math.abs(seconds);
  if (abs < 1) return `${sig3(seconds * 1000)} ms`;
  if (abs < 60) return `${sig3(seconds)} s`;
  if (abs < 3600) return `${sig3(seconds / 60)} min`;
  if (abs < 86_400) return `${sig3(seconds / 3600)} h`;
  if (abs < 365 * 86_400) return `${sig3(seconds / 86_400)} d`;
  return `${sig3(seconds / (365 * 86_400))} y`;
}

/**
 * A guess in whatever unit the user wrote it: a count (`5k`), a size (`2TB`) or a duration (`52m`).
 * `prefer` says what is being estimated, since `m` is a million for a count but minutes for a time.
 */
export function parseQuantity(text: string, name: string, prefer: QuantityKind = 'count'): number {
  return readQuantity(text, name, prefer).value;
}

export type QuantityKind = 'count' | 'size' | 'duration';

/** As parseQuantity, and which kind of unit the text was read as (the preferred one when it fits). */
export function readQuantity(
  text: string,
  name: string,
  prefer: QuantityKind = 'count',
): { value: number; kind: QuantityKind } {
  const order: QuantityKind[] =
    prefer === 'duration'
      ? ['duration', 'count', 'size']
      : prefer === 'size'
        ? ['size', 'count', 'duration']
        : ['count', 'size', 'duration'];
  const parsers = { count: parseCount, size: parseSize, duration: parseDuration };
  for (const kind of order) {
    try {
      return { value: parsers[kind](text, name), kind };
    } catch {
      // try the next kind
    }
  }
  throw new UnitError(`${name}: "${text}" is not a number with a known unit`);
}

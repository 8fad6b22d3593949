/** Parsing and formatting of the estimator's quantities. Every parse error names the input. */

export class UnitError extends Error {}

/** A decimal with an optional exponent, either case (`1.5e6`, `1E6`), as JavaScript writes numbers. */
const NUMBER = '(\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE]([+-]?\\d+))?';
const COUNT_SUFFIX: Record<string, number> = { '': 1, k: 1e3, m: 1e6, b: 1e9, t: 1e12 };
/** Decimal sizes are powers of 1000, binary ones powers of 1024. */
const SIZE_UNIT: Record<string, number> = {
  b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, pb: 1e15,
  kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4,
};
/** Seconds per unit; a year is 365 days. */
export const SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, min: 60, h: 3600, d: 86_400, y: 365 * 86_400 };

function split(text: string | number, name: string): [number, string] {
  if (typeof text === 'number') {
    if (!Number.isFinite(text) || text < 0) throw new UnitError(`${name}: ${text} must be a number ≥ 0`);
    return [text, ''];
  }
  const match = new RegExp(`^\\s*${NUMBER}\\s*([a-zA-Z%/]*)\\s*$`).exec(text.replace(/_/g, '').replace(/,(?=\d{3}\b)/g, ''));
  if (!match) {
    if (/^\s*-/.test(text)) throw new UnitError(`${name}: "${text}" is negative; it must be ≥ 0`);
    throw new UnitError(`${name}: "${text}" is not a number`);
  }
  return [Number(match[1]) * 10 ** Number(match[2] ?? 0), match[3]];
}

/** `1.5k`, `10M`, `2B`, `300`. */
export function parseCount(text: string | number, name: string): number {
  const [n, suffix] = split(text, name);
  const factor = COUNT_SUFFIX[suffix.toLowerCase()];
  if (factor === undefined) throw new UnitError(`${name}: unknown suffix "${suffix}" in "${text}" (use k, M, B or T)`);
  return n * factor;
}

/** `1KB` (1000 B), `1KiB` (1024 B), `2.5 GB`; a bare number is bytes. */
export function parseSize(text: string | number, name: string): number {
  const [n, unit] = split(text, name);
  const factor = SIZE_UNIT[(unit || 'b').toLowerCase()];
  if (factor === undefined) throw new UnitError(`${name}: unknown size unit "${unit}" in "${text}" (use B, KB, MB, GB, TB or KiB, MiB, GiB, TiB)`);
  return n * factor;
}

/** `250ms`, `30s`, `5m`, `2h`, `30d`, `1y`; a bare number is seconds. Returns seconds. */
export function parseDuration(text: string | number, name: string): number {
  const [n, unit] = split(text, name);
  const factor = SECONDS[(unit || 's').toLowerCase()];
  if (factor === undefined) throw new UnitError(`${name}: unknown duration unit "${unit}" in "${text}" (use ms, s, m, h, d or y)`);
  return n * factor;
}

/** `99.99` or `99.99%` → 0.9999. Must be above 0 and at most 100. */
export function parsePercent(text: string | number, name: string): number {
  const [n, unit] = split(text, name);
  if (unit !== '' && unit !== '%') throw new UnitError(`${name}: "${text}" must be a percentage such as 99.9`);
  if (n <= 0 || n > 100) throw new UnitError(`${name}: ${n}% must be above 0 and at most 100`);
  return n / 100;
}

/** `0.7` or `70%` → 0.7; must be above 0 and at most 1. */
export function parseFraction(text: string | number, name: string): number {
  const [n, unit] = split(text, name);
  const value = unit === '%' ? n / 100 : unit === '' ? n : NaN;
  if (!(value > 0 && value <= 1)) throw new UnitError(`${name}: "${text}" must be a fraction above 0 and at most 1 (or a percentage)`);
  return value;
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

/** 3470 → "3.47k", 2e9 → "2B". */
export function formatCount(n: number): string {
  const abs = Math.abs(n);
  for (const [suffix, factor] of [['T', 1e12], ['B', 1e9], ['M', 1e6], ['k', 1e3]] as const) {
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
export function parseQuantity(text: string, name: string, prefer: 'count' | 'size' | 'duration' = 'count'): number {
  const order = prefer === 'duration' ? [parseDuration, parseCount, parseSize] : prefer === 'size' ? [parseSize, parseCount, parseDuration] : [parseCount, parseSize, parseDuration];
  for (const parse of order) {
    try {
      return parse(text, name);
    } catch {
      // try the next kind
    }
  }
  throw new UnitError(`${name}: "${text}" is not a number with a known unit`);
}

import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDuration,
  parseCount,
  parseDuration,
  parseShare,
  parseQuantity,
  parseRatio,
  parseSize,
  SECONDS,
  sig3,
  UnitError,
} from '../../../src/engine/capacity/units.js';

describe('parsing: every suffix and unit, any case', () => {
  it.each([
    ['7', 7],
    ['7k', 7e3],
    ['7K', 7e3],
    ['7m', 7e6],
    ['7M', 7e6],
    ['7b', 7e9],
    ['7B', 7e9],
    ['7t', 7e12],
    ['7T', 7e12],
    ['1_000', 1000],
    ['1,000', 1000],
    ['12,345,678', 12_345_678],
    ['1e-3', 0.001],
    ['1E3', 1000],
    ['2e+2', 200],
    ['  42  ', 42],
    ['4 k', 4000],
    ['0', 0],
    ['.25', 0.25],
  ])('count %s = %d', (text, n) => expect(parseCount(text, '--x')).toBe(n));

  it.each([
    // b is bits and B bytes: 8b is a byte, 1kb 125 bytes, 1Kib 128 bytes.
    ['8b', 1],
    ['1B', 1],
    ['1kb', 125],
    ['1kB', 1e3],
    ['1MB', 1e6],
    ['1GB', 1e9],
    ['1TB', 1e12],
    ['1PB', 1e15],
    ['1Kib', 128],
    ['1KiB', 1024],
    ['1MiB', 1024 ** 2],
    ['1GiB', 1024 ** 3],
    ['1TiB', 1024 ** 4],
    ['7', 7],
  ])('size %s = %d bytes', (text, n) => expect(parseSize(text, '--x')).toBe(n));

  it.each([
    ['1ms', 0.001],
    ['1MS', 0.001],
    ['1s', 1],
    ['1m', 60],
    ['1min', 60],
    ['1h', 3600],
    ['1d', 86_400],
    ['1y', 31_536_000],
    ['45 minutes', 2700],
  ])('duration %s = %f s', (text, n) => expect(parseDuration(text, '--x')).toBe(n));

  it('a year is 365 days; the short units and their long names', () => {
    expect([SECONDS.ms, SECONDS.s, SECONDS.m, SECONDS.min, SECONDS.h, SECONDS.d, SECONDS.y]).toEqual([
      0.001, 1, 60, 60, 3600, 86_400, 31_536_000,
    ]);
    expect([SECONDS.minutes, SECONDS.hours, SECONDS.days, SECONDS.years]).toEqual([60, 3600, 86_400, 31_536_000]);
  });

  it.each([
    [parseCount, 5, 5],
    [parseSize, 5, 5],
    [parseDuration, 5, 5],
    [parseCount, 0, 0],
  ])('a number is taken as it is: %#', (parse, n, out) => expect(parse(n, '--x')).toBe(out));

  it.each([
    [-1, '--x: -1 must be a number ≥ 0'],
    [Number.NaN, '--x: NaN must be a number ≥ 0'],
    [Infinity, '--x: Infinity must be a number ≥ 0'],
  ])('a bad number %f is refused: %s', (n, message) => {
    expect(() => parseCount(n, '--x')).toThrow(new UnitError(message));
  });

  it.each([
    ['-5', '--x: "-5" is negative; it must be ≥ 0'],
    ['  -5k', '--x: "  -5k" is negative; it must be ≥ 0'],
    ['five', '--x: "five" is not a number'],
    ['1,00', '--x: "1,00" is not a number'],
    ['4 2', '--x: "4 2" is not a number'],
    ['1.', '--x: "1." is not a number'],
    ['x5', '--x: "x5" is not a number'],
    ['5k!', '--x: "5k!" is not a number'],
    ['', '--x: "" is not a number'],
  ])('count %j is refused: %s', (text, message) => {
    expect(() => parseCount(text, '--x')).toThrow(new UnitError(message));
  });
});

describe('shares (a fraction or a percentage) at their bounds', () => {
  it.each([
    // A bare number up to 1 is a fraction, above 1 a percentage; % says so explicitly.
    ['1', 1],
    ['0.7', 0.7],
    ['0.0001', 0.0001],
    ['1.0001', 0.010001],
    ['100', 1],
    ['99.9', 0.999],
    ['100%', 1],
    ['50%', 0.5],
    ['0.001%', 0.00001],
  ])('share %s = %f', (text, n) => expect(parseShare(text, '--a')).toBeCloseTo(n, 15));

  it.each([
    ['0', '--a: "0" must be above 0 and at most 100% (a fraction such as 0.7, or a percentage such as 70)'],
    ['0%', '--a: "0%" must be above 0 and at most 100% (a fraction such as 0.7, or a percentage such as 70)'],
    ['100.001', '--a: "100.001" must be above 0 and at most 100% (a fraction such as 0.7, or a percentage such as 70)'],
    ['100.1%', '--a: "100.1%" must be above 0 and at most 100% (a fraction such as 0.7, or a percentage such as 70)'],
    ['50x', '--a: "50x" must be a fraction (0.999) or a percentage (99.9 or 99.9%)'],
  ])('share %s is refused: %s', (text, message) => {
    expect(() => parseShare(text, '--a')).toThrow(new UnitError(message));
  });

  it.each([
    ['9:1', 9, 1],
    [' 3 : 1 ', 3, 1],
    ['0:1', 0, 1],
    ['1:0', 1, 0],
    ['1.5:0.5', 1.5, 0.5],
  ])('ratio %j = %d reads to %d writes', (text, read, write) =>
    expect(parseRatio(text, '--rw')).toEqual({ read, write }),
  );

  it.each([
    ['0:0', '--rw: "0:0" has no reads and no writes'],
    ['9', '--rw: "9" must be READ:WRITE, e.g. 9:1'],
    ['9:1:1', '--rw: "9:1:1" must be READ:WRITE, e.g. 9:1'],
    ['-1:2', '--rw: "-1:2" must be READ:WRITE, e.g. 9:1'],
  ])('ratio %s is refused: %s', (text, message) => {
    expect(() => parseRatio(text, '--rw')).toThrow(new UnitError(message));
  });
});

describe('a guess in whatever unit it was written, by what is estimated', () => {
  it.each([
    ['5m', 'count', 5e6],
    ['5m', 'size', 5e6],
    ['5m', 'duration', 300],
    ['5k', 'duration', 5000],
    ['2TB', 'count', 2e12],
    ['30s', 'count', 30],
    ['30s', 'size', 30],
    ['2KiB', 'duration', 2048],
    ['1d', 'size', 86_400],
    ['7', 'duration', 7],
    ['7', 'size', 7],
  ] as const)('%s as a %s is %d', (text, prefer, n) => expect(parseQuantity(text, '--g', prefer)).toBe(n));

  it('defaults to a count', () => expect(parseQuantity('5m', '--g')).toBe(5e6));

  it('names the input when no kind reads it', () => {
    expect(() => parseQuantity('5 parsecs', '--g')).toThrow(
      new UnitError('--g: "5 parsecs" is not a number with a known unit'),
    );
  });
});

describe('formatting: three significant figures, and the unit changes exactly at its boundary', () => {
  it.each([
    [0, '0'],
    [123.456, '123'],
    [12.345, '12.3'],
    [1.2345, '1.23'],
    [0.012345, '0.0123'],
    [1157.4, '1157'],
    [-12.345, '-12.3'],
    [0.5, '0.5'],
    [100, '100'],
    [1e-7, '0'],
  ])('sig3(%f) = %s', (n, text) => expect(sig3(n)).toBe(text));

  it.each([
    [999, '999'],
    [1000, '1k'],
    [1500, '1.5k'],
    [999_000, '999k'],
    [1e6, '1M'],
    [2.5e9, '2.5B'],
    [1e12, '1T'],
    [3e15, '3000T'],
    [-1500, '-1.5k'],
    [0.25, '0.25'],
  ])('count %f → %s', (n, text) => expect(formatCount(n)).toBe(text));

  it.each([
    [999, '999 B'],
    [1000, '1 KB'],
    [1e6, '1 MB'],
    [1.5e9, '1.5 GB'],
    [1e12, '1 TB'],
    [1e15, '1 PB'],
    [1e18, '1000 PB'],
    [-2000, '-2 KB'],
    [0, '0 B'],
  ])('bytes %f → %s', (n, text) => expect(formatBytes(n)).toBe(text));

  it.each([
    [0.25, '250 ms'],
    [0.999, '999 ms'],
    [1, '1 s'],
    [59, '59 s'],
    [60, '1 min'],
    [90, '1.5 min'],
    [3599, '60 min'],
    [3600, '1 h'],
    [86_399, '24 h'],
    [86_400, '1 d'],
    [90_000, '1.04 d'],
    [31_535_999, '365 d'],
    [31_536_000, '1 y'],
    [-0.5, '-500 ms'],
    [-120, '-2 min'],
  ])('%f s → %s', (n, text) => expect(formatDuration(n)).toBe(text));
});

import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDuration,
  parseCount,
  parseDuration,
  parseRatio,
  parseShare,
  parseSize,
} from '../../../src/engine/capacity/units.js';
import { normalizeInputs } from '../../../src/engine/capacity/inputs.js';

describe('units', () => {
  it.each([
    ['1.5k', 1500],
    ['10M', 1e7],
    ['2B', 2e9],
    ['300', 300],
    ['1e3', 1000],
    ['.5k', 500],
    ['1,000,000', 1e6],
  ])('count %s = %d', (text, n) => expect(parseCount(text, '--x')).toBe(n));

  it.each([
    ['1KB', 1000],
    ['1KiB', 1024],
    ['2.5 GB', 2.5e9],
    ['1TiB', 1024 ** 4],
    ['512', 512],
    ['3MB', 3e6],
  ])('size %s = %d bytes', (text, n) => expect(parseSize(text, '--x')).toBe(n));

  it.each([
    ['250ms', 0.25],
    ['30s', 30],
    ['5m', 300],
    ['2h', 7200],
    ['30d', 2_592_000],
    ['1y', 31_536_000],
    [45, 45],
    ['0', 0],
  ])('duration %s = %f s', (text, n) => expect(parseDuration(text, '--x')).toBeCloseTo(n, 9));

  it.each([
    [1157.407, '1.16k'],
    [3472.2, '3.47k'],
    [2e9, '2B'],
    [999, '999'],
    [0.5, '0.5'],
  ])('formats count %f as %s', (n, text) => expect(formatCount(n)).toBe(text));

  it.each([
    [2.89e13, '28.9 TB'],
    [1000, '1 KB'],
    [999, '999 B'],
    [2.19e13, '21.9 TB'],
  ])('formats bytes %f as %s', (n, text) => expect(formatBytes(n)).toBe(text));

  it.each([
    [3153.6, '52.6 min'],
    [0.25, '250 ms'],
    [31_536, '8.76 h'],
    [8.64, '8.64 s'],
  ])('formats %f s as %s', (n, text) => expect(formatDuration(n)).toBe(text));

  it.each(['1.5k', '10M', '999', '2B'])('count %s round-trips through its format', (text) => {
    expect(parseCount(formatCount(parseCount(text, 'x')), 'x')).toBe(parseCount(text, 'x'));
  });

  it.each([
    [() => parseCount('-5', '--dau'), '--dau: "-5" is negative; it must be ≥ 0'],
    [() => parseCount('5x', '--dau'), '--dau: unknown suffix "x" in "5x" (use k, M, B or T)'],
    [() => parseSize('5 furlongs', '--payload'), '--payload: unknown size unit "furlongs"'],
    [() => parseDuration('3 weeks', '--retention'), '--retention: unknown duration unit "weeks"'],
    [() => parseShare('100.5', '--availability'), '--availability: "100.5" must be above 0 and at most 100%'],
    [() => parseShare('0', '--availability'), '--availability: "0" must be above 0'],
    [() => parseRatio('9/1', '--read-write'), '--read-write: "9/1" must be READ:WRITE'],
    [() => normalizeInputs({ serverRps: 0 }), '--server-rps: must be above 0'],
    [() => normalizeInputs({ utilization: 150 }), '--utilization: "150" must be above 0 and at most 100%'],
    [() => normalizeInputs({ peakFactor: 0.5 }), '--peak-factor: 0.5 must be at least 1'],
    [() => normalizeInputs({ rps: 5, dau: 5 }), '--rps: give either --rps or --dau'],
    [() => normalizeInputs({ frobs: 1 }), '--frobs: not an estimator input'],
  ])('bad input %#: %s', (fn, message) => {
    expect(fn).toThrow(message);
  });
});

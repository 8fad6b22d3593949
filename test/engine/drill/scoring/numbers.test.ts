import { describe, expect, it } from 'vitest';
import {
  checkNumber,
  parseExpectedValue,
  statedQuantities,
  withinTolerance,
} from '../../../../src/engine/drill/scoring/numbers.js';
import type { Expectation } from '../../../../src/engine/drill/types.js';

const expectation = (over: Partial<Expectation>): Expectation => ({
  label: 'x',
  value: 1000,
  readable: '1000',
  kind: 'count',
  tolerance: 0.05,
  near: [],
  weight: 1,
  points: 10,
  ...over,
});
const read = (answer: string, prefer?: Expectation['kind']) =>
  statedQuantities(answer, prefer).map(({ text, value, kind }) => [text.trim(), value, kind]);

describe('statedQuantities: numbers with their units, in the units the estimator uses', () => {
  it.each([
    // Durations in seconds.
    ['250 ms', [['250 ms', 0.25, 'duration']]],
    ['30s', [['30s', 30, 'duration']]],
    ['52 min a year', [['52 min', 3120, 'duration']]],
    ['2 hours', [['2 hours', 7200, 'duration']]],
    ['3 hrs', [['3 hrs', 10800, 'duration']]],
    ['1 day', [['1 day', 86400, 'duration']]],
    ['2 secs', [['2 secs', 2, 'duration']]],
    ['1 year', [['1 year', 365 * 86400, 'duration']]],
    // Spelled-out numbers before a unit of time.
    ['Two minutes', [['2 minutes', 120, 'duration']]],
    ['a minute', [['1 minute', 60, 'duration']]],
    ['an hour', [['1 hour', 3600, 'duration']]],
    ['twelve seconds', [['12 seconds', 12, 'duration']]],
    ['ninety days', [['90 days', 90 * 86400, 'duration']]],
    ['thirty milliseconds', [['30 milliseconds', 0.03, 'duration']]],
    // ... but not after a number or a unit: "52 min a year" is a rate, not 52 min and a year.
    ['5 per a day', [['5 per', 5, 'count']]],
    // Sizes: B is bytes, b bits, Ki a power of 1024 (the estimator's convention).
    ['10 GB', [['10 GB', 1e10, 'size']]],
    ['10 Gb', [['10 Gb', 1.25e9, 'size']]],
    ['512 KiB', [['512 KiB', 512 * 1024, 'size']]],
    ['2 TB', [['2 TB', 2e12, 'size']]],
    // Counts: k/m suffixes, thousands separators; a percentage is a share.
    ['1,200 orders', [['1,200 orders', 1200, 'count']]],
    ['5m users', [['5m', 5e6, 'count']]],
    ['1.5k', [['1.5k', 1500, 'count']]],
    // A share is the percentage over 100 (99.9 / 100 is 0.9990000000000001 in floating point).
    ['99.9% uptime', [['99.9%', 99.9 / 100, 'percent']]],
    ['70 percent', [['70 percent', 0.7, 'percent']]],
    // A number inside a word (p99, v2) is a name, not a quantity.
    ['p99 and v2', []],
    ['', []],
  ])('%j', (answer, expected) => {
    expect(read(answer)).toEqual(expected);
  });

  it('"5m" is five minutes where a duration is expected, five million elsewhere', () => {
    expect(read('5m', 'duration')).toEqual([['5m', 300, 'duration']]);
    expect(read('5m', 'count')).toEqual([['5m', 5e6, 'count']]);
  });

  it('a number that does not parse in its unit is skipped', () => {
    // 0% is not a share the estimator accepts (above 0, at most 100%).
    expect(read('0% then 5 s')).toEqual([['5 s', 5, 'duration']]);
  });

  it('keeps each number with its sentence; a decimal point does not end one', () => {
    expect(statedQuantities('Peak 1.5k orders. Mean 2 s!').map((q) => q.sentence)).toEqual([
      'Peak 1.5k orders',
      ' Mean 2 s',
    ]);
  });
});

describe('withinTolerance: relative, or percentage points for a percentage', () => {
  it.each([
    [expectation({ value: 1000, tolerance: 0.05 }), 1050, true],
    [expectation({ value: 1000, tolerance: 0.05 }), 950, true],
    [expectation({ value: 1000, tolerance: 0.05 }), 1050.01, false],
    [expectation({ value: 1000, tolerance: 0.05 }), 949.99, false],
    [expectation({ value: -1000, tolerance: 0.05 }), -1050, true],
    [expectation({ value: 0, tolerance: 0.05 }), 0, true],
    [expectation({ value: 0, tolerance: 0.05 }), 0.001, false],
    // 99.9% ± 0.05 points: 99.95% is in, 99.96% is out.
    [expectation({ kind: 'percent', value: 0.999, tolerance: 0.05 }), 0.9995, true],
    [expectation({ kind: 'percent', value: 0.999, tolerance: 0.05 }), 0.9985, true],
    [expectation({ kind: 'percent', value: 0.999, tolerance: 0.05 }), 0.9996, false],
    [expectation({ kind: 'percent', value: 0.999, tolerance: 0.05 }), 0.9984, false],
  ])('%#: %j', (expect_, value, within) => {
    expect(withinTolerance(expect_, value)).toBe(within);
  });
});

describe('checkNumber', () => {
  it.each([
    ['The peak is 1040 orders.', {}, { status: 'right', stated: '1040 orders' }],
    ['The peak is 2000.', {}, { status: 'wrong', stated: '2000' }],
    // The last wrong one is quoted when none is right; any right one wins.
    ['First 3000, then 2000.', {}, { status: 'wrong', stated: '2000' }],
    ['First 3000, then 1000.', {}, { status: 'right', stated: '1000' }],
    ['No figure at all.', {}, { status: 'missing' }],
    // Only numbers of its kind: a duration is no attempt at a count.
    ['It takes 1000 ms.', {}, { status: 'missing' }],
    // With near words, only a sentence holding one of them.
    ['The mean is 500. The peak is 1000.', { near: ['peak'] }, { status: 'right', stated: '1000' }],
    ['The mean is 1000. The peak is 500.', { near: ['peak'] }, { status: 'wrong', stated: '500' }],
    ['The mean is 1000.', { near: ['peak', 'max'] }, { status: 'missing' }],
    ['The max is 1000.', { near: ['peak', 'max'] }, { status: 'right', stated: '1000' }],
    ['Downtime is 52.6 min a year.', { kind: 'duration', value: 3156 }, { status: 'right', stated: '52.6 min' }],
  ] as const)('%j', (answer, over, verdict) => {
    expect(checkNumber(expectation(over as Partial<Expectation>), answer)).toEqual(verdict);
  });
});

describe('parseExpectedValue: a figure as written in a question file', () => {
  it.each([
    ['52.6 min', { value: 3156, kind: 'duration' }],
    ['99.3%', { value: 0.993, kind: 'percent' }],
    ['16', { value: 16, kind: 'count' }],
    [16, { value: 16, kind: 'count' }],
    ['5m', { value: 300, kind: 'duration' }],
    ['3 hours', { value: 10800, kind: 'duration' }],
    ['1.5k', { value: 1500, kind: 'count' }],
    ['10 GB', { value: 1e10, kind: 'size' }],
    // More than the number and its unit, or two numbers: not a figure.
    ['about 16', undefined],
    ['1 and 2', undefined],
    ['none', undefined],
  ])('%j', (text, expected) => {
    expect(parseExpectedValue(text)).toEqual(expected);
  });
});

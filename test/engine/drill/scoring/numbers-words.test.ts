import { describe, expect, it } from 'vitest';
import { checkNumber, parseExpectedValue, statedQuantities } from '../../../../src/engine/drill/scoring/numbers.js';
import type { Expectation } from '../../../../src/engine/drill/types.js';

const read = (answer: string, prefer?: Expectation['kind']) =>
  statedQuantities(answer, prefer).map(({ text, value, kind }) => [text.trim(), value, kind]);

describe('spelled-out numbers before a unit of time', () => {
  it.each([
    ['one', 1],
    ['two', 2],
    ['three', 3],
    ['four', 4],
    ['five', 5],
    ['six', 6],
    ['seven', 7],
    ['eight', 8],
    ['nine', 9],
    ['ten', 10],
    ['twelve', 12],
    ['fifteen', 15],
    ['twenty', 20],
    ['thirty', 30],
    ['sixty', 60],
    ['ninety', 90],
  ])('it takes %s seconds: %i s', (word, n) => {
    expect(read(`it takes ${word} seconds`)).toEqual([[`${n} seconds`, n, 'duration']]);
  });

  it.each([
    // After a number and its unit, "a"/"one" is a rate ("per"), not a second quantity.
    ['1 minute a year', [['1 minute', 60, 'duration']]],
    ['1 second a day', [['1 second', 1, 'duration']]],
    ['1 hour a day', [['1 hour', 3600, 'duration']]],
    ['1 day a year', [['1 day', 86400, 'duration']]],
    ['52 min  a year', [['52 min', 3120, 'duration']]],
    ['5 per a day', [['5 per', 5, 'count']]],
  ])('%j', (answer, expected) => {
    expect(read(answer)).toEqual(expected);
  });
});

describe('unit words', () => {
  it.each([
    ['3 millisecond', 0.003],
    ['3 msec', 0.003],
    ['3 sec', 3],
    ['3 second', 3],
    ['3 mins', 180],
    ['3 hr', 10800],
    ['3 years', 3 * 365 * 86400],
    ['3 yr', 3 * 365 * 86400],
    ['3 yrs', 3 * 365 * 86400],
  ])('%s is %d s', (answer, seconds) => {
    expect(read(answer)).toEqual([[answer, seconds, 'duration']]);
  });

  it('decimals keep every digit; "1 percent" is 1%, not 100%', () => {
    expect(read('1.25 s')).toEqual([['1.25 s', 1.25, 'duration']]);
    expect(read('1 percent')).toEqual([['1 percent', 0.01, 'percent']]);
  });

  it('where a duration is expected, a count is still a count', () => {
    expect(read('1,200 orders', 'duration')).toEqual([['1,200 orders', 1200, 'count']]);
  });
});

describe('quoted figures are trimmed; a file figure is the number and its unit only', () => {
  const expectation: Expectation = {
    label: 'x',
    value: 1000,
    readable: '1000',
    kind: 'count',
    tolerance: 0.05,
    near: [],
    weight: 1,
    points: 10,
  };
  it('trailing space before punctuation is not part of the figure', () => {
    expect(checkNumber(expectation, 'The peak is 1000 , fine')).toEqual({ status: 'right', stated: '1000' });
    expect(checkNumber(expectation, 'The peak is 2000 , fine')).toEqual({ status: 'wrong', stated: '2000' });
  });

  it.each([
    ['16.', { value: 16, kind: 'count' }], // one character beyond the figure is allowed
    [' 16 ', { value: 16, kind: 'count' }],
    ['16 .', undefined],
  ])('%j', (text, expected) => {
    expect(parseExpectedValue(text)).toEqual(expected);
  });
});

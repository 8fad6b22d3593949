import { describe, expect, it } from 'vitest';
import { estimateDeductions, gradeEstimatePhase } from '../../../../src/engine/drill/mock/estimate-phase.js';

// 1000 req/s × peak factor 3 = 3,000 req/s at peak; 3000 ÷ (400 × 0.7) = 10.7 → 11 servers, 12 with a
// spare; 3,000 req/s × 0.2 s = 600 in flight.
const inputs = { rps: 1000, peakFactor: 3, serverRps: 400, utilization: 0.7, latency: '200ms' };
const spec = { prompt: '', inputs, ask: ['peakRps', 'serversNeeded', 'inFlight'] };

describe('a figure’s score at each band edge (guess ÷ 3,000 either way)', () => {
  it.each([
    [3_750, 100], // exactly 1.25×
    [3_751, 80],
    [2_400, 100], // exactly 1 / 1.25
    [2_399, 80],
    [6_000, 80], // exactly 2×
    [6_001, 40],
    [1_500, 80], // exactly half
    [1_499, 40],
    [30_000, 40], // exactly 10×
    [30_001, 0],
    [300, 40], // exactly a tenth
    [299, 0],
  ])('peak %i scores %i', (guess, score) => {
    const g = gradeEstimatePhase(spec, `peak: ${guess} req/s`);
    expect(g.figures[0]).toMatchObject({ guess, actual: 3_000, score });
    // The phase is the mean of the three figures, two of them missing: score ÷ 3, rounded.
    expect(g.score).toBe(Math.round(score / 3));
  });
});

describe('reading figures from prose', () => {
  it.each([
    ['3k at peak', [3_000, null, null]],
    ['the peak is 3.0k; 11 instances, 12 later; in flight .6k', [3_000, 11, 600]],
    ['peak 3,000 req/s. 11 servers', [3_000, 11, null]],
    // A number with no cue word in its sentence is nobody's figure.
    ['peak 3000.\n11', [3_000, null, null]],
    ['nothing here', [null, null, null]],
    // A decimal point does not end a sentence: 3.05k is one figure, its unit after the digits.
    ['peak 3.05k req/s', [3_050, null, null]],
    ['in flight .65k', [null, null, 650]],
    ['peak3000 req/s', [3_000, null, null]],
    ['1 and 2 and peak 3000', [3_000, null, null]],
    // The number nearest the first cue word; on a tie in distance, the earlier number.
    ['servers 11 and then 40 instances', [null, 11, null]],
    ['3000 peak 9000', [3_000, null, null]],
  ])('%j → %j', (answer, guesses) => {
    expect(gradeEstimatePhase(spec, answer).figures.map((f) => f.guess)).toEqual(guesses);
  });

  it.each([
    ['11 instances, 12 with a spare', [11, 12]],
    // The digit of the cue "n+1" is part of the word: the figure is 12 (it read 1 before).
    ['servers: 11; n+1: 12', [11, 12]],
    ['11 instances. n+1 servers: 12', [11, 12]],
  ])('a number taken by one figure is not another’s: %j', (answer, guesses) => {
    const g = gradeEstimatePhase({ prompt: '', inputs, ask: ['serversNeeded', 'serversWithRedundancy'] }, answer);
    expect(g.figures.map((f) => [f.guess, f.actual, f.score])).toEqual([
      [guesses[0], 11, 100],
      [guesses[1], 12, 100],
    ]);
  });

  // 99.9% available: 0.1% of a year (31,536,000 s) is 31,536 s = 8.76 h; of a 30.42-day month 2,628 s
  // = 43.8 min; of a day 86.4 s = 1.44 min.
  const downtime = {
    prompt: '',
    inputs: { availability: '99.9%' },
    ask: ['downtimeSecPerYear', 'downtimeSecPerMonth', 'downtimeSecPerDay'],
  };
  // Each in a unit other than the one the figure is shown in (a bare number would be read in that one).
  it.each([
    ['525.6 minutes a year; 0.73 hours a month; 86.4 seconds a day'],
    ['525.6 minute a year; 0.73 hour a month; 86.4 second a day'],
    ['525.6 mins a year; 0.73 h a month; 86.4 secs a day'],
    ['525.6 min a year; 0.73 hours a month; 86.4 sec a day'],
    ['0.365 days a year; 2628 s a month; 0.024 hours a day'],
    ['0.365 day a year; 2628 S a month; 0.001 d a day'],
    ['0.365 d a year; 43.8 MINUTES a month; 1.44 Min a day'],
  ])('time units spelled out or short: %j', (answer) => {
    const g = gradeEstimatePhase(downtime, answer);
    expect(g.figures.map((f) => Math.round((100 * f.guess!) / f.actual))).toEqual([100, 100, 100]);
    expect(g.figures.map((f) => f.readable)).toEqual(['8.76 h', '43.8 min', '1.44 min']);
    expect(g.score).toBe(100);
  });
});

describe('the derivation and the deductions', () => {
  it('the derivation stops at the last figure asked', () => {
    const g = gradeEstimatePhase({ prompt: '', inputs, ask: ['peakRps'] }, 'peak 3000');
    expect(g.derivation).toEqual([
      { label: 'Requests per day', formula: '1000 req/s × 86,400 s/day', value: '86.4M req/day' },
      { label: 'Average rate', formula: '86.4M req/day ÷ 86,400 s/day', value: '1k req/s' },
      { label: 'Peak rate', formula: '1000 req/s × peak factor 3', value: '3k req/s' },
    ]);
  });

  it('each figure is worth 100 ÷ n; it loses its share times what it missed', () => {
    // Three figures of 33.3: 80 loses 6.7 → 7, 40 loses 20, missing loses 33; 100 loses nothing.
    const g = gradeEstimatePhase(spec, 'peak 5000. 25 instances. nothing in flight');
    expect(g.figures.map((f) => f.score)).toEqual([80, 40, 0]);
    expect(g.score).toBe(40);
    const d = estimateDeductions(g);
    expect(d.map((x) => x.points)).toEqual([7, 20, 33]);
    expect(d[0].reason).toBe(`${g.figures[0].label}: within 2×, expected 3k req/s`);
    expect(d[2].reason).toBe(`${g.figures[2].label}: no figure given (it is 600)`);
    expect(estimateDeductions(gradeEstimatePhase(spec, 'peak 3000; 11 servers; 600 in flight'))).toEqual([]);
    expect(estimateDeductions({ score: 0, figures: [], derivation: [] })).toEqual([]);
  });

  it('a key the inputs do not compute is an error in the question, not a zero', () => {
    expect(() => gradeEstimatePhase({ prompt: '', inputs, ask: ['downtimeSecPerYear'] }, 'x')).toThrow(
      'mock estimate: downtimeSecPerYear is not computed from the inputs',
    );
  });
});

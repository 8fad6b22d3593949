import { describe, expect, it } from 'vitest';
import { readGuess } from '../../../src/engine/capacity/grade.js';
import { scoreStep } from '../../../src/engine/drill/scoring/score.js';
import type { Step } from '../../../src/engine/drill/types.js';

describe('readGuess: a guess read in its result kind', () => {
  it.each([
    ['rate', '926', 926],
    ['rate', '1.2k', 1200],
    ['rate', '926 req/s', 926],
    ['rate', '900 qps', 900],
    ['rate', '1.2k/s', 1200],
    ['rate', '45m', 45e6], // m is a million for a rate
    ['bytesRate', '661 MB/s', 661e6],
    ['bytes', '40GB', 4e10],
    ['seconds', '52m', 3120], // m is minutes for a duration
    ['seconds', '45 minutes', 2700],
    ['seconds', '8.64 seconds', 8.64],
    ['count', '12', 12],
  ] as const)('%s "%s" is %d', (kind, text, value) => {
    expect(readGuess(kind, text, 'g')).toBeCloseTo(value, 6);
  });

  it.each([
    ['rate', '45 minutes', 'g: expected a rate, got a duration ("45 minutes")'],
    ['rate', '2 TB', 'g: expected a rate, got a size ("2 TB")'],
    ['count', '3 hours', 'g: expected a count, got a duration ("3 hours")'],
    ['bytes', '10s', 'g: expected a size, got a duration ("10s")'],
    ['rate', 'lots', 'g: "lots" is not a number with a known unit'],
  ] as const)('%s "%s" is refused: %s', (kind, text, message) => {
    expect(() => readGuess(kind, text, 'g')).toThrow(message);
  });
});

describe('an estimate step answered in the wrong kind of unit', () => {
  const step: Step = {
    title: 'Estimate the peak requests per second',
    form: 'estimate',
    prompt: '',
    hints: [],
    rubric: [],
    model: '',
    estimate: {
      key: 'peakRps',
      label: 'peak requests per second',
      actual: 925.926,
      readable: '926 req/s',
      unit: 'count',
    },
  };

  it('scores 0 and says why', () => {
    expect(scoreStep(step, '45 minutes')).toEqual({
      score: 0,
      hit: [],
      reasoned: [],
      unreasoned: [],
      missed: ['peak requests per second: 926 req/s'],
      deductions: [
        {
          kind: 'number',
          reason: '"45 minutes": expected a rate, got a duration',
          points: 100,
          correction: 'it is 926 req/s',
        },
      ],
    });
    expect(scoreStep(step, 'lots')?.deductions).toEqual([
      { kind: 'number', reason: '"lots": not a number with a known unit', points: 100, correction: 'it is 926 req/s' },
    ]);
  });

  it('a rate written with its unit scores as the number', () => {
    expect(scoreStep(step, '900 req/s')?.score).toBe(100);
  });
});

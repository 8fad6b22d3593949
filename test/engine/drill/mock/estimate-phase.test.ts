import { describe, expect, it } from 'vitest';
import { gradeEstimatePhase, estimateDeductions } from '../../../../src/engine/drill/mock/estimate-phase.js';

// q1-1's estimate: 1000 req/s average × 3 = 3,000 req/s at peak; 400 req/s × 0.7 = 280 usable per
// instance, ceil(3000 / 280) = ceil(10.7) = 11 instances; 3,000 req/s × 0.2 s = 600 in flight.
const spec = {
  prompt: '',
  inputs: { rps: 1000, peakFactor: 3, serverRps: 400, utilization: 0.7, latency: '200ms' },
  ask: ['peakRps', 'serversNeeded', 'inFlight'],
};

describe('the estimate phase, graded by the estimator', () => {
  it('reads one figure per key from prose and grades each', () => {
    const g = gradeEstimatePhase(spec, 'At peak we see 3k req/s.\nThat needs 11 instances.\nLittle: 600 in flight.');
    expect(g.figures.map((f) => [f.key, f.guess, f.actual, f.score])).toEqual([
      ['peakRps', 3000, 3000, 100],
      ['serversNeeded', 11, 11, 100],
      ['inFlight', 600, 600, 100],
    ]);
    expect(g.score).toBe(100);
    expect(g.derivation.map((d) => d.label)).toContain('Servers needed');
    expect(g.derivation.find((d) => d.label === 'Servers needed')?.value).toBe('11 servers');
  });

  it.each([
    // guess ÷ actual: within 25% → 100, 2× → 80, 10× → 40, beyond → 0
    ['peak: 3.5k req/s', 100],
    ['peak: 5000 req/s', 80],
    ['peak: 1000 req/s', 40],
    ['peak: 100 req/s', 0],
  ])('%s scores %i', (answer, score) => {
    expect(gradeEstimatePhase(spec, answer).figures[0].score).toBe(score);
  });

  it('names a missing figure and the classic slip (average given for peak)', () => {
    const g = gradeEstimatePhase(spec, 'peak: 1000 req/s');
    expect(g.figures[0].slip).toBe('too low by the peak factor (3): average vs peak');
    expect(g.figures[1]).toMatchObject({ guess: null, verdict: 'missing', score: 0 });
    // (100 + 0 + 0) / 3 would be 33; here 40 + 0 + 0 → 13
    expect(g.score).toBe(13);
    const d = estimateDeductions(g);
    expect(d[1]).toEqual({ reason: 'servers needed: no figure given (it is 11)', points: 33 });
  });
});

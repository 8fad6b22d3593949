import { describe, expect, it } from 'vitest';
import { gradeMock, type MockAnswers } from '../../../../src/engine/drill/mock/report.js';
import type { MockSpec } from '../../../../src/engine/drill/mock/types.js';
import { scoreStep } from '../../../../src/engine/drill/scoring/score.js';
import type { Scenario } from '../../../../src/engine/sim/scenario.js';
import { makeQuestion } from '../../../helpers/questions.js';

// The helper question's step is fully answered by this sentence (both concepts, with a reason): 100.
const FULL = 'Scale out behind a load balancer because the gateway keeps no state.';
const base = makeQuestion('h').steps[0];
/** Deep dive over two text steps (the second's concept never named) and a card, which is not scored. */
const question = makeQuestion('h', {
  steps: [
    base,
    { ...base, title: 'Two', rubric: [{ concept: 'idempotency', synonyms: [], weight: 1 }] },
    { ...base, form: 'card', title: 'Card' },
  ],
});
const answers = (deepDive: string): MockAnswers => ({
  phases: [
    { answer: '', seconds: -4 },
    { answer: 'x', seconds: 2.5 },
    { answer: '', seconds: 301 },
    { answer: '', seconds: 0 },
    { answer: deepDive, seconds: 675 },
  ],
});

describe('a mock graded by hand', () => {
  // Graded inside each test, not when the file is collected: an error there must fail a test.
  const graded = () => gradeMock(question, 45, answers(FULL), undefined, [question]);

  it('the deep dive is the mean of its text steps: (100 + 0) / 2 = 50, exactly the pass mark', () => {
    const r = graded();
    expect(r.phases[4]).toMatchObject({
      score: 50,
      hit: ['horizontal scaling', 'load balancer'],
      missed: ['idempotency'],
    });
  });

  it('overall weighs scored phases by their minutes, the unscored estimate left out: 50 × 15 / 40 = 18.75 → 19', () => {
    const r = graded();
    expect(r.phases.map((p) => p.score)).toEqual([0, null, 0, 0, 50, 0]);
    expect(r.score).toBe(19);
    expect(r.band).toBe('no hire');
    expect(r.bandReason).toBe('overall 19: no hire (strong hire ≥ 85, hire ≥ 70, lean no ≥ 55)');
  });

  it('seconds are whole and never negative; a phase is over only past its budget', () => {
    const r = graded();
    expect(r.phases.map((p) => [p.usedSeconds, p.budgetSeconds, p.overBudget])).toEqual([
      [0, 300, false],
      [3, 300, false],
      [301, 300, true],
      [0, 600, false],
      [675, 900, false],
      [0, 300, false],
    ]);
    expect(r.phases[5].answer).toBe('');
    expect(r.pacing).toBe('Ran over: api and data model (+0:01); the deep dive got its time (11:15 of 15:00).');
  });

  it('the unscored estimate phase has no score and nothing hit, missed or deducted', () => {
    const r = graded();
    expect(r.phases[1]).toMatchObject({
      name: 'estimate',
      score: null,
      hit: [],
      missed: [],
      deductions: [],
      answer: 'x',
    });
  });

  it('a concept hit in two steps is listed once; a step’s deductions are named by its title', () => {
    const twice = makeQuestion('t', { steps: [base, { ...base, title: 'Again' }] });
    const answer = 'A load balancer.';
    const dive = gradeMock(twice, 45, answers(answer), undefined, []).phases[4];
    const own = scoreStep(base, answer)!;
    expect(dive.hit).toEqual(own.hit);
    expect(own.hit).toEqual(['load balancer']);
    expect(dive.deductions).toEqual([
      ...own.deductions.map((d) => ({ reason: `${base.title}: ${d.reason}`, points: d.points })),
      ...own.deductions.map((d) => ({ reason: `Again: ${d.reason}`, points: d.points })),
    ]);
    expect(own.deductions.length).toBeGreaterThan(0);
  });

  it('no scenario: no simulation, and the note says why', () => {
    const r = graded();
    expect(r).toMatchObject({
      id: 'h',
      title: 'Question h',
      minutes: 45,
      estimate: null,
      simulation: null,
      simulationNote: 'this question has no scenario the simulator can run for its curveball',
    });
  });

  it('the weakest concept links to the drills that teach it', () => {
    const r = graded();
    // idempotency: missed in the deep dive (100 − 50) × 2; the generic phases' concepts are in no drill.
    expect(r.practiseNext).toEqual([{ concept: 'idempotency', drills: [{ id: 'h', title: 'Question h' }] }]);
  });

  it('a deep dive below 50 is no hire whatever the total, and says so', () => {
    const failed = gradeMock(
      makeQuestion('f', { steps: [base, question.steps[1], base] }),
      45,
      answers(FULL),
      undefined,
      [],
    );
    // (100 + 0 + 100) / 3 = 66.7 → 67 passes; a third step with nothing named brings it to 100 / 3 = 33.
    expect(failed.phases[4].score).toBe(67);
    const low = makeQuestion('l', { steps: [base, question.steps[1], question.steps[1]] });
    const r2 = gradeMock(low, 45, answers(FULL), undefined, []);
    expect(r2.phases[4].score).toBe(33);
    expect(r2.band).toBe('no hire');
    expect(r2.bandReason).toBe('the deep dive scored 33, below 50: no hire whatever the total');
  });

  it('a deep dive with no text step scores 0', () => {
    const cards = makeQuestion('c', { steps: [{ ...base, form: 'card' }] });
    expect(gradeMock(cards, 45, answers(FULL), undefined, []).phases[4]).toMatchObject({
      score: 0,
      hit: [],
      missed: [],
      deductions: [],
    });
  });
});

describe('why a curveball is not simulated', () => {
  const scenario = { name: 's' } as Scenario;
  const spec = (curveball: Partial<MockSpec['curveball']>): MockSpec => ({
    requirements: { prompt: 'p', rubric: [] },
    apiDataModel: { prompt: 'p', rubric: [] },
    highLevelDesign: { prompt: 'p', rubric: [] },
    curveball: { prompt: 'p', rubric: [], ...curveball },
  });
  it.each([
    [
      spec({ change: { kind: 'cold-cache' } }),
      undefined,
      'this question has no scenario the simulator can run for its curveball',
    ],
    [
      spec({ slo: { p95Ms: 1, errorRate: 0 } }),
      scenario,
      'this question has no scenario the simulator can run for its curveball',
    ],
    [spec({ change: { kind: 'cold-cache' } }), scenario, 'no SLO declared for the curveball'],
  ])('%j with scenario %j: %s', (mock, sc, note) => {
    const r = gradeMock(makeQuestion('m', { mock }), 30, { phases: [] }, sc, []);
    expect(r.simulation).toBeNull();
    expect(r.simulationNote).toBe(note);
    expect(r.phases.map((p) => p.budgetSeconds)).toEqual([200, 200, 200, 400, 600, 200]);
  });
});

describe('the estimate phase in the report', () => {
  // 1000 req/s × 3 = 3,000 at peak; 5,000 is within 2× (80: counted as hit), 11 servers not given (0: missed).
  const estimate = {
    prompt: 'p',
    inputs: { rps: 1000, peakFactor: 3, serverRps: 400, utilization: 0.7, latency: '200ms' },
    ask: ['peakRps', 'serversNeeded'],
  };
  const mock: MockSpec = {
    requirements: { prompt: 'p', rubric: [] },
    estimate,
    apiDataModel: { prompt: 'p', rubric: [] },
    highLevelDesign: { prompt: 'p', rubric: [] },
    curveball: { prompt: 'p', rubric: [] },
  };
  it('a figure scoring 80 is hit, one scoring 0 missed; the phase scores their mean and counts in the total', () => {
    const r = gradeMock(
      makeQuestion('e', { mock }),
      45,
      {
        phases: [
          { answer: '', seconds: 0 },
          { answer: 'peak: 5000 req/s', seconds: 0 },
        ],
      },
      undefined,
      [],
    );
    const labels = r.estimate!.figures.map((f) => f.label);
    expect(r.estimate!.figures.map((f) => f.score)).toEqual([80, 0]);
    expect(r.phases[1]).toMatchObject({ score: 40, hit: [labels[0]], missed: [labels[1]] });
    // Each figure is worth 100 / 2 = 50: the first loses a fifth of it (10), the second all of it.
    expect(r.phases[1].deductions.map((d) => d.points)).toEqual([10, 50]);
    // Only the estimate scored: 40 × 5 / 45 = 4.4 → 4 (the unscored rubric-less phases score 0).
    expect(r.phases.map((p) => p.score)).toEqual([0, 40, 0, 0, 0, 0]);
    expect(r.score).toBe(4);
  });
});

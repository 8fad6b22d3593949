import { describe, expect, it } from 'vitest';
import { scoreAttempt, scoreStep, type StepScore } from '../../../../src/engine/drill/scoring/score.js';
import type { Expectation, Question, Step } from '../../../../src/engine/drill/types.js';

// One synthetic step whose weights make every share a round number: load balancer 1, monitoring 1,
// horizontal scaling 2, the peak figure 1: total 5, so a weight of 1 is 20 points of the step.
const peak: Expectation = {
  label: 'peak',
  value: 1000,
  readable: '1000 orders/s',
  kind: 'count',
  tolerance: 0.05,
  near: [],
  weight: 1,
  points: 10,
};
const step: Step = {
  title: 'Scale the gateway',
  form: 'text',
  prompt: 'What would you change?',
  hints: [],
  model: '',
  rubric: [
    { concept: 'load balancer', synonyms: [], weight: 1 },
    { concept: 'monitoring', synonyms: [], weight: 1 },
    {
      concept: 'horizontal scaling',
      synonyms: ['scale out'],
      weight: 2,
      opposite: { stance: 'scale up', phrases: ['scale up', 'bigger machine'], correction: 'out, not up', points: 20 },
    },
  ],
  expect: [peak],
  misconceptions: [{ patterns: ['retries ... always safe'], points: 15, correction: 'only idempotent ones' }],
};
const score = (answer: string) => scoreStep(step, answer)!;

describe('a text step: earned share of the weights, minus penalties', () => {
  it.each([
    // 1 of 5 with a reason: 20.
    ['Put a load balancer in front because it spreads the orders.', 20],
    // 1 + 1 of 5, both in a sentence with a link: 40.
    ['Add a load balancer and monitoring because we must see the traffic.', 40],
    // 2 of 5: 40; with the load balancer 3 of 5: 60.
    ['Scale out because the gateway keeps no state.', 40],
    ['Scale out behind a load balancer because the gateway keeps no state.', 60],
    // Bare: 0.3 of 1 of 5 = 6.
    ['Put a load balancer in front.', 6],
    // The peak within 5% is its weight (20); 1050 is exactly 5% off and still right.
    ['We expect a peak of 1040 orders per second.', 20],
    ['We expect a peak of 1050 orders per second.', 20],
    ['We expect a peak of 950 orders per second.', 20],
    // 1051 is just outside: no credit, and 10 off (clamped at 0).
    ['We expect a peak of 1051 orders per second.', 0],
    // 60 earned, 10 off for the wrong figure: 50.
    ['Scale out behind a load balancer because the gateway keeps no state, at a peak of 1200 orders.', 50],
    // 60 earned, 15 off for the misconception: 45.
    ['Scale out behind a load balancer because the gateway keeps no state. Retries are always safe.', 45],
    // The opposite stance: horizontal scaling earns nothing and 20 go: 20 - 20 = 0 for the load balancer.
    ['Scale up to a bigger machine and add a load balancer because it spreads the orders.', 0],
    // Both stances: a contradiction, 20 off what the load balancer earns (20): 0.
    ['Scale out and scale up, and add a load balancer because it spreads the orders.', 0],
    ['', 0],
  ])('%j scores %i', (answer, expected) => {
    expect(score(answer).score).toBe(expected);
  });

  it('names each loss with its points: bare, dismissed, opposite, contradiction, number, misconception', () => {
    // A bare concept loses the other 0.7 of its weight: 0.7 × 20 = 14.
    expect(score('Put a load balancer in front.').deductions).toEqual([
      { kind: 'no-reason', reason: 'load balancer: named without a reason (say why, or what follows)', points: 14 },
    ]);
    // A dismissed concept: its whole share, 20, named but not subtracted again (it earned nothing).
    expect(score('Monitoring is overkill.')).toMatchObject({
      score: 0,
      deductions: [{ kind: 'dismissed', reason: 'monitoring: mentioned, then dismissed', points: 20 }],
    });
    expect(score('Scale up to a bigger machine.').deductions).toEqual([
      {
        kind: 'opposite',
        reason: 'recommends scale up instead of horizontal scaling',
        points: 20,
        correction: 'out, not up',
      },
    ]);
    expect(score('Scale out and scale up.').deductions).toEqual([
      {
        kind: 'contradiction',
        reason: 'recommends both horizontal scaling and scale up for one decision',
        points: 20,
        correction: 'out, not up',
      },
    ]);
    expect(score('The peak is 2000.').deductions).toEqual([
      { kind: 'number', reason: 'peak: 2000 is off', points: 10, correction: 'it is 1000 orders/s' },
    ]);
    expect(score('Retries are always safe.').deductions).toEqual([
      {
        kind: 'misconception',
        reason: 'misconception: retries … always safe',
        points: 15,
        correction: 'only idempotent ones',
      },
    ]);
  });

  it('sorts concepts into reasoned, unreasoned and missed; hit is reasoned then unreasoned', () => {
    const result = score('Scale out because the gateway keeps no state. Add monitoring.');
    expect(result).toMatchObject({
      // 2 (reasoned) + 0.3 × 1 (bare) of 5 = 46.
      score: 46,
      hit: ['horizontal scaling', 'monitoring'],
      reasoned: ['horizontal scaling'],
      unreasoned: ['monitoring'],
      missed: ['load balancer', 'peak: 1000 orders/s'],
    });
    expect(score('The peak is 1000 orders.')).toMatchObject({ reasoned: ['peak: 1000 orders/s'], score: 20 });
  });

  it('an answer in only the prompt words earns nothing and says which concepts were echoed', () => {
    const echoStep: Step = {
      ...step,
      prompt: 'Would a load balancer and monitoring help?',
      expect: [],
      misconceptions: [],
    };
    // Weights 1 + 1 of 4: the echo of both is 50 points of the step.
    expect(scoreStep(echoStep, 'A load balancer and monitoring.')).toMatchObject({
      score: 0,
      deductions: [
        {
          kind: 'echo',
          reason:
            "load balancer, monitoring: only the prompt's own words (or a question); add what you would do and why",
          points: 50,
        },
      ],
    });
  });

  it('a list of terms is capped at 30, and the cap names the points it took', () => {
    // Bare: 0.3 × (1 + 1 + 2) = 1.2, plus the peak 1: 2.2 of 5 = 44, capped at 30 (14 off).
    const result = score('peak 1000, load balancer, monitoring, scale out');
    expect(result.score).toBe(30);
    expect(result.deductions.at(-1)).toEqual({
      kind: 'cap',
      reason: 'a list of terms: say what you would do and why (capped at 30)',
      points: 14,
    });
    // Under the cap the list keeps its score and gets no cap line: 0.3 × 2 of 5 = 12.
    expect(score('load balancer, monitoring, more, things').deductions.map((d) => d.kind)).not.toContain('cap');
  });

  it('a step with no weights at all scores 0 rather than dividing by zero', () => {
    expect(scoreStep({ ...step, rubric: [], expect: [], misconceptions: [] }, 'anything at all')!.score).toBe(0);
  });
});

describe('a choice step', () => {
  const choice: Step = { ...step, form: 'choice', rubric: [], choices: ['A', 'B', 'C'], answer: 1 };
  it.each([
    ['1', 100],
    [' 1 ', 100],
    ['0', 0],
    ['2', 0],
    ['', 0],
  ])('choosing %j scores %i', (answer, expected) => {
    expect(scoreStep(choice, answer)!.score).toBe(expected);
  });

  it('a choice without an answer index cannot be right', () => {
    expect(scoreStep({ ...choice, answer: undefined }, '1')).toEqual({
      score: 0,
      hit: [],
      reasoned: [],
      unreasoned: [],
      missed: [''],
      deductions: [],
    });
  });
});

describe('an estimate step: within 25% is 100, within 2× 80, within 10× 40, else 0', () => {
  const estimate = (actual: number, unit: 'count' | 'size' | 'duration' = 'count'): Step => ({
    ...step,
    form: 'estimate',
    estimate: { key: 'not-a-gradeable-key', label: 'orders', actual, readable: String(actual), unit },
  });
  it.each([
    ['1000', 1000, 100],
    ['1250', 1000, 100],
    ['800', 1000, 100],
    ['1251', 1000, 80],
    ['799', 1000, 80],
    ['2000', 1000, 80],
    ['500', 1000, 80],
    ['2001', 1000, 40],
    ['499', 1000, 40],
    ['10000', 1000, 40],
    ['100', 1000, 40],
    ['10001', 1000, 0],
    ['99', 1000, 0],
    ['0', 1000, 0],
    ['0', 0, 100],
    ['5', 0, 0],
  ])('%s against %i scores %i', (answer, actual, expected) => {
    expect(scoreStep(estimate(actual), answer)!.score).toBe(expected);
  });

  it('units follow the target: a size reads bytes, a duration seconds', () => {
    expect(scoreStep(estimate(2000, 'size'), '2 KB')!.score).toBe(100);
    expect(scoreStep(estimate(60, 'duration'), '1 min')!.score).toBe(100);
    expect(scoreStep(estimate(60, 'duration'), '2 min')!.score).toBe(80);
  });

  it('a close guess is hit; a far one says how far off, to one decimal', () => {
    expect(scoreStep(estimate(1000), '1500')).toEqual({
      score: 80,
      hit: ['orders: 1000'],
      reasoned: ['orders: 1000'],
      unreasoned: [],
      missed: [],
      deductions: [],
    });
    expect(scoreStep(estimate(1000), ' 3456 ')).toEqual({
      score: 40,
      hit: [],
      reasoned: [],
      unreasoned: [],
      missed: ['orders: 1000'],
      deductions: [{ kind: 'number', reason: '3456 is 3.5× off', points: 60, correction: 'it is 1000' }],
    });
    expect(scoreStep(estimate(1000), '0')!.deductions[0]).toMatchObject({ reason: '0 is not close', points: 100 });
  });

  it('an unreadable guess scores 0 and says so; an empty one only misses', () => {
    expect(scoreStep(estimate(1000), 'lots')!.deductions).toEqual([
      { kind: 'number', reason: '"lots": not a number with a known unit', points: 100, correction: 'it is 1000' },
    ]);
    expect(scoreStep(estimate(1000), '  ')).toEqual({
      score: 0,
      hit: [],
      reasoned: [],
      unreasoned: [],
      missed: ['orders: 1000'],
      deductions: [],
    });
  });
});

describe('scoreAttempt: the rounded mean of the scored steps', () => {
  const q = {} as Question;
  const s = (score: number): StepScore => ({
    score,
    hit: [],
    reasoned: [],
    unreasoned: [],
    missed: [],
    deductions: [],
  });
  it.each([
    [[s(100), s(0), s(51)], 50],
    [[undefined, s(45), s(46)], 46],
    [[s(45), s(44)], 45],
    [[undefined], 0],
    [[], 0],
    [[s(70)], 70],
  ])('%j → %i', (scores, expected) => {
    expect(scoreAttempt(q, scores)).toBe(expected);
  });
});

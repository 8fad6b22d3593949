import { describe, expect, it } from 'vitest';
import {
  drillReducer,
  elapsedMs,
  hasProgress,
  startDrill,
  toAttempt,
  toDraft,
  type DrillAction,
  type DrillState,
} from '../../../src/engine/drill/session.js';
import type { Step } from '../../../src/engine/drill/types.js';
import { makeQuestion } from '../../helpers/questions.js';

const choice: Step = {
  title: 'Pick',
  form: 'choice',
  prompt: '',
  hints: [],
  rubric: [],
  choices: ['vertical', 'horizontal'],
  answer: 1,
  model: 'Horizontal.',
};
const card: Step = {
  title: 'Recall',
  form: 'card',
  prompt: '',
  hints: [],
  rubric: [],
  model: 'RTO is the maximum downtime.',
};
const base = makeQuestion('q');
const question = makeQuestion('q', { steps: [base.steps[0], choice, card] });

const run = (state: DrillState, ...actions: DrillAction[]) => actions.reduce(drillReducer, state);

describe('drill session', () => {
  it('answers, times and scores every step, then rates', () => {
    let s = startDrill(question, 1_000);
    s = run(
      s,
      { type: 'set-answer', text: 'Scale out behind a load balancer, because the gateway keeps no state' },
      { type: 'show-hint' },
      { type: 'show-hint' },
      { type: 'show-hint' },
    );
    expect(s.hintsShown).toEqual([2, 0, 0]); // only two hints exist
    s = run(s, { type: 'next-step', at: 61_000 }, { type: 'choose', index: 0 }, { type: 'choose', index: 7 });
    expect(s.answers[1]).toBe('0'); // index 7 is out of range and ignored
    s = run(s, { type: 'next-step', at: 71_000 }, { type: 'reveal-card' });
    expect(elapsedMs(s, 76_000)).toBe(75_000);
    s = run(s, { type: 'next-step', at: 81_000 });
    expect(s.phase).toBe('review');
    // Text step: both concepts (weights 2 + 1) with a reason → 100; choice wrong → 0; the card is unscored.
    expect(s.scores.map((x) => x?.score)).toEqual([100, 0, undefined]);
    expect(s.overall).toBe(50);
    s = run(s, { type: 'rate', rating: 'hard' });
    expect(s.phase).toBe('saved');
    const attempt = toAttempt(s, '2026-11-24T12:00:00.000Z');
    expect(attempt).toMatchObject({ questionId: 'q', score: 50, rating: 'hard', totalMs: 80_000, mode: 'practice' });
    expect(attempt.steps.map((x) => [x.ms, x.hintsUsed, x.score])).toEqual([
      [60_000, 2, 100],
      [10_000, 0, 0],
      [10_000, 0, undefined],
    ]);
    expect(attempt.steps[1].missed).toEqual(['horizontal']);
  });

  it("keeps each step's deductions with the attempt, so the history can explain every point lost", () => {
    let s = startDrill(question, 0);
    s = run(
      s,
      { type: 'set-answer', text: 'Scale out.' },
      { type: 'next-step', at: 1_000 },
      { type: 'choose', index: 1 },
      { type: 'next-step', at: 2_000 },
      { type: 'reveal-card' },
      { type: 'next-step', at: 3_000 },
    );
    const lost = s.scores[0]?.deductions ?? [];
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((d) => d.points > 0 && d.reason.length > 0)).toBe(true);
    const attempt = toAttempt(s, '2026-11-24T12:00:00.000Z');
    expect(attempt.steps[0].deductions).toEqual(lost);
    // A step that lost nothing carries no empty list.
    expect('deductions' in attempt.steps[1]).toBe(false);
    expect('deductions' in attempt.steps[2]).toBe(false);
  });

  it('going back keeps answers and adds time to the right step', () => {
    let s = startDrill(question, 0);
    s = run(
      s,
      { type: 'set-answer', text: 'a' },
      { type: 'next-step', at: 5_000 },
      { type: 'previous-step', at: 7_000 },
      { type: 'previous-step', at: 8_000 },
    );
    expect(s.stepIndex).toBe(0);
    expect(s.answers[0]).toBe('a');
    expect(s.stepMs).toEqual([5_000, 2_000, 0]);
  });

  it('a draft resumes at the same step with answers, hints and time', () => {
    let s = startDrill(question, 0);
    s = run(s, { type: 'set-answer', text: 'my answer' }, { type: 'show-hint' }, { type: 'next-step', at: 30_000 });
    expect(hasProgress(s)).toBe(true);
    const draft = toDraft(s, '2026-11-24T12:00:00.000Z', 45_000);
    expect(draft).toEqual({
      questionId: 'q',
      savedAt: '2026-11-24T12:00:00.000Z',
      stepIndex: 1,
      answers: ['my answer', '', ''],
      hintsUsed: [1, 0, 0],
      stepMs: [30_000, 15_000, 0],
    });
    const resumed = startDrill(question, 100_000, draft);
    expect(resumed).toMatchObject({
      stepIndex: 1,
      answers: ['my answer', '', ''],
      hintsShown: [1, 0, 0],
      stepMs: [30_000, 15_000, 0],
      resumedFrom: '2026-11-24T12:00:00.000Z',
    });
    expect(elapsedMs(resumed, 110_000)).toBe(55_000);
  });

  it('nothing typed and still on the first step is not worth a draft', () => {
    expect(hasProgress(startDrill(question, 0))).toBe(false);
  });

  it('answers cannot change once the review is shown', () => {
    let s = run(startDrill(makeQuestion('one'), 0), { type: 'set-answer', text: 'lb' }, { type: 'next-step', at: 1 });
    s = run(s, { type: 'set-answer', text: 'changed' });
    expect(s.answers).toEqual(['lb']);
    expect(s.overall).toBe(10); // load balancer named without a reason: 0.3 of weight 1 of 3 → 10
  });
});

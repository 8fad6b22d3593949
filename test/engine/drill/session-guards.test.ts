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
  hints: ['think'],
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
const question = () => {
  const base = makeQuestion('q');
  return makeQuestion('q', { steps: [base.steps[0], choice, card] });
};
const run = (state: DrillState, ...actions: DrillAction[]) => actions.reduce(drillReducer, state);
const at = (s: DrillState, stepIndex: number) =>
  run(s, ...Array.from({ length: stepIndex }, (_, k) => ({ type: 'next-step', at: 1000 * (k + 1) }) as const));
const review = () => at(startDrill(question(), 0), 3);

describe('each action only where it means something', () => {
  it.each([
    // choose: only on a choice step, only an index that exists
    [1, { type: 'choose', index: 0 }, '0'],
    [1, { type: 'choose', index: 1 }, '1'],
    [1, { type: 'choose', index: 2 }, ''],
    [1, { type: 'choose', index: -1 }, ''],
    [0, { type: 'choose', index: 0 }, ''],
    [2, { type: 'choose', index: 0 }, ''],
  ] as const)('on step %d, %o leaves the answer %j', (stepIndex, action, answer) => {
    const s = run(at(startDrill(question(), 0), stepIndex), action);
    expect(s.answers[stepIndex]).toBe(answer);
  });

  it('reveals only a card step', () => {
    expect(run(at(startDrill(question(), 0), 2), { type: 'reveal-card' }).revealed).toEqual([false, false, true]);
    expect(run(at(startDrill(question(), 0), 1), { type: 'reveal-card' }).revealed).toEqual([false, false, false]);
    expect(startDrill(question(), 0).revealed).toEqual([false, false, false]);
  });

  it('shows hints up to the number the step has, then no more', () => {
    const s = run(at(startDrill(question(), 0), 1), { type: 'show-hint' }, { type: 'show-hint' });
    expect(s.hintsShown).toEqual([0, 1, 0]);
  });

  it('in the review, answers, hints, choices and steps no longer change; only a rating does', () => {
    const r = review();
    expect(r.phase).toBe('review');
    for (const action of [
      { type: 'set-answer', text: 'late' },
      { type: 'show-hint' },
      { type: 'choose', index: 0 },
      { type: 'next-step', at: 99_000 },
      { type: 'previous-step', at: 99_000 },
    ] as DrillAction[]) {
      expect(drillReducer(r, action)).toBe(r);
    }
    const rated = drillReducer(r, { type: 'rate', rating: 'good' });
    expect([rated.phase, rated.rating]).toEqual(['saved', 'good']);
    expect(drillReducer(rated, { type: 'rate', rating: 'easy' })).toBe(rated);
  });

  it('a rating while answering is ignored', () => {
    const s = startDrill(question(), 0);
    expect(drillReducer(s, { type: 'rate', rating: 'good' })).toBe(s);
  });

  it('back from the first step stays; back from the second counts the time on it', () => {
    const s = startDrill(question(), 0);
    expect(drillReducer(s, { type: 'previous-step', at: 500 })).toBe(s);
    const back = run(s, { type: 'next-step', at: 1000 }, { type: 'previous-step', at: 4000 });
    expect([back.stepIndex, back.stepMs, back.enteredAt]).toEqual([0, [1000, 3000, 0], 4000]);
  });
});

describe('time and drafts', () => {
  it('elapsed time counts the current visit only while answering, and never a clock going back', () => {
    const s = run(startDrill(question(), 1000), { type: 'next-step', at: 3000 });
    expect(elapsedMs(s, 5000)).toBe(4000);
    expect(elapsedMs(s, 2000)).toBe(2000);
    const r = run(s, { type: 'next-step', at: 6000 }, { type: 'next-step', at: 10_000 });
    expect(elapsedMs(r, 50_000)).toBe(9000);
  });

  it('a resumed draft starts at its step, clamped to the question, with its answers, hints and times', () => {
    const draft = {
      questionId: 'q',
      savedAt: '2026-11-24T12:00:00.000Z',
      stepIndex: 9,
      answers: ['a', '1'],
      hintsUsed: [1],
      stepMs: [500, 700],
    };
    const s = startDrill(question(), 0, draft);
    expect([s.stepIndex, s.answers, s.hintsShown, s.stepMs, s.resumedFrom]).toEqual([
      2,
      ['a', '1', ''],
      [1, 0, 0],
      [500, 700, 0],
      draft.savedAt,
    ]);
    expect(startDrill(question(), 0, { ...draft, stepIndex: -3 }).stepIndex).toBe(0);
    expect(startDrill(question(), 0, { ...draft, stepIndex: 1 }).stepIndex).toBe(1);
  });

  it.each([
    [[], 0, false],
    [[{ type: 'set-answer', text: '   ' }], 0, false],
    [[{ type: 'set-answer', text: 'x' }], 0, true],
    [[], 1, true],
  ] as Array<[DrillAction[], number, boolean]>)(
    'actions %j at step %d: worth a draft %s',
    (actions, stepIndex, worth) => {
      expect(hasProgress(run(at(startDrill(question(), 0), stepIndex), ...actions))).toBe(worth);
    },
  );

  it('nothing is worth a draft once in the review', () => {
    expect(hasProgress(review())).toBe(false);
  });

  it('a draft adds the current visit to its step; a draft of the review keeps the times as they are', () => {
    const s = run(startDrill(question(), 1000), { type: 'set-answer', text: 'half' });
    expect(toDraft(s, 'now', 4000)).toEqual({
      questionId: 'q',
      savedAt: 'now',
      stepIndex: 0,
      answers: ['half', '', ''],
      hintsUsed: [0, 0, 0],
      stepMs: [3000, 0, 0],
    });
    const r = review();
    expect(toDraft(r, 'now', 99_000).stepMs).toEqual(r.stepMs);
  });

  it('an attempt lists each step with what it hit and missed, and an unscored card as empty lists', () => {
    const attempt = toAttempt(run(review(), { type: 'rate', rating: 'good' }), 'when', 'mock');
    expect(attempt.mode).toBe('mock');
    expect(attempt.steps[2]).toEqual({ answer: '', score: undefined, hit: [], missed: [], hintsUsed: 0, ms: 1000 });
    expect(attempt.totalMs).toBe(3000);
  });
});

import { createEmptyCard, fsrs, Rating, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/engine/drill/attempt.js';
import { dueOrder, WEAK_SCORE } from '../../../src/engine/drill/schedule.js';
import type { StepReview } from '../../../src/engine/drill/review/types.js';
import { makeAttempt, makeQuestion } from '../../helpers/questions.js';

const DAY = 86_400_000;
const T0 = '2026-11-01T12:00:00.000Z';
// The reference scheduler, configured as the app documents (no fuzz, no short-term steps).
const f = fsrs({ enable_fuzz: false, enable_short_term: false });
const dueAfter = (at: string, rating: Grade) => f.next(createEmptyCard(new Date(at)), new Date(at), rating).card.due;
/** An attempt whose steps are graded with these scores (one card per step). */
const graded = (id: string, at: string, ...scores: number[]): Attempt => ({
  ...makeAttempt(id, at, Math.max(...scores)),
  steps: scores.map((score) => ({ answer: 'x', score, hit: [], missed: [], hintsUsed: 0, ms: 1000 })),
});
const iso = (ms: number) => new Date(ms).toISOString();

describe('dueOrder: one question at the edges', () => {
  it.each([
    [59, true, 'weak: best 59'],
    [WEAK_SCORE - 1, true, `weak: best ${WEAK_SCORE - 1}`],
    [60, true, 'not rated yet'],
  ])('best %i: due %s, %j', (best, due, reason) => {
    expect(WEAK_SCORE).toBe(60);
    expect(dueOrder([makeQuestion('a')], [makeAttempt('a', T0, best)], T0)[0]).toMatchObject({ due, reason });
  });

  it('best is the highest score, latest the most recent, whatever order the history is stored in', () => {
    const history = [
      makeAttempt('a', '2026-11-03T00:00:00.000Z', 55),
      makeAttempt('a', '2026-11-01T00:00:00.000Z', 90),
      makeAttempt('a', '2026-11-02T00:00:00.000Z', 30),
    ];
    expect(dueOrder([makeQuestion('a')], history, T0)[0]).toEqual({
      question: makeQuestion('a'),
      attempts: 3,
      best: 90,
      latest: 55,
      lastTriedAt: '2026-11-03T00:00:00.000Z',
      due: true,
      reason: 'not rated yet',
    });
  });

  it('a never-tried question is new and due, with no scores', () => {
    expect(dueOrder([makeQuestion('a')], [makeAttempt('b', T0, 90)], T0)[0]).toEqual({
      question: makeQuestion('a'),
      attempts: 0,
      due: true,
      reason: 'new',
    });
  });

  // A step scored 70 rates "good": due when FSRS says so, and not a millisecond earlier.
  const due = dueAfter(T0, Rating.Good).getTime();
  it.each([
    ['at the due instant', due, true, 'due for review'],
    ['after it', due + DAY, true, 'due for review'],
    ['a millisecond before: the next day', due - 1, false, 'next in 1 d'],
    ['exactly two days before', due - 2 * DAY, false, 'next in 2 d'],
    ['two days and a millisecond before: three', due - 2 * DAY - 1, false, 'next in 3 d'],
  ])('%s', (_name, now, isDue, reason) => {
    const [s] = dueOrder([makeQuestion('a')], [graded('a', T0, 70)], iso(now));
    expect(s).toMatchObject({ due: isDue, reason, dueAt: iso(due), best: 70, latest: 70, attempts: 1 });
  });

  it('a question is due when the earliest of its step cards is: each step keeps its own card', () => {
    const twoSteps = makeQuestion('a', { steps: [makeQuestion('a').steps[0], makeQuestion('a').steps[0]] });
    // Step 1 rated easy (95), step 2 hard (50): the hard card comes back first.
    const [s] = dueOrder([twoSteps], [graded('a', T0, 95, 50)], T0);
    expect(s.dueAt).toBe(iso(dueAfter(T0, Rating.Hard).getTime()));
    expect(dueAfter(T0, Rating.Hard).getTime()).toBeLessThan(dueAfter(T0, Rating.Easy).getTime());
    // Step 1 graded easy and step 2 reviewed on its own: the review rates the second card ('#2').
    const review = (rating: StepReview['rating']) => ({ questionId: 'a', step: 1, at: T0, rating }) as StepReview;
    expect(dueOrder([twoSteps], [graded('a', T0, 95)], T0, [review('hard')])[0].dueAt).toBe(
      iso(dueAfter(T0, Rating.Hard).getTime()),
    );
    expect(dueOrder([twoSteps], [graded('a', T0, 95)], T0, [review('easy')])[0].dueAt).toBe(
      iso(dueAfter(T0, Rating.Easy).getTime()),
    );
  });
});

describe('dueOrder: the order of the list', () => {
  // Unrated ones first and last in the bank: weak ones still come before both, and dated ones after.
  const ids = ['u0', 'w1', 'w2', 'r1', 'r2', 'n1', 'n2', 'f1', 'f2', 'u1'];
  const bank = ids.map((id) => makeQuestion(id));
  const now = '2026-12-01T12:00:00.000Z';
  const attempts = [
    makeAttempt('w2', T0, 20), // weak, listed second in the bank: stays after w1
    makeAttempt('w1', '2026-11-30T00:00:00.000Z', 59),
    graded('r2', '2026-11-02T12:00:00.000Z', 70), // due, but later than r1
    graded('r1', '2026-11-01T12:00:00.000Z', 70),
    graded('f2', '2026-12-01T11:00:00.000Z', 70), // not due; sooner than f1 (good < easy)
    graded('f1', '2026-12-01T10:00:00.000Z', 95),
    makeAttempt('u1', T0, 80), // tried, never rated: due, with no date
    makeAttempt('u0', T0, 60),
  ];
  it('weak (bank order), then due (unrated first, then earliest due), then new (bank order), then the rest by due date', () => {
    const order = dueOrder(bank, attempts, now);
    expect(order.map((s) => s.question.id)).toEqual(['w1', 'w2', 'u0', 'u1', 'r1', 'r2', 'n1', 'n2', 'f2', 'f1']);
    expect(order.map((s) => s.due)).toEqual([true, true, true, true, true, true, true, true, false, false]);
  });
});

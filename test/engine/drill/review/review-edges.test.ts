import { createEmptyCard, fsrs, Rating, State, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../../src/engine/drill/attempt.js';
import { replayCards, stateName, type StepCard } from '../../../../src/engine/drill/review/cards.js';
import { dueCounts, reviewQueue } from '../../../../src/engine/drill/review/due.js';
import { reviewEvents } from '../../../../src/engine/drill/review/events.js';
import { planReview } from '../../../../src/engine/drill/review/plan.js';
import { ratingForScore, stepReviewId } from '../../../../src/engine/drill/review/rating.js';
import { reviewReport } from '../../../../src/engine/drill/review/report.js';
import { stepAsQuestion, stepRating, toStepReview } from '../../../../src/engine/drill/review/step-session.js';
import type { StepReview } from '../../../../src/engine/drill/review/types.js';
import type { DrillState } from '../../../../src/engine/drill/session.js';
import { makeQuestion } from '../../../helpers/questions.js';

const DAY = 86_400_000;
const T0 = '2026-11-01T12:00:00.000Z';
const f = fsrs({ enable_fuzz: false, enable_short_term: false });
/** A card with the given key, topic question, due date and last score (only what the queue reads). */
const card = (
  questionId: string,
  step: number,
  due: Date,
  lastScore?: number,
  rating: Grade = Rating.Good,
): StepCard => {
  const next = f.next(createEmptyCard(new Date(T0)), new Date(T0), rating).card;
  return {
    key: `${questionId}#${step + 1}`,
    questionId,
    step,
    card: { ...next, due },
    reviews: 1,
    lastScore,
    lastRating: 'good',
  };
};

describe('dueCounts: due now, within a day, within a week (inclusive)', () => {
  const now = new Date('2026-11-10T00:00:00.000Z');
  it.each([
    [0, [1, 1, 1]],
    [-1, [1, 1, 1]],
    [1, [0, 1, 1]],
    [DAY, [0, 1, 1]],
    [DAY + 1, [0, 0, 1]],
    [7 * DAY, [0, 0, 1]],
    [7 * DAY + 1, [0, 0, 0]],
  ])('due in %i ms: %j', (offset, [n, d, w]) => {
    const c = card('a', 0, new Date(now.getTime() + offset));
    expect(dueCounts([c], now)).toEqual({ now: n, day: d, week: w, cards: 1 });
  });
});

describe('reviewQueue: weakest first, topics interleaved', () => {
  const now = new Date('2026-12-01T00:00:00.000Z');
  const topics: Record<string, string> = { a: 'x', b: 'x', c: 'y', d: 'y', e: 'z' };
  it('orders by recall chance, then last score (unscored last), then key; lanes by their weakest', () => {
    // All rated once at T0 with the same rating: the same recall chance at `now`; last scores decide.
    const dueAt = new Date('2026-11-05T00:00:00.000Z');
    const cards = [
      card('a', 0, dueAt, 70),
      card('b', 0, dueAt, 30),
      card('a', 1, dueAt, undefined),
      card('c', 0, dueAt, 50),
      card('d', 0, dueAt, 50),
      card('e', 0, new Date(now.getTime() + 1), 0), // not due yet
      card('gone', 0, dueAt, 0), // no topic: left out
    ];
    expect(reviewQueue(cards, now, (id) => topics[id]).map((c) => c.key)).toEqual([
      'b#1', // lane x's weakest (30) is weaker than lane y's (50)
      'c#1', // lane y: 50 and 50, by key
      'a#1',
      'd#1',
      'a#2', // unscored counts as 101: after every score
    ]);
  });

  it('a card due exactly now is in the queue; the lower recall chance goes first', () => {
    const old = card('a', 0, now, 90);
    old.card = f.next(
      createEmptyCard(new Date('2026-01-01T00:00:00.000Z')),
      new Date('2026-01-01T00:00:00.000Z'),
      Rating.Good,
    ).card;
    const fresh = card('b', 0, now, 10);
    const queue = reviewQueue([fresh, old], now, () => 'x');
    // "old" was last seen eleven months ago: its recall chance is lower despite its better score.
    expect(queue.map((c) => c.key)).toEqual(['a#1', 'b#1']);
  });
});

describe('planReview keeps cards of steps the bank still has', () => {
  it('a step index past the question, or a question no longer in the bank, has no card', () => {
    const reviews = [0, 1, 2].map(
      (step) => ({ id: `a#${step + 1}@${T0}`, questionId: 'a', step, at: T0, rating: 'good' }) as StepReview,
    );
    const two = makeQuestion('a', { steps: [makeQuestion('a').steps[0], makeQuestion('a').steps[0]] });
    const plan = planReview([two], [], [...reviews, { ...reviews[0], questionId: 'gone' }], new Date('2027-01-01'));
    expect(plan.cards.map((c) => c.key)).toEqual(['a#1', 'a#2']);
    expect(plan.queue.map((c) => c.key)).toEqual(['a#1', 'a#2']);
  });
});

describe('reviewEvents passes over what is not well-formed', () => {
  const good: Attempt = {
    questionId: 'a',
    at: T0,
    score: 50,
    steps: [{ answer: '', score: 50, hit: [], missed: [], hintsUsed: 0, ms: 0 }],
    totalMs: 0,
    mode: 'practice',
  };
  it.each([
    ['a graded step', good, 1],
    ['a mock', { ...good, mode: 'mock' }, 0],
    ['no question id', { ...good, questionId: 1 }, 0],
    ['a bad date', { ...good, at: 'x' }, 0],
    ['steps not a list', { ...good, steps: {} }, 0],
    ['a step that is not an object', { ...good, steps: [null] }, 0],
    ['an infinite score and no rating', { ...good, steps: [{ answer: '', score: Infinity }] }, 0],
    ['an infinite score with a self-rating', { ...good, rating: 'easy', steps: [{ answer: '', score: Infinity }] }, 1],
    ['an array', [good], 0],
  ])('%s: %i event(s)', (_name, attempt, n) => {
    expect(reviewEvents([attempt as Attempt])).toHaveLength(n);
  });

  const review = { id: 'r', questionId: 'a', step: 0, at: T0, rating: 'good', score: 80 } as StepReview;
  it.each([
    ['a review', review, 1],
    ['a negative step', { ...review, step: -1 }, 0],
    ['a fractional step', { ...review, step: 0.5 }, 0],
    ['a bad rating', { ...review, rating: 'ok' }, 0],
    ['a bad date', { ...review, at: '' }, 0],
    ['no question id', { ...review, questionId: undefined }, 0],
    ['null', null, 0],
  ])('%s: %i event(s)', (_name, r, n) => {
    expect(reviewEvents([], [r as StepReview])).toHaveLength(n);
  });

  it('events come oldest first, one moment by card key; a review keeps its score', () => {
    const later = { ...good, at: '2026-11-02T12:00:00.000Z' };
    const events = reviewEvents(
      [later, good],
      [
        { ...review, step: 1 },
        { ...review, questionId: '0' },
      ],
    );
    expect(events.map((e) => [e.key, e.at, e.score])).toEqual([
      ['0#1', T0, 80],
      ['a#1', T0, 50],
      ['a#2', T0, 80],
      ['a#1', '2026-11-02T12:00:00.000Z', 50],
    ]);
    expect(reviewEvents([], [{ ...review, score: undefined }])[0].score).toBeUndefined();
  });
});

describe('ratings, ids and states', () => {
  it.each([
    [84, 'good'],
    [85, 'easy'],
    [100, 'easy'],
  ])('score %i rates %s', (score, rating) => {
    expect(ratingForScore(score)).toBe(rating);
  });

  it('a step review is stored under its card and moment', () => {
    expect(stepReviewId('q', 0, T0)).toBe(`q#1@${T0}`);
  });

  it('without short-term steps every rated card is in review, even after "again"; the last graded score stays', () => {
    const events = [
      { key: 'a#1', questionId: 'a', step: 0, at: T0, rating: 'good' as const },
      { key: 'a#1', questionId: 'a', step: 0, at: '2026-11-10T12:00:00.000Z', rating: 'again' as const, score: 10 },
      { key: 'b#1', questionId: 'b', step: 0, at: T0, rating: 'good' as const, score: 70 },
      { key: 'b#1', questionId: 'b', step: 0, at: '2026-11-10T12:00:00.000Z', rating: 'good' as const },
    ];
    const cards = replayCards(events);
    expect(stateName(cards.get('a#1')!)).toBe('review');
    expect(cards.get('a#1')).toMatchObject({ reviews: 2, lastScore: 10, lastRating: 'again' });
    // A later self-rating keeps the last graded score.
    expect(cards.get('b#1')).toMatchObject({ reviews: 2, lastScore: 70, lastRating: 'good' });
    expect(stateName(cards.get('b#1')!)).toBe('review');
  });
});

describe('stateName names each FSRS state', () => {
  it.each([
    [State.New, 'new'],
    [State.Learning, 'learning'],
    [State.Review, 'review'],
    [State.Relearning, 'relearning'],
  ])('%i: %s', (state, name) => {
    const c = card('a', 0, new Date(T0));
    expect(stateName({ ...c, card: { ...c.card, state } })).toBe(name);
  });
});

describe('reviewReport sorts by due date, then id, then step', () => {
  it('a stable document', () => {
    const due = new Date('2026-11-05T00:00:00.000Z');
    const cards = [card('b', 0, due), card('a', 1, due), card('a', 0, due), card('a', 0, new Date('2026-11-04'))];
    const report = reviewReport(cards, [], new Date('2026-11-06T00:00:00.000Z'));
    expect(report.cards.map((c) => [c.id, c.step, c.due])).toEqual([
      ['a', 1, '2026-11-04T00:00:00.000Z'],
      ['a', 1, due.toISOString()],
      ['a', 2, due.toISOString()],
      ['b', 1, due.toISOString()],
    ]);
    expect(report.now).toBe('2026-11-06T00:00:00.000Z');
  });
});

describe('a step as a question of its own', () => {
  const q = makeQuestion('a', {
    title: 'Scale',
    minutes: 10,
    steps: ['one', 'two', 'three'].map((title) => ({ ...makeQuestion('a').steps[0], title })),
    body: { context: 'c', modelAnswer: 'm', followUps: 'f', rest: 'r' },
  });
  it.each([
    [0, 'Scale · step 1/3', 3],
    [2, 'Scale · step 3/3', 3],
  ])('step %i: %s, %i minutes (10 / 3 rounded)', (k, title, minutes) => {
    const one = stepAsQuestion(q, k);
    expect(one).toMatchObject({ title, minutes, body: { context: 'c', modelAnswer: '', followUps: '', rest: 'r' } });
    expect(one.steps).toEqual([q.steps[k]]);
  });

  it('at least a minute; 10 / 4 = 2.5 rounds to 3', () => {
    expect(stepAsQuestion({ ...q, minutes: 1 }, 0).minutes).toBe(1);
    expect(stepAsQuestion({ ...q, minutes: 10, steps: [...q.steps, q.steps[0]] }, 0).minutes).toBe(3);
  });

  const state = (score?: object) =>
    ({ answers: ['my answer'], stepMs: [4200], scores: [score] }) as unknown as DrillState;
  it('a graded step rates by its band, even at 0; a card by the user', () => {
    expect(stepRating(state({ score: 0, hit: [], missed: [] }), 'easy')).toBe('again');
    expect(stepRating(state({ score: 90, hit: [], missed: [] }))).toBe('easy');
    expect(stepRating(state(), 'hard')).toBe('hard');
    expect(stepRating(state())).toBeUndefined();
  });

  it('the stored record keeps deductions only when the grading gave a list', () => {
    const graded = { score: 55, hit: ['h'], missed: ['m'], deductions: [{ reason: 'r', points: 5 }] };
    expect(toStepReview(state(graded), 'q', 1, 'hard', T0)).toEqual({
      id: `q#2@${T0}`,
      questionId: 'q',
      step: 1,
      at: T0,
      answer: 'my answer',
      score: 55,
      hit: ['h'],
      missed: ['m'],
      deductions: [{ reason: 'r', points: 5 }],
      rating: 'hard',
      ms: 4200,
    });
    expect(toStepReview(state({ ...graded, deductions: 'x' }), 'q', 1, 'hard', T0)).not.toHaveProperty('deductions');
    expect(toStepReview(state(), 'q', 0, 'good', T0)).toEqual({
      id: `q#1@${T0}`,
      questionId: 'q',
      step: 0,
      at: T0,
      answer: 'my answer',
      score: undefined,
      hit: [],
      missed: [],
      rating: 'good',
      ms: 4200,
    });
  });
});

describe('what a hand-edited store may hold', () => {
  const at = T0;
  const steps = (records: unknown[]) =>
    ({ questionId: 'a', at, score: 0, steps: records, rating: 'good', totalMs: 0, mode: 'practice' }) as Attempt;
  it.each([
    ['a step record that is text', steps(['x']), 0],
    ['a step record that is a list', steps([[]]), 0],
    ['an attempt date that is a number', { ...steps([{ answer: '' }]), at: 2026 }, 0],
    ['a well-formed self-rated step', steps([{ answer: '' }]), 1],
  ])('%s: %i event(s)', (_name, attempt, n) => {
    expect(reviewEvents([attempt as Attempt])).toHaveLength(n);
  });

  it('a step review whose score is not a number keeps its rating and no score', () => {
    const review = { id: 'r', questionId: 'a', step: 0, at, rating: 'hard', score: '80' } as unknown as StepReview;
    expect(reviewEvents([], [review])).toEqual([
      { key: 'a#1', questionId: 'a', step: 0, at, rating: 'hard', score: undefined },
    ]);
    expect(reviewEvents([], [{ ...review, at: 2026 } as unknown as StepReview])).toEqual([]);
  });

  it('the lane whose weakest card is weakest goes first, whichever topic was met first', () => {
    const dueAt = new Date('2026-11-05T00:00:00.000Z');
    // Topic x is met first but its only card scored 60; topic y's scored 20, so y leads.
    const cards = [card('x1', 0, dueAt, 60), card('x2', 0, dueAt, 70), card('y1', 0, dueAt, 20)];
    const topic = (id: string) => id.slice(0, 1);
    expect(reviewQueue(cards, new Date('2026-12-01T00:00:00.000Z'), topic).map((c) => c.key)).toEqual([
      'y1#1',
      'x1#1',
      'x2#1',
    ]);
  });
});

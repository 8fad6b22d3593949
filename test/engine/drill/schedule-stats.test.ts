import { createEmptyCard, fsrs, Rating, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { dueOrder } from '../../../src/engine/drill/schedule.js';
import { computeStats } from '../../../src/engine/drill/stats.js';
import { makeAttempt, makeQuestion } from '../../helpers/questions.js';

const NOW = '2026-11-24T12:00:00.000Z';
const qs = ['a', 'b', 'c', 'd', 'e'].map((id) =>
  makeQuestion(id, { topic: id === 'e' ? 'reliability' : 'scalability' }),
);

describe('dueOrder', () => {
  // One graded step per question (makeQuestion has one step), so each question has one card.
  const graded = (id: string, at: string, score: number) => ({
    ...makeAttempt(id, at, score),
    steps: [{ answer: 'x', score, hit: [], missed: [], hintsUsed: 0, ms: 1000 }],
  });
  const f = fsrs({ enable_fuzz: false, enable_short_term: false });
  const dueAfter = (at: string, rating: Grade) =>
    f.next(createEmptyCard(new Date(at)), new Date(at), rating).card.due.toISOString();

  it('puts weak first, then due reviews, then never-tried, then the rest by FSRS due date', () => {
    const attempts = [
      graded('a', '2026-11-10T12:00:00.000Z', 70), // good
      graded('b', '2026-11-23T12:00:00.000Z', 40), // best 40 < 60: weak
      graded('c', '2026-11-23T12:00:00.000Z', 95), // easy
      graded('e', '2026-11-24T10:00:00.000Z', 70), // good
    ];
    const order = dueOrder(qs, attempts, NOW);
    expect(order.map((s) => [s.question.id, s.due])).toEqual([
      ['b', true],
      ['a', true],
      ['d', true],
      ['e', false],
      ['c', false],
    ]);
    expect(order[1].dueAt).toBe(dueAfter('2026-11-10T12:00:00.000Z', Rating.Good));
    expect(order[3].dueAt).toBe(dueAfter('2026-11-24T10:00:00.000Z', Rating.Good));
    expect(order[4].dueAt).toBe(dueAfter('2026-11-23T12:00:00.000Z', Rating.Easy));
    expect(order.map((s) => s.reason).slice(0, 3)).toEqual(['weak: best 40', 'due for review', 'new']);
  });

  it('a tried question none of whose steps has a rating yet is due ("not rated yet")', () => {
    expect(dueOrder([qs[0]], [makeAttempt('a', '2026-11-01T00:00:00.000Z', 95)], NOW)[0]).toMatchObject({
      due: true,
      reason: 'not rated yet',
      best: 95,
    });
  });
});

describe('computeStats', () => {
  const attempts = [
    makeAttempt('a', '2026-11-22T09:00:00.000Z', 50),
    makeAttempt('a', '2026-11-23T23:59:00.000Z', 70),
    makeAttempt('b', '2026-11-24T00:01:00.000Z', 30),
    makeAttempt('e', '2026-11-20T08:00:00.000Z', 90),
  ];

  it('counts attempts, best and latest per item and per topic', () => {
    const stats = computeStats(qs, attempts, NOW);
    expect(stats.attempts).toBe(4);
    expect(stats.items.find((i) => i.id === 'a')).toMatchObject({
      attempts: 2,
      best: 70,
      latest: 70,
      lastTriedAt: '2026-11-23T23:59:00.000Z',
    });
    expect(stats.items.find((i) => i.id === 'd')).toMatchObject({ attempts: 0, best: undefined });
    // scalability: a (best 70) and b (best 30) tried of a–d: mean best (70 + 30) / 2 = 50; latest b's 30.
    expect(stats.topics).toEqual([
      { topic: 'scalability', questions: 4, tried: 2, attempts: 3, meanBest: 50, latest: 30 },
      { topic: 'reliability', questions: 1, tried: 1, attempts: 1, meanBest: 90, latest: 90 },
    ]);
  });

  it.each([
    ['today, yesterday and the day before (UTC days)', NOW, 3],
    ['none today yet: the run through yesterday still counts', '2026-11-25T08:00:00.000Z', 3],
    ['a gap of a whole day breaks it', '2026-11-26T08:00:00.000Z', 0],
  ])('streak: %s', (_name, today, days) => {
    expect(computeStats(qs, attempts, today).streakDays).toBe(days);
  });
});

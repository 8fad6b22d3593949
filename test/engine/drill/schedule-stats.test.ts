import { describe, expect, it } from 'vitest';
import { dueOrder } from '../../../src/engine/drill/schedule.js';
import { computeStats } from '../../../src/engine/drill/stats.js';
import { makeAttempt, makeQuestion } from '../../helpers/questions.js';

const NOW = '2026-11-24T12:00:00.000Z';
const qs = ['a', 'b', 'c', 'd', 'e'].map((id) => makeQuestion(id, { topic: id === 'e' ? 'reliability' : 'scalability' }));

describe('dueOrder', () => {
  it('puts weak first, then due reviews, then never-tried, then the rest by due date', () => {
    const attempts = [
      makeAttempt('a', '2026-11-20T12:00:00.000Z', 90, 'good'), // good: 3 days → due 11-23, due now
      makeAttempt('b', '2026-11-23T12:00:00.000Z', 40, 'good'), // best 40 < 60: weak
      makeAttempt('c', '2026-11-23T12:00:00.000Z', 95, 'easy'), // easy: 7 days → due 11-30
      makeAttempt('e', '2026-11-24T10:00:00.000Z', 85, 'good'), // good: 3 days → due 11-27
    ];
    const order = dueOrder(qs, attempts, NOW);
    expect(order.map((s) => [s.question.id, s.due, s.reason])).toEqual([
      ['b', true, 'weak: best 40'],
      ['a', true, 'due for review'],
      ['d', true, 'new'],
      ['e', false, 'next in 3 d'], // 11-27T10:00 is 2.92 days away: shown rounded up
      ['c', false, 'next in 6 d'],
    ]);
    expect(order[4].dueAt).toBe('2026-11-30T12:00:00.000Z');
  });

  it('doubles the interval for each good or easy rating in a row', () => {
    // good, good, good in a row: 3 × 2² = 12 days after the last attempt.
    const attempts = ['2026-11-01', '2026-11-05', '2026-11-10'].map((d) => makeAttempt('a', `${d}T00:00:00.000Z`, 90, 'good'));
    const [a] = dueOrder([qs[0]], attempts, NOW);
    expect(a.dueAt).toBe('2026-11-22T00:00:00.000Z');
    expect(a.due).toBe(true);
  });

  it('a last rating of hard or again makes it weak even with a high best score', () => {
    const attempts = [makeAttempt('a', '2026-11-01T00:00:00.000Z', 95, 'easy'), makeAttempt('a', '2026-11-24T00:00:00.000Z', 70, 'again')];
    expect(dueOrder([qs[0]], attempts, NOW)[0]).toMatchObject({ due: true, reason: 'weak: rated again', best: 95, latest: 70 });
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
    expect(stats.items.find((i) => i.id === 'a')).toMatchObject({ attempts: 2, best: 70, latest: 70, lastTriedAt: '2026-11-23T23:59:00.000Z' });
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

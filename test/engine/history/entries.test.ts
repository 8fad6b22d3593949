import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/engine/drill/attempt.js';
import { historyEntries } from '../../../src/engine/history/entries.js';
import { makeQuestion } from '../../helpers/questions.js';

const q = makeQuestion('a');
const attempt = {
  questionId: 'a',
  at: '2026-11-01T10:00:00.000Z',
  score: 60,
  mode: 'practice',
  rating: 'good',
  totalMs: 1000,
  simulation: { p95Ms: 48.8 },
  steps: [
    {
      answer: 'scale out',
      score: 60,
      hit: ['horizontal scaling'],
      missed: ['load balancer'],
      hintsUsed: 0,
      ms: 1000,
      deductions: [{ reason: 'a list of terms', points: 20 }],
    },
  ],
} as unknown as Attempt;

describe('history entries', () => {
  it('attempts, step reviews and mock reports, newest first, with deductions and simulation kept', () => {
    const data = {
      attempts: [attempt, null as unknown as Attempt, { ...attempt, at: 'not a date' }],
      reviews: [
        {
          id: 'a#1@2026-11-03T00:00:00.000Z',
          questionId: 'a',
          step: 0,
          at: '2026-11-03T00:00:00.000Z',
          answer: 'lb',
          score: 90,
          hit: [],
          missed: [],
          rating: 'easy' as const,
          ms: 5,
        },
      ],
      // The mock work's stored shape: the graded report nested under `report`.
      mocks: [
        {
          questionId: 'a',
          at: '2026-11-02T00:00:00.000Z',
          minutes: 45,
          report: {
            id: 'a',
            score: 71,
            band: 'hire',
            simulation: null,
            phases: [
              {
                name: 'requirements',
                title: 'Requirements and scope',
                budgetSeconds: 300,
                usedSeconds: 420,
                overBudget: true,
                score: 60,
                missed: ['scope'],
                hit: ['users'],
                deductions: [],
                answer: 'who orders?',
              },
            ],
          },
        },
      ],
    };
    const entries = historyEntries(data, [q]);
    expect(entries.map((e) => [e.kind, e.id])).toEqual([
      ['review', 'a#1@2026-11-03T00:00:00.000Z'],
      ['mock', 'mock:a@2026-11-02T00:00:00.000Z'],
      ['attempt', 'a@2026-11-01T10:00:00.000Z'],
    ]);
    const [review, mock, first] = entries;
    expect(review).toMatchObject({
      title: 'Question a',
      rating: 'easy',
      steps: [{ index: 0, title: q.steps[0].title, answer: 'lb', score: 90 }],
    });
    expect(mock).toMatchObject({
      band: 'hire',
      score: 71,
      simulation: undefined,
      phases: [
        {
          name: 'Requirements and scope',
          overBudget: true,
          score: 60,
          missed: ['scope'],
          hit: ['users'],
          answer: 'who orders?',
        },
      ],
    });
    expect(first).toMatchObject({
      simulation: { p95Ms: 48.8 },
      steps: [{ deductions: [{ reason: 'a list of terms', points: 20 }], missed: ['load balancer'] }],
    });
  });

  it('a store written before step reviews existed (no reviews section) reads the same', () => {
    expect(
      historyEntries({ attempts: [attempt] } as unknown as Parameters<typeof historyEntries>[0], [q]).map(
        (e) => e.kind,
      ),
    ).toEqual(['attempt']);
  });

  it('an attempt at a question no longer in the bank keeps its id as the title', () => {
    const [entry] = historyEntries({ attempts: [{ ...attempt, questionId: 'gone' }], reviews: [] }, [q]);
    expect(entry).toMatchObject({ title: 'gone', topic: undefined, steps: [{ title: 'Step 1' }] });
  });
});

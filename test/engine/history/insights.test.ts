import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/engine/drill/attempt.js';
import {
  frequentMisconceptions,
  missedConcepts,
  mockPhaseTimes,
  sparkline,
  topicTrends,
} from '../../../src/engine/history/insights.js';
import { makeQuestion } from '../../helpers/questions.js';

const attempt = (
  questionId: string,
  at: string,
  score: number,
  steps: Array<Record<string, unknown>> = [{ score, missed: [] }],
): Attempt =>
  ({
    questionId,
    at,
    score,
    steps: steps.map((s) => ({ answer: '', hit: [], missed: [], hintsUsed: 0, ms: 0, ...s })),
    totalMs: 0,
    mode: 'practice',
  }) as Attempt;

describe('sparkline', () => {
  it.each([
    [[0, 12, 12.5, 25, 50, 87.4, 87.5, 100], '▁▁▂▃▅▇██'],
    [[], ''],
  ])('%j → %s (absolute: 12.5 points a block)', (scores, line) => {
    expect(sparkline(scores)).toBe(line);
  });
});

describe('topic trends', () => {
  const qs = [makeQuestion('a'), makeQuestion('b', { topic: 'reliability' }), makeQuestion('c')];
  it('orders each topic by date, leaves out card-only attempts, keeps the last 20', () => {
    const attempts = [
      attempt('c', '2026-11-03T00:00:00.000Z', 90),
      attempt('a', '2026-11-01T00:00:00.000Z', 30),
      attempt('a', '2026-11-02T00:00:00.000Z', 0, [{ score: undefined }]), // self-rated cards only
      attempt('b', '2026-11-02T00:00:00.000Z', 60),
      ...Array.from({ length: 25 }, (_, k) =>
        attempt('b', `2026-12-${String(k + 1).padStart(2, '0')}T00:00:00.000Z`, k * 4),
      ),
    ];
    const trends = topicTrends(qs, attempts);
    expect(trends[0]).toEqual({ topic: 'scalability', scores: [30, 90], sparkline: '▃█' }); // 90 ≥ 87.5: the top block
    expect(trends[1].scores).toHaveLength(20);
    expect(trends[1].scores[0]).toBe(20); // the 6th of December: 5 × 4
  });
});

describe('missed most often', () => {
  it('counts misses over attempts and step reviews, most first, ties by name', () => {
    const attempts = [
      attempt('a', '2026-11-01T00:00:00.000Z', 10, [{ missed: ['cache', 'load balancer'] }, { missed: ['cache'] }]),
    ];
    const reviews = [
      {
        id: 'r',
        questionId: 'a',
        step: 0,
        at: '2026-11-02T00:00:00.000Z',
        answer: '',
        hit: [],
        missed: ['load balancer', 'backoff'],
        rating: 'again' as const,
        ms: 0,
      },
    ];
    expect(missedConcepts(attempts, reviews)).toEqual([
      { name: 'cache', count: 2 },
      { name: 'load balancer', count: 2 },
      { name: 'backoff', count: 1 },
    ]);
  });

  it('reads misconceptions as a list or as deductions of kind misconception, and none when absent', () => {
    const attempts = [
      attempt('a', '2026-11-01T00:00:00.000Z', 10, [
        { misconceptions: ['retry immediately', { label: 'exactly-once makes retries safe' }] },
        // The grading's own wording: "misconception: <phrase>", with a correction.
        {
          deductions: [
            { kind: 'misconception', reason: 'misconception: retry immediately', points: 10, correction: 'back off' },
            { kind: 'cap', reason: 'a list of terms', points: 70 },
          ],
        },
        {},
      ]),
    ];
    expect(frequentMisconceptions(attempts, [])).toEqual([
      { name: 'retry immediately', count: 2 },
      { name: 'exactly-once makes retries safe', count: 1 },
    ]);
  });
});

describe('mock pacing', () => {
  it('means time used and budget per phase over reports, counting over-runs; unreadable reports ignored', () => {
    const phase = (name: string, usedSeconds: number, budgetSeconds: number) => ({ name, usedSeconds, budgetSeconds });
    const data = {
      mocks: [
        {
          id: 'q1',
          at: '2026-11-01T00:00:00.000Z',
          phases: [phase('requirements', 400, 300), phase('deep dive', 800, 900)],
        },
        {
          questionId: 'q2',
          at: '2026-11-02T00:00:00.000Z',
          phases: [
            phase('requirements', 200, 300),
            { name: 'deep dive', usedSeconds: 1000, budgetSeconds: 900, overBudget: true },
          ],
        },
        { phases: [phase('requirements', 9999, 1)] }, // no question, no date
        'nonsense',
      ],
    };
    expect(mockPhaseTimes(data)).toEqual([
      { name: 'requirements', reports: 2, meanUsedSeconds: 300, meanBudgetSeconds: 300, overBudget: 1 },
      { name: 'deep dive', reports: 2, meanUsedSeconds: 900, meanBudgetSeconds: 900, overBudget: 1 },
    ]);
    expect(mockPhaseTimes({})).toEqual([]);
  });
});

describe('progress report without a reviews section', () => {
  it('counts cards from attempts alone', async () => {
    const { progressReport } = await import('../../../src/engine/history/progress.js');
    const data = {
      attempts: [attempt('a', '2026-11-01T00:00:00.000Z', 50, [{ score: 50, missed: ['cache'] }])],
      checklist: {},
    } as unknown as Parameters<typeof progressReport>[2];
    const report = progressReport(
      [makeQuestion('a')],
      { title: 't', sections: [] },
      data,
      new Date('2026-12-01T00:00:00.000Z'),
    );
    expect(report.due).toEqual({ now: 1, day: 1, week: 1, cards: 1 });
    expect(report.missedConcepts).toEqual([{ name: 'cache', count: 1 }]);
  });
});

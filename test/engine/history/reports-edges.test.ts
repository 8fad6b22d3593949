import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/engine/drill/attempt.js';
import type { StepReview } from '../../../src/engine/drill/review/types.js';
import { historyEntries } from '../../../src/engine/history/entries.js';
import {
  frequentMisconceptions,
  missedConcepts,
  mockPhaseTimes,
  sparkline,
  topicTrends,
  TREND_LENGTH,
} from '../../../src/engine/history/insights.js';
import { mockReports, readReport } from '../../../src/engine/history/mock-reports.js';
import { makeAttempt, makeQuestion } from '../../helpers/questions.js';

const AT = '2026-11-20T10:00:00.000Z';

describe('readReport: a stored mock report read defensively', () => {
  it('nested under report, with every phase field', () => {
    const raw = {
      questionId: 'q',
      at: AT,
      report: {
        score: 64,
        band: 'lean hire',
        simulation: { verdict: 'ok' },
        phases: [
          {
            title: 'Requirements',
            name: 'requirements',
            budgetSeconds: 300,
            usedSeconds: 301,
            score: 50,
            missed: ['scope', 3],
            hit: ['users'],
            deductions: [{ reason: 'no numbers', points: 10 }],
            answer: 'who uses it',
          },
        ],
      },
    };
    expect(readReport(raw)).toEqual({
      id: `mock:q@${AT}`,
      questionId: 'q',
      at: AT,
      score: 64,
      band: 'lean hire',
      simulation: { verdict: 'ok' },
      raw,
      phases: [
        {
          name: 'Requirements',
          budgetSeconds: 300,
          usedSeconds: 301,
          overBudget: true,
          score: 50,
          missed: ['scope'],
          hit: ['users'],
          deductions: [{ reason: 'no numbers', points: 10 }],
          answer: 'who uses it',
        },
      ],
    });
  });

  it.each([
    // Over budget only when strictly over; a stored flag wins over the times.
    [{ budgetSeconds: 300, usedSeconds: 300 }, false],
    [{ budgetSeconds: 300, usedSeconds: 301 }, true],
    [{ budgetSeconds: 300, usedSeconds: 400, overBudget: false }, false],
    [{ budgetSeconds: 300, usedSeconds: 10, overBudget: true }, true],
    [{ usedSeconds: 400 }, false],
    [{ budgetSeconds: 300 }, false],
  ])('phase %j: over budget %s', (phase, over) => {
    expect(readReport({ questionId: 'q', at: AT, phases: [phase] })!.phases[0].overBudget).toBe(over);
  });

  it('phase names fall back from title to name to its place', () => {
    const phases = [{ title: 'T', name: 'n' }, { name: 'n' }, { title: '' }, 'junk'];
    expect(readReport({ questionId: 'q', at: AT, phases })!.phases.map((p) => p.name)).toEqual([
      'T',
      'n',
      'phase 3',
      'phase 4',
    ]);
  });

  it('a flat report names its question by id; the first readable date of at, finishedAt, savedAt, startedAt', () => {
    expect(readReport({ id: 'q', finishedAt: AT })).toMatchObject({ questionId: 'q', at: AT, phases: [] });
    expect(readReport({ id: 'q', at: 'not a date', savedAt: AT, startedAt: '2020-01-01' })!.at).toBe(AT);
    expect(readReport({ id: 'q', startedAt: AT })!.at).toBe(AT);
    expect(readReport({ id: 'q', at: '', finishedAt: 7 })).toBeUndefined();
    expect(readReport({ at: AT })).toBeUndefined();
    expect(readReport({ questionId: '', at: AT })).toBeUndefined();
  });

  it('its own reportId is its id; numbers must be finite, strings non-empty', () => {
    expect(
      readReport({ questionId: 'q', at: AT, reportId: 'r1', report: { score: Number.NaN, band: '', phases: 'x' } }),
    ).toMatchObject({ id: 'r1', score: undefined, band: undefined, phases: [] });
    expect(readReport({ questionId: 'q', at: AT, report: [1] })).toMatchObject({ questionId: 'q', phases: [] });
    expect(readReport({ questionId: 'q', at: AT, score: Infinity })!.score).toBeUndefined();
  });

  it('reports are found under mocks and mockReports, unreadable ones passed over', () => {
    const data = {
      mocks: [{ questionId: 'a', at: AT }, { at: AT }],
      mockReports: [{ questionId: 'b', at: AT }],
      other: [{ questionId: 'c', at: AT }],
    };
    expect(mockReports(data).map((r) => r.questionId)).toEqual(['a', 'b']);
    expect(mockReports({ mocks: 'x' })).toEqual([]);
    expect(mockReports(null)).toEqual([]);
  });
});

describe('mockPhaseTimes: mean time used and budget per phase, rounded', () => {
  it('means over the reports that timed the phase; over-runs counted; first-seen order', () => {
    const report = (phases: object[]) => ({ questionId: 'q', at: AT, report: { phases } });
    const data = {
      mocks: [
        report([
          { name: 'scope', usedSeconds: 100, budgetSeconds: 300 },
          { name: 'design', usedSeconds: 700, budgetSeconds: 600 },
        ]),
        report([
          { name: 'design', usedSeconds: 601, budgetSeconds: 601 },
          { name: 'scope', usedSeconds: 101 },
          { name: 'wrap', budgetSeconds: 60 },
        ]),
      ],
    };
    expect(mockPhaseTimes(data)).toEqual([
      // (100 + 101) / 2 = 100.5 → 101; budget only from the report that had one.
      { name: 'scope', reports: 2, meanUsedSeconds: 101, meanBudgetSeconds: 300, overBudget: 0 },
      { name: 'design', reports: 2, meanUsedSeconds: 651, meanBudgetSeconds: 601, overBudget: 1 },
    ]);
    expect(mockPhaseTimes({ mocks: [report([{ name: 'x', usedSeconds: 5 }])] })).toEqual([
      { name: 'x', reports: 1, meanUsedSeconds: 5, meanBudgetSeconds: undefined, overBudget: 0 },
    ]);
  });
});

describe('insights at their edges', () => {
  it.each([[[0, 12.4, 12.5, 24.9, 25, 50, 87.4, 87.5, 100, 150, -5], '▁▁▂▂▃▅▇███▁']])(
    'sparkline %j',
    (scores, line) => {
      expect(sparkline(scores)).toBe(line);
    },
  );

  it('a trend keeps the latest 20 scores in time order', () => {
    expect(TREND_LENGTH).toBe(20);
    const attempts = Array.from({ length: 22 }, (_, k) =>
      makeAttempt('a', `2026-11-${String(k + 1).padStart(2, '0')}T00:00:00.000Z`, k),
    ).reverse();
    const [trend] = topicTrends([makeQuestion('a')], attempts);
    expect(trend.scores).toEqual(Array.from({ length: 20 }, (_, k) => k + 2));
  });

  it('misses and misconceptions: most first, ties by name, at most the limit', () => {
    const step = (missed: string[], misconceptions: string[] = []) => ({
      answer: '',
      hit: [],
      missed,
      misconceptions,
      hintsUsed: 0,
      ms: 0,
    });
    const attempts = [
      { ...makeAttempt('a', AT, 1), steps: [step(['b', 'a'], ['m2']), step(['c', 'b'], ['m1', 'm2'])] },
      { ...makeAttempt('a', AT, 1), steps: 'junk' },
    ] as unknown as Attempt[];
    const reviews = [step(['a', 'd', 7 as unknown as string])] as unknown as StepReview[];
    expect(missedConcepts(attempts, reviews)).toEqual([
      { name: 'a', count: 2 },
      { name: 'b', count: 2 },
      { name: 'c', count: 1 },
      { name: 'd', count: 1 },
    ]);
    expect(missedConcepts(attempts, reviews, 1)).toEqual([{ name: 'a', count: 2 }]);
    expect(frequentMisconceptions(attempts, reviews)).toEqual([
      { name: 'm2', count: 2 },
      { name: 'm1', count: 1 },
    ]);
  });
});

describe('historyEntries at their edges', () => {
  it('newest first; the same moment by id; malformed entries passed over; unknown steps titled by place', () => {
    const q = makeQuestion('a');
    const attempts = [
      { ...makeAttempt('a', AT, 50), id: 'z', steps: [{ answer: 1 }, { answer: 'x', score: 40, ms: Infinity }] },
      { ...makeAttempt('a', AT, 60), id: 'b', steps: [] },
      { ...makeAttempt('a', '2026-11-21T00:00:00.000Z', 70), steps: 'junk' },
      { ...makeAttempt('a', 'not a date', 70), steps: [] },
    ] as unknown as Attempt[];
    const reviews = [
      { id: 'r', questionId: 'a', step: 1.5, at: AT, rating: 'good' },
      { id: 'r2', questionId: 'a', step: 0, at: '2026-11-19T00:00:00.000Z', rating: 'good', answer: 'y' },
    ] as unknown as StepReview[];
    const entries = historyEntries({ attempts, reviews }, [q]);
    expect(entries.map((e) => e.id)).toEqual(['b', 'z', 'r2']);
    const z = entries[1];
    expect(z.kind === 'attempt' && z.steps).toEqual([
      {
        index: 0,
        title: q.steps[0].title,
        answer: '',
        score: undefined,
        hit: [],
        missed: [],
        deductions: [],
        misconceptions: [],
        hintsUsed: undefined,
        ms: undefined,
      },
      {
        index: 1,
        title: 'Step 2',
        answer: 'x',
        score: 40,
        hit: [],
        missed: [],
        deductions: [],
        misconceptions: [],
        hintsUsed: undefined,
        ms: undefined,
      },
    ]);
    expect(entries[2]).toMatchObject({ kind: 'review', title: 'Question a', topic: 'scalability' });
  });
});

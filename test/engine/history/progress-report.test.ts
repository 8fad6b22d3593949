import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/engine/drill/attempt.js';
import { progressReport, type ProgressData } from '../../../src/engine/history/progress.js';
import { makeQuestion } from '../../helpers/questions.js';

const graded = (questionId: string, at: string, score: number): Attempt => ({
  questionId,
  at,
  score,
  steps: [{ answer: '', score, hit: [], missed: ['cache'], hintsUsed: 0, ms: 0 }],
  totalMs: 0,
  mode: 'practice',
});

describe('progressReport reads past malformed entries', () => {
  it('counts only attempts with a question id and a date; reviews and checklist as given', () => {
    const junk = [null, 'x', { questionId: 'a' }, { at: '2026-11-01T00:00:00.000Z' }, { questionId: 1, at: 'x' }];
    const data = {
      attempts: [...junk, graded('a', '2026-11-01T00:00:00.000Z', 70)],
      reviews: [],
      checklist: { one: '2026-11-02T00:00:00.000Z' },
      mocks: [
        { questionId: 'a', at: '2026-11-03T00:00:00.000Z', report: { phases: [{ name: 'scope', usedSeconds: 61 }] } },
      ],
    } as unknown as ProgressData;
    const checklist = {
      title: 't',
      sections: [
        { id: 's', title: 'S', items: ['one', 'two'].map((id) => ({ id, text: id, note: '' })) },
        { id: 'e', title: 'E', items: [] },
      ],
    };
    const report = progressReport([makeQuestion('a')], checklist, data, new Date('2026-11-01T12:00:00.000Z'));
    expect(report.attempts).toBe(1);
    expect(report.items[0]).toMatchObject({ attempts: 1, best: 70 });
    expect(report.trends).toEqual([{ topic: 'scalability', scores: [70], sparkline: '▆' }]);
    expect(report.missedConcepts).toEqual([{ name: 'cache', count: 1 }]);
    expect(report.misconceptions).toEqual([]);
    expect(report.mockPhases).toEqual([
      { name: 'scope', reports: 1, meanUsedSeconds: 61, meanBudgetSeconds: undefined, overBudget: 0 },
    ]);
    // One card, rated good at 00:00: not due at noon, due within the week.
    expect(report.due).toMatchObject({ now: 0, cards: 1, week: 1 });
    expect(report.checklist).toEqual({
      done: 1,
      total: 2,
      ratio: 0.5,
      sections: [
        { id: 's', title: 'S', done: 1, total: 2, ratio: 0.5 },
        { id: 'e', title: 'E', done: 0, total: 0, ratio: 0 },
      ],
    });
  });
});

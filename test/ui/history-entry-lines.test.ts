import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/engine/history/entries.js';
import { entryLines } from '../../src/ui/screens/history/entry-lines.js';

const plain = (lines: string[]) => lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));

const attempt: HistoryEntry = {
  kind: 'attempt',
  id: 'q@2026-11-20T10:00:00.000Z',
  at: '2026-11-20T10:00:00.000Z',
  questionId: 'q',
  title: 'Stop a retry storm',
  mode: 'practice',
  totalMs: 62_000,
  score: 0,
  steps: [
    {
      index: 0,
      title: 'Fix the retries',
      answer: 'Add more retries.',
      score: 0,
      hit: [],
      missed: ['retry budget'],
      deductions: [
        {
          reason: 'misconception: more retries',
          points: 20,
          correction: 'More attempts multiply the load further; cap retries with a budget (e.g. 10% of requests).',
        },
        { reason: 'an old store: no points, no correction' },
      ],
      misconceptions: [],
    },
  ],
};

describe('history: an attempt explains every point it lost, as the review did', () => {
  it('each deduction with its points, then its correction after an arrow, wrapped to the width', () => {
    const lines = plain(entryLines(attempt, 60));
    const at = lines.indexOf('  −20 misconception: more retries');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '      → More attempts multiply the load further; cap retries',
      '        with a budget (e.g. 10% of requests).',
      '  − an old store: no points, no correction',
    ]);
    expect(lines.every((l) => l.length <= 60)).toBe(true);
  });

  it('a mock phase shows its corrections the same way', () => {
    const mock: HistoryEntry = {
      kind: 'mock',
      id: 'mock@1',
      at: '2026-11-21T10:00:00.000Z',
      questionId: 'q',
      title: 'Mock',
      phases: [
        {
          name: 'Deep dive',
          score: 40,
          hit: [],
          missed: [],
          deductions: [{ reason: 'recommends immediate retries', points: 25, correction: 'Back off with jitter.' }],
          overBudget: false,
        },
      ],
    };
    const lines = plain(entryLines(mock, 80));
    const at = lines.indexOf('  −25 recommends immediate retries');
    expect(lines[at + 1]).toBe('      → Back off with jitter.');
  });
});

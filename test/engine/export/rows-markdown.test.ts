import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvExport } from '../../../src/engine/export/csv-rows.js';
import { csvField } from '../../../src/engine/export/csv.js';
import { entryMarkdown, markdownExport } from '../../../src/engine/export/markdown.js';
import type { EntryStep, HistoryEntry } from '../../../src/engine/history/entries.js';

const step = (over: Partial<EntryStep> = {}): EntryStep => ({
  index: 0,
  title: 'Scale',
  answer: 'Scale out.',
  score: 80,
  hit: ['a', 'b'],
  missed: ['c'],
  deductions: [
    { reason: 'no reason', points: 6 },
    { reason: 'listed', correction: 'say why' },
  ],
  misconceptions: [],
  hintsUsed: 1,
  ms: 61_500,
  ...over,
});
const attempt: HistoryEntry = {
  kind: 'attempt',
  id: 'q@2026-11-20T10:00:00.000Z',
  at: '2026-11-20T10:00:00.000Z',
  questionId: 'q',
  title: 'Scale the gateway',
  topic: 'scalability',
  score: 80,
  mode: 'practice',
  rating: 'good',
  totalMs: 61_500,
  steps: [step(), step({ index: 1, title: 'Card', score: undefined })],
};
const review: HistoryEntry = {
  kind: 'review',
  id: 'r',
  at: '2026-11-21T10:00:00.000Z',
  questionId: 'q',
  title: 'Scale the gateway',
  score: 40,
  rating: 'hard',
  steps: [step({ index: 2, title: 'Bottleneck', score: 40, ms: undefined, hintsUsed: undefined, deductions: [] })],
};
const mock: HistoryEntry = {
  kind: 'mock',
  id: 'm',
  at: '2026-11-22T10:00:00.000Z',
  questionId: 'q',
  title: 'Scale the gateway',
  score: 64,
  band: 'lean hire',
  phases: [
    {
      name: 'Scope',
      budgetSeconds: 300,
      usedSeconds: 330,
      overBudget: true,
      score: 50,
      missed: ['users'],
      hit: [],
      deductions: [{ reason: 'no numbers', points: -10 }],
      answer: 'who',
    },
    { name: 'Wrap', overBudget: false, missed: [], hit: [], deductions: [{ reason: 'short' }] },
  ],
  simulation: { ok: true },
};

describe('csvExport: one row per graded step, oldest first', () => {
  it('leaves out self-rated steps and mocks; seconds rounded; deductions with their points', () => {
    const lines = csvExport([mock, review, attempt]).split('\r\n');
    expect(lines).toEqual([
      CSV_HEADER.join(','),
      // 61.5 s rounds to 62.
      'q@2026-11-20T10:00:00.000Z,practice,2026-11-20T10:00:00.000Z,q,Scale the gateway,scalability,1,Scale,80,good,a; b,c,no reason (−6); listed,1,62,Scale out.',
      'r,review,2026-11-21T10:00:00.000Z,q,Scale the gateway,,3,Bottleneck,40,hard,a; b,c,,,,Scale out.',
      '',
    ]);
    expect(CSV_HEADER).toHaveLength(16);
  });

  it('fields are quoted only when they must be', () => {
    expect([
      csvField(' x'),
      csvField('x '),
      csvField('a"b'),
      csvField('a\nb'),
      csvField('a\rb'),
      csvField('=1'),
    ]).toEqual(['" x"', '"x "', '"a""b"', '"a\nb"', '"a\rb"', '=1']);
  });
});

describe('markdownExport: a readable study log', () => {
  it('counts attempts and other entries, singular and plural, to the minute', () => {
    expect(markdownExport([], '2026-11-24T12:34:56.000Z', { done: 2, total: 9 })).toBe(
      '# gocoffee-drill study log\n\nExported 2026-11-24 12:34 UTC · 0 attempts · 0 other entries · checklist 2/9\n',
    );
    expect(markdownExport([attempt, review], '2026-11-24T12:34:56.000Z', { done: 0, total: 1 }).split('\n')[2]).toBe(
      'Exported 2026-11-24 12:34 UTC · 1 attempt · 1 other entry · checklist 0/1',
    );
  });

  it('an attempt: heading with score, facts, each step with hits, misses, deductions and its answer', () => {
    expect(entryMarkdown(attempt)).toEqual([
      '## 2026-11-20 10:00 · Scale the gateway — 80/100',
      '',
      'practice · `q` · rated good',
      '',
      '### Step 1 · Scale — 80/100',
      '',
      'Hit: a, b  ',
      'Missed: c  ',
      'Deduction: no reason (−6)  ',
      'Deduction: listed → say why  ',
      '',
      '```text\nScale out.\n```',
      '',
      '### Step 2 · Card (self-rated)',
      '',
      'Hit: a, b  ',
      'Missed: c  ',
      'Deduction: no reason (−6)  ',
      'Deduction: listed → say why  ',
      '',
      '```text\nScale out.\n```',
    ]);
  });

  it('a cards-only attempt shows no score; an empty answer says so; a bare step has no blank line', () => {
    const cards: HistoryEntry = {
      ...attempt,
      rating: undefined,
      steps: [step({ score: undefined, answer: '  ', hit: [], missed: [], deductions: [] })],
    };
    expect(entryMarkdown(cards)).toEqual([
      '## 2026-11-20 10:00 · Scale the gateway',
      '',
      'practice · `q`',
      '',
      '### Step 1 · Scale (self-rated)',
      '',
      '```text\n(no answer)\n```',
    ]);
  });

  it('a mock: band, phases with time against budget, deductions, answers and the simulation', () => {
    expect(entryMarkdown(mock)).toEqual([
      '## 2026-11-22 10:00 · Scale the gateway — 64/100',
      '',
      'mock interview · `q` · lean hire',
      '',
      // 330 s is 6 of 5 min (rounded), over.
      '- **Scope** 50/100 · 6 of 5 min (over)',
      '  - missed: users',
      '  - deduction: no numbers (−10)',
      '',
      '```text\nwho\n```',
      '',
      '- **Wrap**',
      '  - deduction: short',
      '',
      'Simulation:',
      '',
      '```json\n{\n  "ok": true\n}\n```',
    ]);
  });

  it('a review is a step review; titles and names are one line; a fence outgrows backticks inside', () => {
    const tricky: HistoryEntry = {
      ...review,
      title: 'Two\nlines  here',
      steps: [step({ hit: [], missed: [], deductions: [], answer: 'use ```code``` and ````more````\n' })],
    };
    expect(entryMarkdown(tricky)).toEqual([
      '## 2026-11-21 10:00 · Two lines here — 40/100',
      '',
      'step review · `q` · rated hard',
      '',
      '### Step 1 · Scale — 80/100',
      '',
      '`````text\nuse ```code``` and ````more````\n`````',
    ]);
  });
});

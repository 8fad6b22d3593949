import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/engine/drill/attempt.js';
import { checklistEvidence, EVIDENCE_BAR } from '../../../src/engine/checklist/evidence.js';
import type { Checklist } from '../../../src/engine/checklist/types.js';
import { makeQuestion } from '../../helpers/questions.js';

const checklist: Checklist = {
  title: 't',
  sections: [
    { id: 's', title: 'S', items: ['scaling', 'caching', 'nothing'].map((id) => ({ id, text: id, note: '' })) },
  ],
};
const questions = [
  makeQuestion('a', { checklist: ['scaling'] }),
  makeQuestion('b', { checklist: ['scaling', 'caching'] }),
  makeQuestion('c', { checklist: [] }),
];
const attempt = (questionId: string, at: string, score: number, stepScore: number | null = score): Attempt => ({
  questionId,
  at,
  score,
  steps: [{ answer: '', score: stepScore ?? undefined, hit: [], missed: [], hintsUsed: 0, ms: 0 }],
  totalMs: 0,
  mode: 'practice',
});

describe('checklist evidence', () => {
  it('finds the best linked attempt or mock, and passes at exactly the bar', () => {
    const attempts = [
      attempt('a', '2026-11-01T00:00:00.000Z', 69),
      attempt('b', '2026-11-02T00:00:00.000Z', 55),
      attempt('c', '2026-11-03T00:00:00.000Z', 100),
    ];
    const data = { mocks: [{ id: 'b', at: '2026-11-04T00:00:00.000Z', score: EVIDENCE_BAR }] };
    const evidence = checklistEvidence(checklist, questions, attempts, data);
    expect(evidence.scaling).toEqual({
      attempts: 2,
      mocks: 1,
      best: { score: 70, at: '2026-11-04T00:00:00.000Z', questionId: 'b', title: 'Question b' },
      latestAt: '2026-11-04T00:00:00.000Z',
      passes: true,
    });
    expect(evidence.caching).toMatchObject({ attempts: 1, mocks: 1, passes: true });
    expect(evidence.nothing).toEqual({ attempts: 0, mocks: 0, best: undefined, latestAt: undefined, passes: false });
  });

  it('69 does not pass; a card-only attempt (placeholder 0) is no evidence', () => {
    const evidence = checklistEvidence(
      checklist,
      questions,
      [attempt('a', '2026-11-01T00:00:00.000Z', 69), attempt('a', '2026-11-02T00:00:00.000Z', 0, null)],
      {},
    );
    expect(evidence.scaling).toMatchObject({ attempts: 1, passes: false, best: { score: 69 } });
  });
});

import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/engine/drill/attempt.js';
import { checklistEvidence, hasOwnScore } from '../../../src/engine/checklist/evidence.js';
import { progressBar } from '../../../src/engine/checklist/progress.js';
import type { Checklist } from '../../../src/engine/checklist/types.js';
import { makeAttempt, makeQuestion } from '../../helpers/questions.js';

const checklist: Checklist = {
  title: 't',
  sections: [{ id: 's', title: 'S', items: [{ id: 'x', text: 'x', note: '' }] }],
};
const questions = [makeQuestion('a', { checklist: ['x'] }), makeQuestion('b', { checklist: ['x'] })];
const step = (score?: number) => ({ answer: '', score, hit: [], missed: [], hintsUsed: 0, ms: 0 });

describe('checklist evidence at its edges', () => {
  it('of two equal best scores the later one is shown, whichever order they come in', () => {
    const early = makeAttempt('a', '2026-11-01T00:00:00.000Z', 80);
    const late = makeAttempt('b', '2026-11-05T00:00:00.000Z', 80);
    for (const attempts of [
      [early, late],
      [late, early],
    ]) {
      expect(checklistEvidence(checklist, questions, attempts, {}).x).toEqual({
        attempts: 2,
        mocks: 0,
        best: { score: 80, at: '2026-11-05T00:00:00.000Z', questionId: 'b', title: 'Question b' },
        latestAt: '2026-11-05T00:00:00.000Z',
        passes: true,
      });
    }
  });

  it('a higher score wins over a later one; the latest date is still the latest of all', () => {
    const attempts = [
      makeAttempt('a', '2026-11-09T00:00:00.000Z', 71),
      makeAttempt('b', '2026-11-01T00:00:00.000Z', 72),
      makeAttempt('a', '2026-11-03T00:00:00.000Z', 10),
    ];
    expect(checklistEvidence(checklist, questions, attempts, {}).x).toMatchObject({
      attempts: 3,
      best: { score: 72, questionId: 'b' },
      latestAt: '2026-11-09T00:00:00.000Z',
    });
  });

  it('mock reports without a score are no evidence; attempts at unlinked drills neither', () => {
    const data = { mocks: [{ questionId: 'a', at: '2026-11-04T00:00:00.000Z', report: { phases: [] } }] };
    expect(checklistEvidence(checklist, questions, [makeAttempt('z', '2026-11-01T00:00:00.000Z', 99)], data).x).toEqual(
      { attempts: 0, mocks: 0, best: undefined, latestAt: undefined, passes: false },
    );
  });

  it.each([
    ['no steps recorded (an old store)', [], true],
    ['a graded step', [step(0)], true],
    ['cards only', [step(), step()], false],
    ['a card and a graded step', [step(), step(55)], true],
  ])('%s: has its own score %s', (_name, steps, own) => {
    expect(hasOwnScore({ ...makeAttempt('a', '2026-11-01T00:00:00.000Z', 0), steps } as Attempt)).toBe(own);
  });

  it('a missing step record is no score, and does not stop the others counting', () => {
    const steps = [null, step(5)] as unknown as Attempt['steps'];
    expect(hasOwnScore({ ...makeAttempt('a', '2026-11-01T00:00:00.000Z', 5), steps })).toBe(true);
  });

  it('of two equal scores at the same moment the first found is kept', () => {
    const attempts = [
      makeAttempt('a', '2026-11-01T00:00:00.000Z', 80),
      makeAttempt('b', '2026-11-01T00:00:00.000Z', 80),
    ];
    expect(checklistEvidence(checklist, questions, attempts, {}).x.best?.questionId).toBe('a');
  });

  it('steps that are not a list count as a score of its own (passed over rather than dropped)', () => {
    expect(
      hasOwnScore({ ...makeAttempt('a', '2026-11-01T00:00:00.000Z', 50), steps: undefined } as unknown as Attempt),
    ).toBe(true);
  });
});

describe('progressBar rounds to the nearest cell and never overflows', () => {
  it.each([
    [0.05, 10, '█░░░░░░░░░'], // 0.5 cell rounds up
    [0.04, 10, '░░░░░░░░░░'],
    [0.95, 10, '██████████'],
    [0.94, 10, '█████████░'],
    [1.5, 4, '██████'], // over 100%: more filled cells, no negative empty ones
    [0.5, 0, ''],
  ])('%f over %i cells: %s', (ratio, width, bar) => {
    expect(progressBar({ done: 0, total: 1, ratio }, width)).toBe(bar);
  });
});

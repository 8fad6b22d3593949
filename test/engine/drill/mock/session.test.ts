import { describe, expect, it } from 'vitest';
import {
  mockHasProgress,
  mockReducer,
  startMock,
  toMockAnswers,
  toMockDraft,
} from '../../../../src/engine/drill/mock/session.js';

describe('a mock session: answers with the clock', () => {
  it('typing goes to the current phase; nothing is typed while paused', () => {
    let s = startMock('q', 45, 0);
    s = mockReducer(s, { type: 'set-answer', text: 'requirements' });
    s = mockReducer(s, { type: 'next-phase', at: 60_000 });
    s = mockReducer(s, { type: 'set-answer', text: 'peak 3k' });
    s = mockReducer(s, { type: 'pause', at: 70_000 });
    s = mockReducer(s, { type: 'set-answer', text: 'typed blind' });
    expect(s.answers.slice(0, 2)).toEqual(['requirements', 'peak 3k']);
    expect(toMockAnswers(s).phases.slice(0, 2)).toEqual([
      { answer: 'requirements', seconds: 60 },
      { answer: 'peak 3k', seconds: 10 },
    ]);
  });

  it('a draft resumes at its phase with its time and answers, paused', () => {
    let s = startMock('q', 30, 1_000);
    s = mockReducer(s, { type: 'set-answer', text: 'a' });
    s = mockReducer(s, { type: 'next-phase', at: 41_000 });
    s = mockReducer(s, { type: 'set-answer', text: 'b' });
    const draft = toMockDraft(s, '2026-01-01T00:00:00.000Z', 48_000);
    expect(draft).toMatchObject({
      phase: 1,
      minutes: 30,
      answers: ['a', 'b', '', '', '', ''],
      usedMs: [40_000, 7_000, 0, 0, 0, 0],
    });
    const resumed = startMock('q', 30, 5_000_000, draft);
    expect(resumed.clock.paused).toBe(true);
    expect(resumed.clock.phase).toBe(1);
    // Time while the app was closed is not interview time.
    const later = mockReducer(mockReducer(resumed, { type: 'resume', at: 5_010_000 }), { type: 'tick', at: 5_012_000 });
    expect(later.clock.used.slice(0, 2)).toEqual([40_000, 9_000]);
    expect(mockHasProgress(later)).toBe(true);
    expect(mockHasProgress(startMock('q', 30, 0))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  clockReducer,
  clockWarning,
  overBudget,
  startClock,
  totalMs,
  usedMs,
  type ClockAction,
  type ClockState,
} from '../../../../src/engine/drill/mock/clock.js';
import { mmss } from '../../../../src/engine/drill/mock/report.js';
import {
  mockHasProgress,
  mockReducer,
  startMock,
  toMockAnswers,
  toMockDraft,
  type MockDraft,
} from '../../../../src/engine/drill/mock/session.js';

const run = (budgets: number[], actions: ClockAction[], at = 0): ClockState =>
  actions.reduce(clockReducer, startClock(budgets, at));

describe('startClock', () => {
  it.each([
    // [resumed phase, the phase it starts at]: held to the phases there are
    [-3, 0],
    [0, 0],
    [2, 2],
    [3, 2],
    [99, 2],
  ])('a draft at phase %i resumes at %i, paused, with its time', (phase, at) => {
    const s = startClock([10, 20, 30], 5, { used: [1_000, 2_000], phase });
    expect(s).toEqual({
      budgets: [10_000, 20_000, 30_000],
      used: [1_000, 2_000, 0],
      phase: at,
      paused: true,
      lastAt: 5,
    });
  });

  it('a fresh clock runs from phase 0 with nothing used', () => {
    expect(startClock([10, 20], 7)).toEqual({
      budgets: [10_000, 20_000],
      used: [0, 0],
      phase: 0,
      paused: false,
      lastAt: 7,
    });
  });
});

describe('the clock at its edges', () => {
  it.each([
    // [tick at, used, ended]: a 60 s interview ends when exactly 60 s are used, not a millisecond before
    [59_999, 59_999, undefined],
    [60_000, 60_000, 'time-up'],
    [60_001, 60_000, 'time-up'],
  ])('one 60 s phase, tick at %i: used %i, %s', (at, used, ended) => {
    const s = run([60], [{ type: 'tick', at }]);
    expect(s.used).toEqual([used]);
    expect(s.ended).toBe(ended);
    expect(usedMs(s)).toBe(used);
    expect(totalMs(s)).toBe(60_000);
  });

  it.each([
    // Phase 0 of 200 s (its own last minute from 140 s), the interview of 300 s: total left 60 s at 240 s.
    [139_999, undefined],
    [140_000, 'phase-last-minute'],
    [200_000, 'phase-last-minute'],
  ])('a long first phase at %i ms: %s', (at, warning) => {
    expect(clockWarning(run([200, 100], [{ type: 'tick', at }]))).toBe(warning);
  });

  it.each([
    // Phase 1 (100 s) entered at 150 s of a 250 s interview: the total's last minute starts at 190 s.
    [189_999, undefined],
    [190_000, 'total-last-minute'],
  ])('the total’s last minute, tick at %i: %s', (at, warning) => {
    const s = run(
      [150, 100],
      [
        { type: 'next-phase', at: 150_000 },
        { type: 'tick', at },
      ],
    );
    expect(clockWarning(s)).toBe(warning);
  });

  it('an ended interview warns of nothing; a phase at exactly its budget is not over it', () => {
    const ended = run([60, 60], [{ type: 'finish', at: 60_000 }]);
    expect(ended.ended).toBe('finished');
    expect(ended.used).toEqual([60_000, 0]);
    expect(clockWarning(ended)).toBeUndefined();
    expect(overBudget(ended)).toEqual([false, false]);
    expect(overBudget(run([60, 60], [{ type: 'tick', at: 60_001 }]))).toEqual([true, false]);
  });

  it('next-phase moves one phase at a time and ends after the last', () => {
    const moves = [1, 2, 3].map((k) => ({ type: 'next-phase', at: k * 1_000 }) as const);
    expect(run([10, 10, 10], moves.slice(0, 1)).phase).toBe(1);
    expect(run([10, 10, 10], moves.slice(0, 2))).toMatchObject({ phase: 2, ended: undefined });
    expect(run([10, 10, 10], moves)).toMatchObject({ phase: 2, ended: 'finished', used: [1_000, 1_000, 1_000] });
  });

  it('pause and resume are not toggles; a paused tick moves the clock’s mark, not the time', () => {
    const s = run(
      [100],
      [
        { type: 'pause', at: 1_000 },
        { type: 'pause', at: 2_000 },
        { type: 'tick', at: 5_000 },
      ],
    );
    expect(s).toMatchObject({ paused: true, used: [1_000], lastAt: 5_000 });
    const r = clockReducer(clockReducer(s, { type: 'resume', at: 6_000 }), { type: 'resume', at: 8_000 });
    expect(r).toMatchObject({ paused: false, used: [3_000], lastAt: 8_000 });
  });
});

describe('the mock session at its edges', () => {
  const draft: MockDraft = {
    questionId: 'q',
    minutes: 45,
    savedAt: '2026-12-01T10:00:00.000Z',
    phase: 2,
    answers: ['a', 'b'],
    usedMs: [1_000, 2_000, 3_000],
  };

  it('a draft resumes with its answers, every phase present', () => {
    const s = startMock('q', 45, 0, draft);
    expect(s.answers).toEqual(['a', 'b', '', '', '', '']);
    expect(s.resumedFrom).toBe('2026-12-01T10:00:00.000Z');
    expect(s.clock.used).toEqual([1_000, 2_000, 3_000, 0, 0, 0]);
    expect(s.clock.budgets).toEqual([300_000, 300_000, 300_000, 600_000, 900_000, 300_000]);
    expect(startMock('q', 45, 0).resumedFrom).toBeUndefined();
  });

  it('after the end, typing and the clock change nothing: the same state comes back', () => {
    const ended = mockReducer(startMock('q', 2, 0), { type: 'finish', at: 1_000 });
    expect(mockReducer(ended, { type: 'set-answer', text: 'late' })).toBe(ended);
    expect(mockReducer(ended, { type: 'tick', at: 5_000 })).toBe(ended);
    expect(mockHasProgress(ended)).toBe(false);
  });

  it.each([
    // [answers, ms used in phase 0, progress]
    [['', ''], 0, false],
    [[' \n', ''], 0, false],
    [['', 'x'], 0, true],
    [['', ''], 1, true],
  ])('answers %j with %i ms used: progress %s', (answers, used, progress) => {
    const s = startMock('q', 45, 0);
    const state = { ...s, answers, clock: { ...s.clock, used: [used, 0, 0, 0, 0, 0] } };
    expect(mockHasProgress(state)).toBe(progress);
  });

  it('seconds per phase round to the nearest: 1.499 s is 1, 1.5 s is 2', () => {
    const s = startMock('q', 45, 0);
    const state = { ...s, clock: { ...s.clock, used: [1_499, 1_500, 0, 0, 0, 0] } };
    expect(toMockAnswers(state).phases.map((p) => p.seconds)).toEqual([1, 2, 0, 0, 0, 0]);
  });

  it('a draft counts time up to the save, into the current phase', () => {
    let s = startMock('q', 45, 0);
    s = mockReducer(s, { type: 'next-phase', at: 4_000 });
    expect(toMockDraft(s, '2026-12-01T10:00:00.000Z', 9_000)).toEqual({
      questionId: 'q',
      minutes: 45,
      savedAt: '2026-12-01T10:00:00.000Z',
      phase: 1,
      answers: ['', '', '', '', '', ''],
      usedMs: [4_000, 5_000, 0, 0, 0, 0],
    });
  });
});

describe('mmss', () => {
  it.each([
    [0, '0:00'],
    [-5, '0:00'],
    [59.4, '0:59'],
    [59.5, '1:00'],
    [61, '1:01'],
    [600, '10:00'],
    [3_599, '59:59'],
    [3_600, '60:00'],
  ])('%i s is %s', (seconds, text) => {
    expect(mmss(seconds)).toBe(text);
  });
});

describe('states are values: an action leaves the state it started from as it was', () => {
  it('a tick does not change the clock it was given', () => {
    const before = startClock([60, 60], 0);
    clockReducer(before, { type: 'tick', at: 5_000 });
    expect(before.used).toEqual([0, 0]);
  });

  it('typing does not change the session it was given', () => {
    const before = startMock('q', 45, 0);
    const after = mockReducer(before, { type: 'set-answer', text: 'x' });
    expect(before.answers).toEqual(['', '', '', '', '', '']);
    expect(after.answers).toEqual(['x', '', '', '', '', '']);
  });
});

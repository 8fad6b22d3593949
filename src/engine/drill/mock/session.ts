import { clockReducer, startClock, type ClockAction, type ClockState } from './clock.js';
import { PHASES, phaseBudgets } from './phases.js';
import type { MockAnswers } from './report.js';

/** A mock in progress: the clock and the answer to each phase. */
export interface MockState {
  questionId: string;
  minutes: number;
  clock: ClockState;
  answers: string[];
  /** When a resumed mock was last saved (ISO). */
  resumedFrom?: string;
}

export type MockAction = ClockAction | { type: 'set-answer'; text: string };

/** What is kept of an unfinished mock so that it resumes where it was (autosaved every few seconds). */
export interface MockDraft {
  questionId: string;
  minutes: number;
  /** ISO 8601 of the save. */
  savedAt: string;
  phase: number;
  answers: string[];
  /** Time used per phase, ms. */
  usedMs: number[];
}

export function startMock(questionId: string, minutes: number, at: number, draft?: MockDraft): MockState {
  const budgets = phaseBudgets(minutes);
  return {
    questionId,
    minutes,
    clock: startClock(budgets, at, draft && { used: draft.usedMs, phase: draft.phase }),
    answers: PHASES.map((_, i) => draft?.answers[i] ?? ''),
    resumedFrom: draft?.savedAt,
  };
}

export function mockReducer(state: MockState, action: MockAction): MockState {
  if (action.type === 'set-answer') {
    // Typing while paused or after the end changes nothing: the answer is hidden then.
    if (state.clock.paused || state.clock.ended) return state;
    const answers = state.answers.slice();
    answers[state.clock.phase] = action.text;
    return { ...state, answers };
  }
  const clock = clockReducer(state.clock, action);
  return clock === state.clock ? state : { ...state, clock };
}

/** The draft to autosave. Time is counted up to `at` first so the save holds the latest second. */
export function toMockDraft(state: MockState, atIso: string, at: number): MockDraft {
  const clock = clockReducer(state.clock, { type: 'tick', at });
  return {
    questionId: state.questionId,
    minutes: state.minutes,
    savedAt: atIso,
    phase: clock.phase,
    answers: state.answers,
    usedMs: clock.used,
  };
}

/** The answers and seconds per phase, as the grader (and the headless file) take them. */
export function toMockAnswers(state: MockState): MockAnswers {
  return { phases: state.answers.map((answer, i) => ({ answer, seconds: Math.round(state.clock.used[i] / 1000) })) };
}

/** Whether anything worth resuming has happened. */
export function mockHasProgress(state: MockState): boolean {
  return !state.clock.ended && (state.answers.some((a) => a.trim() !== '') || state.clock.used.some((u) => u > 0));
}

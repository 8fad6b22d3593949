import type { Attempt, Draft, Rating } from './attempt.js';
import { scoreAttempt, scoreStep, type StepScore } from './scoring/score.js';
import type { Question } from './types.js';

/** Answering the steps one by one, then the review, then saved once rated. */
export type DrillPhase = 'answering' | 'review' | 'saved';

export interface DrillState {
  question: Question;
  phase: DrillPhase;
  stepIndex: number;
  answers: string[];
  /** Hints revealed per step. */
  hintsShown: number[];
  /** Time spent per step before the current visit (ms). */
  stepMs: number[];
  /** When the current step was entered (ms, injected clock). */
  enteredAt: number;
  /** Card steps whose model answer has been revealed. */
  revealed: boolean[];
  scores: Array<StepScore | undefined>;
  overall: number;
  rating?: Rating;
  /** Set when this session continues a saved draft. */
  resumedFrom?: string;
}

export type DrillAction =
  | { type: 'set-answer'; text: string }
  | { type: 'show-hint' }
  | { type: 'choose'; index: number }
  | { type: 'reveal-card' }
  /** Finish the current step; after the last one, score everything and show the review. */
  | { type: 'next-step'; at: number }
  | { type: 'previous-step'; at: number }
  | { type: 'rate'; rating: Rating };

export function startDrill(question: Question, at: number, draft?: Draft): DrillState {
  const n = question.steps.length;
  const fill = <T>(value: T, from?: T[]) => Array.from({ length: n }, (_, i) => from?.[i] ?? value);
  return {
    question,
    phase: 'answering',
    stepIndex: draft ? Math.min(Math.max(0, draft.stepIndex), n - 1) : 0,
    answers: fill('', draft?.answers),
    hintsShown: fill(0, draft?.hintsUsed),
    stepMs: fill(0, draft?.stepMs),
    enteredAt: at,
    revealed: fill(false),
    scores: [],
    overall: 0,
    resumedFrom: draft?.savedAt,
  };
}

export function drillReducer(state: DrillState, action: DrillAction): DrillState {
  const i = state.stepIndex;
  const step = state.question.steps[i];
  switch (action.type) {
    case 'set-answer':
      return state.phase === 'answering' ? { ...state, answers: replaceAt(state.answers, i, action.text) } : state;
    case 'show-hint':
      return state.phase === 'answering' && state.hintsShown[i] < step.hints.length
        ? { ...state, hintsShown: replaceAt(state.hintsShown, i, state.hintsShown[i] + 1) }
        : state;
    case 'choose':
      return state.phase === 'answering' &&
        step.form === 'choice' &&
        action.index >= 0 &&
        action.index < (step.choices?.length ?? 0)
        ? { ...state, answers: replaceAt(state.answers, i, String(action.index)) }
        : state;
    case 'reveal-card':
      return step.form === 'card' ? { ...state, revealed: replaceAt(state.revealed, i, true) } : state;
    case 'next-step': {
      if (state.phase !== 'answering') return state;
      const timed = {
        ...state,
        stepMs: replaceAt(state.stepMs, i, state.stepMs[i] + Math.max(0, action.at - state.enteredAt)),
        enteredAt: action.at,
      };
      if (i + 1 < state.question.steps.length) return { ...timed, stepIndex: i + 1 };
      const scores = state.question.steps.map((s, k) => scoreStep(s, state.answers[k]));
      return { ...timed, phase: 'review', scores, overall: scoreAttempt(state.question, scores) };
    }
    case 'previous-step':
      if (state.phase !== 'answering' || i === 0) return state;
      return {
        ...state,
        stepMs: replaceAt(state.stepMs, i, state.stepMs[i] + Math.max(0, action.at - state.enteredAt)),
        enteredAt: action.at,
        stepIndex: i - 1,
      };
    case 'rate':
      return state.phase === 'review' ? { ...state, phase: 'saved', rating: action.rating } : state;
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}

/** Time on the drill so far, including the current visit to a step. */
export function elapsedMs(state: DrillState, at: number): number {
  const done = state.stepMs.reduce((a, b) => a + b, 0);
  return state.phase === 'answering' ? done + Math.max(0, at - state.enteredAt) : done;
}

/** The attempt to store once the drill is rated. */
export function toAttempt(state: DrillState, atIso: string, mode: Attempt['mode'] = 'practice'): Attempt {
  return {
    questionId: state.question.id,
    at: atIso,
    score: state.overall,
    steps: state.question.steps.map((_, k) => ({
      answer: state.answers[k],
      score: state.scores[k]?.score,
      hit: state.scores[k]?.hit ?? [],
      missed: state.scores[k]?.missed ?? [],
      hintsUsed: state.hintsShown[k],
      ms: state.stepMs[k],
      // The history shows every point lost later, as the review did.
      ...(state.scores[k]?.deductions?.length ? { deductions: state.scores[k]?.deductions } : {}),
    })),
    rating: state.rating,
    totalMs: state.stepMs.reduce((a, b) => a + b, 0),
    mode,
  };
}

/** What to keep of an unfinished drill so it resumes where the user left it. */
export function toDraft(state: DrillState, atIso: string, at: number): Draft {
  const stepMs =
    state.phase === 'answering'
      ? replaceAt(state.stepMs, state.stepIndex, state.stepMs[state.stepIndex] + Math.max(0, at - state.enteredAt))
      : state.stepMs;
  return {
    questionId: state.question.id,
    savedAt: atIso,
    stepIndex: state.stepIndex,
    answers: state.answers,
    hintsUsed: state.hintsShown,
    stepMs,
  };
}

/** Whether there is anything worth keeping as a draft. */
export function hasProgress(state: DrillState): boolean {
  return state.phase === 'answering' && (state.answers.some((a) => a.trim() !== '') || state.stepIndex > 0);
}

function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  const copy = list.slice();
  copy[index] = value;
  return copy;
}

import type { Comparison } from './compare.js';
import type { Lever } from './levers.js';
import { round } from './metrics.js';

/** One finished comparison, as the Simulate screen keeps it. */
export interface SimRun {
  values: Record<string, number>;
  comparison: Comparison;
}

/** Editing a scenario's levers and running them: the state behind the Simulate screen and the try-it page. */
export interface LeverEditorState {
  levers: readonly Lever[];
  /** Every lever's current value (lever units). */
  values: Record<string, number>;
  /** The levers whose value was read from the user's answer (highlighted until changed). */
  read: Record<string, string>;
  focus: number;
  phase: 'edit' | 'running' | 'result';
  progress: { done: number; total: number };
  /** The newest first, at most {@link KEEP_RUNS}. */
  runs: SimRun[];
  /** Why the last run could not start (a value the scenario's rules refuse). */
  problem?: string;
}

/** How many past runs are kept. */
export const KEEP_RUNS = 5;

export type LeverEditorAction =
  | { type: 'focus-up' }
  | { type: 'focus-down' }
  | { type: 'increase' }
  | { type: 'decrease' }
  /** Every lever back to the scenario's own value. */
  | { type: 'reset' }
  | { type: 'start' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'finish'; comparison: Comparison }
  | { type: 'fail'; problem: string }
  /** Back from a result to the levers. */
  | { type: 'edit' };

/** Start with the baseline, then the values read from an answer (with the words that set each). */
export function initialLeverEditor(
  levers: readonly Lever[],
  read: { values: Record<string, number>; found: Array<{ name: string; text: string }> } = { values: {}, found: [] },
  runs: SimRun[] = [],
): LeverEditorState {
  const values = Object.fromEntries(levers.map((l) => [l.name, read.values[l.name] ?? l.baseline]));
  return {
    levers,
    values,
    read: Object.fromEntries(read.found.map((f) => [f.name, f.text])),
    focus: 0,
    phase: 'edit',
    progress: { done: 0, total: 0 },
    runs,
  };
}

function stepped(lever: Lever, value: number, direction: 1 | -1): number {
  // From an off-grid value (a baseline of 18 ms on a 5 ms grid) the first press lands on the grid.
  const offset = lever.min;
  const k = (value - offset) / lever.step;
  const next = direction > 0 ? Math.floor(k + 1e-9) + 1 : Math.ceil(k - 1e-9) - 1;
  return round(Math.min(lever.max, Math.max(lever.min, offset + next * lever.step)), 9);
}

export function leverEditorReducer(state: LeverEditorState, action: LeverEditorAction): LeverEditorState {
  const lever = state.levers[state.focus];
  switch (action.type) {
    case 'focus-up':
      return state.phase === 'edit' ? { ...state, focus: Math.max(0, state.focus - 1) } : state;
    case 'focus-down':
      return state.phase === 'edit' ? { ...state, focus: Math.min(state.levers.length - 1, state.focus + 1) } : state;
    case 'increase':
    case 'decrease': {
      if (state.phase !== 'edit' || !lever) return state;
      const value = stepped(lever, state.values[lever.name], action.type === 'increase' ? 1 : -1);
      const { [lever.name]: _dropped, ...read } = state.read;
      return {
        ...state,
        values: { ...state.values, [lever.name]: value },
        read: value === state.values[lever.name] ? state.read : read,
        problem: undefined,
      };
    }
    case 'reset':
      return state.phase === 'edit'
        ? {
            ...state,
            values: Object.fromEntries(state.levers.map((l) => [l.name, l.baseline])),
            read: {},
            problem: undefined,
          }
        : state;
    case 'start':
      return state.phase === 'edit'
        ? { ...state, phase: 'running', progress: { done: 0, total: 0 }, problem: undefined }
        : state;
    case 'progress':
      return state.phase === 'running' ? { ...state, progress: { done: action.done, total: action.total } } : state;
    case 'finish':
      if (state.phase !== 'running') return state;
      return {
        ...state,
        phase: 'result',
        runs: [{ values: { ...state.values }, comparison: action.comparison }, ...state.runs].slice(0, KEEP_RUNS),
      };
    case 'fail':
      return { ...state, phase: 'edit', problem: action.problem };
    case 'edit':
      return state.phase === 'result' ? { ...state, phase: 'edit' } : state;
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}

/** The levers a run changed from the baseline, as `name value` pairs. */
export function changedLevers(levers: readonly Lever[], values: Record<string, number>): Lever[] {
  return levers.filter((l) => values[l.name] !== undefined && values[l.name] !== l.baseline);
}

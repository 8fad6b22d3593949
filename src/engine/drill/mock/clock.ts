/**
 * The mock's clock as a pure reducer over ticks. Time comes in as `at` (ms, from an injected
 * clock), so tests drive it with a fake clock and the UI with a one-second interval.
 */

export interface ClockState {
  /** Budget per phase, ms. */
  budgets: number[];
  /** Time spent per phase, ms. */
  used: number[];
  /** The phase being answered. */
  phase: number;
  paused: boolean;
  /** 'time-up' when the interview's total ran out; 'finished' when the candidate moved past the last phase. */
  ended?: 'time-up' | 'finished';
  /** When time was last counted (ms); time before it is already in `used`. */
  lastAt: number;
}

export type ClockAction =
  /** Count the time since the last action into the current phase (nothing while paused). */
  | { type: 'tick'; at: number }
  | { type: 'pause'; at: number }
  | { type: 'resume'; at: number }
  | { type: 'toggle-pause'; at: number }
  /** Move on to the next phase (early is allowed); past the last one the interview is finished. */
  | { type: 'next-phase'; at: number }
  | { type: 'finish'; at: number };

/** What the screen warns about. */
export type ClockWarning =
  /** The current phase has used up its budget; the over-run is counted, not blocked. */
  | 'phase-over'
  /** A minute or less left in the interview. */
  | 'total-last-minute'
  /** A minute or less left in the current phase. */
  | 'phase-last-minute';

const MINUTE = 60_000;

export function startClock(
  budgetsSeconds: readonly number[],
  at: number,
  resume?: { used: readonly number[]; phase: number },
): ClockState {
  return {
    budgets: budgetsSeconds.map((s) => s * 1000),
    used: budgetsSeconds.map((_, i) => resume?.used[i] ?? 0),
    phase: Math.min(Math.max(0, resume?.phase ?? 0), budgetsSeconds.length - 1),
    // A resumed mock starts paused: the candidate needs a moment to find their place again.
    paused: resume !== undefined,
    lastAt: at,
  };
}

export function clockReducer(state: ClockState, action: ClockAction): ClockState {
  if (state.ended) return state;
  const counted = count(state, action.at);
  if (counted.ended) return counted;
  switch (action.type) {
    case 'tick':
      return counted;
    case 'pause':
      return { ...counted, paused: true };
    case 'resume':
      return { ...counted, paused: false };
    case 'toggle-pause':
      return { ...counted, paused: !counted.paused };
    case 'next-phase':
      return counted.phase + 1 < counted.budgets.length
        ? { ...counted, phase: counted.phase + 1 }
        : { ...counted, ended: 'finished' };
    case 'finish':
      return { ...counted, ended: 'finished' };
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}

/** Add the time since `lastAt` to the current phase, ending the interview when the total runs out. */
function count(state: ClockState, at: number): ClockState {
  const delta = state.paused ? 0 : Math.max(0, at - state.lastAt);
  if (delta === 0) return { ...state, lastAt: Math.max(state.lastAt, at) };
  const room = totalMs(state) - usedMs(state);
  const used = state.used.slice();
  used[state.phase] += Math.min(delta, room);
  return { ...state, used, lastAt: at, ended: delta >= room ? 'time-up' : undefined };
}

export const totalMs = (s: ClockState) => s.budgets.reduce((a, b) => a + b, 0);
export const usedMs = (s: ClockState) => s.used.reduce((a, b) => a + b, 0);
/** Left in the current phase; negative once it runs over. */
export const phaseLeftMs = (s: ClockState) => s.budgets[s.phase] - s.used[s.phase];
export const totalLeftMs = (s: ClockState) => totalMs(s) - usedMs(s);
/** Phases that used more than their budget, in order. */
export const overBudget = (s: ClockState) => s.used.map((u, i) => u > s.budgets[i]);

/** The most urgent warning, if any. */
export function clockWarning(s: ClockState): ClockWarning | undefined {
  if (s.ended) return undefined;
  if (phaseLeftMs(s) < 0) return 'phase-over';
  if (totalLeftMs(s) <= MINUTE) return 'total-last-minute';
  if (phaseLeftMs(s) <= MINUTE) return 'phase-last-minute';
  return undefined;
}

import type { Screen } from './screens/screen.js';

/** The screen stack: the last entry is on screen. */
export interface NavState {
  stack: Screen[];
  quitting: boolean;
  /** A line for the status bar about the last navigation (Esc with nothing to go back to). */
  notice?: string;
}

/** Esc on the first screen used to quit at once; now it says how to quit instead. */
export const NOTHING_TO_GO_BACK_TO = 'Nothing to go back to: q quits (your progress is saved).';

export type NavAction =
  | { type: 'open'; screen: Screen }
  | { type: 'back' }
  /** Back, or, on the first screen, replace it (a drill opened from the command line returns to the list). */
  | { type: 'back-or'; screen: Screen }
  | { type: 'replace'; screen: Screen }
  | { type: 'quit' };

export function navReducer(previous: NavState, action: NavAction): NavState {
  const state = previous.notice === undefined ? previous : { ...previous, notice: undefined };
  switch (action.type) {
    case 'open':
      return { ...state, stack: [...state.stack, action.screen] };
    case 'replace':
      return { ...state, stack: [...state.stack.slice(0, -1), action.screen] };
    case 'back':
      return state.stack.length <= 1
        ? { ...state, notice: NOTHING_TO_GO_BACK_TO }
        : { ...state, stack: state.stack.slice(0, -1) };
    case 'back-or':
      return state.stack.length <= 1
        ? { ...state, stack: [action.screen] }
        : { ...state, stack: state.stack.slice(0, -1) };
    case 'quit':
      return { ...state, quitting: true };
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}

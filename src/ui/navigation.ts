import type { Screen } from './screens/screen.js';

/** The screen stack: the last entry is on screen; `back` from the first one quits. */
export interface NavState {
  stack: Screen[];
  quitting: boolean;
}

export type NavAction =
  | { type: 'open'; screen: Screen }
  | { type: 'back' }
  /** Back, or, on the first screen, replace it (a drill opened from the command line returns to the list). */
  | { type: 'back-or'; screen: Screen }
  | { type: 'replace'; screen: Screen }
  | { type: 'quit' };

export function navReducer(state: NavState, action: NavAction): NavState {
  switch (action.type) {
    case 'open':
      return { ...state, stack: [...state.stack, action.screen] };
    case 'replace':
      return { ...state, stack: [...state.stack.slice(0, -1), action.screen] };
    case 'back':
      return state.stack.length <= 1 ? { ...state, quitting: true } : { ...state, stack: state.stack.slice(0, -1) };
    case 'back-or':
      return state.stack.length <= 1 ? { ...state, stack: [action.screen] } : { ...state, stack: state.stack.slice(0, -1) };
    case 'quit':
      return { ...state, quitting: true };
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}

import type { Key } from 'ink';

/** Where a binding applies; the footer shows the scopes of the current screen, `?` shows all. */
export type KeyScope = 'global' | 'move' | 'list' | 'checklist' | 'practice' | 'drill' | 'choice' | 'review' | 'calculator' | 'help' | 'spaced' | 'spaced-step' | 'history';

export interface KeyBinding {
  /** What the user presses, as shown in the footer and help, e.g. `↑/k`. */
  label: string;
  description: string;
  scope: KeyScope;
  matches(input: string, key: Key): boolean;
}

/** Every key of the app, defined once. Screens match with `keys.x.matches(input, key)`. */
const table = {
  up: { label: '↑/k', description: 'move up', scope: 'move', matches: (i, k) => k.upArrow || i === 'k' },
  down: { label: '↓/j', description: 'move down', scope: 'move', matches: (i, k) => k.downArrow || i === 'j' },
  open: { label: 'enter', description: 'open', scope: 'list', matches: (_i, k) => k.return },
  toggle: { label: 'space', description: 'tick / untick the item', scope: 'checklist', matches: (i) => i === ' ' || i === 'x' },
  note: { label: 'enter/n', description: 'show or hide what the item means and which drills prove it', scope: 'checklist', matches: (i, k) => k.return || i === 'n' },
  topicFilter: { label: 't', description: 'filter by topic (cycles)', scope: 'practice', matches: (i) => i === 't' },
  kindFilter: { label: 'f', description: 'filter by kind of drill (cycles)', scope: 'practice', matches: (i) => i === 'f' },
  submitStep: { label: 'ctrl+d', description: 'done with this step: next step, or the review after the last', scope: 'drill', matches: (i, k) => k.ctrl && i === 'd' },
  hint: { label: 'ctrl+t', description: 'show a hint (counted in the attempt)', scope: 'drill', matches: (i, k) => k.ctrl && i === 't' },
  previousStep: { label: 'ctrl+b', description: 'back to the previous step', scope: 'drill', matches: (i, k) => k.ctrl && i === 'b' },
  editor: { label: 'ctrl+e', description: 'write the answer in $VISUAL / $EDITOR', scope: 'drill', matches: (i, k) => k.ctrl && i === 'e' },
  leaveDrill: { label: 'esc', description: 'leave the drill (your answers are kept as a draft)', scope: 'drill', matches: (_i, k) => k.escape },
  choose: { label: 'enter', description: 'choose the option (or reveal the card)', scope: 'choice', matches: (_i, k) => k.return },
  rateAgain: { label: '1', description: 'rate: again (practise it soon)', scope: 'review', matches: (i) => i === '1' },
  rateHard: { label: '2', description: 'rate: hard', scope: 'review', matches: (i) => i === '2' },
  rateGood: { label: '3', description: 'rate: good', scope: 'review', matches: (i) => i === '3' },
  rateEasy: { label: '4', description: 'rate: easy', scope: 'review', matches: (i) => i === '4' },
  nextDue: { label: 'enter', description: 'next due step (or back to the menu after the last)', scope: 'spaced', matches: (_i, k) => k.return },
  gradeReviewStep: { label: 'ctrl+d', description: 'done: grade this step and reschedule it', scope: 'spaced-step', matches: (i, k) => k.ctrl && i === 'd' },
  reviewHint: { label: 'ctrl+t', description: 'show a hint', scope: 'spaced-step', matches: (i, k) => k.ctrl && i === 't' },
  discardStep: { label: 'esc', description: 'leave the review (twice when an answer is typed: it is not graded then)', scope: 'spaced-step', matches: (_i, k) => k.escape },
  openEntry: { label: 'enter', description: 'open the attempt: answers, scores, deductions', scope: 'history', matches: (_i, k) => k.return },
  nextField: { label: 'tab/↓', description: 'next field', scope: 'calculator', matches: (_i, k) => (k.tab && !k.shift) || k.downArrow },
  previousField: { label: 'shift+tab/↑', description: 'previous field', scope: 'calculator', matches: (_i, k) => (k.tab && k.shift) || k.upArrow },
  nextPreset: { label: 'ctrl+p', description: 'load the next preset (Go Coffee, URL shortener, chat, news feed)', scope: 'calculator', matches: (i, k) => k.ctrl && i === 'p' },
  clearField: { label: 'ctrl+u', description: 'clear the field', scope: 'calculator', matches: (i, k) => k.ctrl && i === 'u' },
  leaveCalculator: { label: 'esc', description: 'back to the menu', scope: 'calculator', matches: (_i, k) => k.escape },
  pageUp: { label: 'pgup', description: 'scroll up a page', scope: 'help', matches: (_i, k) => k.pageUp },
  pageDown: { label: 'pgdn', description: 'scroll down a page', scope: 'help', matches: (_i, k) => k.pageDown },
  back: { label: 'esc', description: 'go back', scope: 'global', matches: (_i, k) => k.escape },
  help: { label: '?', description: 'show every key', scope: 'global', matches: (i) => i === '?' },
  quit: { label: 'q', description: 'quit (progress is saved)', scope: 'global', matches: (i) => i === 'q' },
  interrupt: { label: 'ctrl+c', description: 'quit at once, saving anything in progress', scope: 'global', matches: (i, k) => k.ctrl && i === 'c' },
} satisfies Record<string, KeyBinding>;

export type KeyName = keyof typeof table;
export const keys: Record<KeyName, KeyBinding> = table;

export const SCOPE_TITLES: Record<KeyScope, string> = {
  global: 'Everywhere',
  move: 'Moving',
  list: 'Lists and menus',
  checklist: 'Checklist',
  practice: 'Question list',
  drill: 'Answering a drill',
  choice: 'Multiple choice and cards',
  review: 'Review',
  calculator: 'Capacity calculator',
  help: 'Long screens',
  spaced: 'Spaced review',
  'spaced-step': 'Answering a review step',
  history: 'History',
};

/** The bindings of the given scopes, in table order. */
export function bindingsFor(scopes: readonly KeyScope[]): KeyBinding[] {
  return Object.values(keys as Record<string, KeyBinding>).filter((b) => scopes.includes(b.scope));
}

import type { Key } from 'ink';

/** Where a binding applies; the footer shows the scopes of the current screen, `?` shows all. */
export type KeyScope =
  | 'global'
  | 'move'
  | 'list'
  | 'checklist'
  | 'practice'
  | 'drill'
  | 'typing'
  | 'choice'
  | 'review'
  | 'calculator'
  | 'help'
  | 'simulate'
  | 'spaced'
  | 'spaced-step'
  | 'history'
  | MockScope;
/** The mock interview's scopes: writing an answer, between answers (or paused), and its report. */
type MockScope = 'mock' | 'mockIdle' | 'mockReport';

export interface KeyBinding {
  /** What the user presses, as shown in the footer and help, e.g. `↑/k`. */
  label: string;
  description: string;
  scope: KeyScope;
  /** The footer's short text; a binding without one is listed in `?` help only. */
  hint?: string;
  /** The footer's key text when it differs from `label` (`↑/↓` for the pair). */
  hintKey?: string;
  matches(input: string, key: Key): boolean;
}

/** Every key of the app, defined once. Screens match with `keys.x.matches(input, key)`. */
const table = {
  up: { label: '↑/k', description: 'move up', scope: 'move', matches: (i, k) => k.upArrow || i === 'k' },
  down: {
    label: '↓/j',
    description: 'move down',
    scope: 'move',
    hint: 'move',
    hintKey: '↑/↓',
    matches: (i, k) => k.downArrow || i === 'j',
  },
  open: { label: 'enter', description: 'open', scope: 'list', hint: 'open', matches: (_i, k) => k.return },
  toggle: {
    label: 'space',
    description: 'tick / untick the item',
    scope: 'checklist',
    hint: 'tick',
    matches: (i) => i === ' ' || i === 'x',
  },
  note: {
    label: 'enter/n',
    description: 'show or hide what the item means and which drills prove it',
    scope: 'checklist',
    hint: 'about',
    matches: (i, k) => k.return || i === 'n',
  },
  topicFilter: {
    label: 't',
    description: 'filter by topic (cycles)',
    scope: 'practice',
    hint: 'topic',
    matches: (i) => i === 't',
  },
  kindFilter: {
    label: 'f',
    description: 'filter by kind of drill (cycles)',
    scope: 'practice',
    hint: 'kind',
    matches: (i) => i === 'f',
  },
  submitStep: {
    label: 'ctrl+d',
    description: 'done with this step: next step, or the review after the last (an empty step asks first)',
    scope: 'drill',
    hint: 'done',
    matches: (i, k) => k.ctrl && i === 'd',
  },
  hint: {
    label: 'ctrl+t',
    description: 'show a hint (counted in the attempt)',
    scope: 'drill',
    hint: 'hint',
    matches: (i, k) => k.ctrl && i === 't',
  },
  leaveDrill: {
    label: 'esc',
    description: 'leave the drill (your answers are kept as a draft)',
    scope: 'drill',
    hint: 'leave',
    matches: (_i, k) => k.escape,
  },
  previousStep: {
    label: 'ctrl+b',
    description: 'back to the previous step',
    scope: 'drill',
    hint: 'back a step',
    matches: (i, k) => k.ctrl && i === 'b',
  },
  editor: {
    label: 'ctrl+e',
    description: 'write the answer in $VISUAL / $EDITOR',
    scope: 'drill',
    hint: 'editor',
    matches: (i, k) => k.ctrl && i === 'e',
  },
  newLine: { label: 'enter', description: 'a new line in the answer', scope: 'typing', matches: (_i, k) => k.return },
  deleteBack: {
    label: 'backspace',
    description: 'delete the character before the cursor',
    scope: 'typing',
    matches: (_i, k) => k.backspace || k.delete,
  },
  cursorLeft: { label: '←', description: 'cursor left', scope: 'typing', matches: (_i, k) => k.leftArrow },
  cursorRight: { label: '→', description: 'cursor right', scope: 'typing', matches: (_i, k) => k.rightArrow },
  cursorUp: { label: '↑', description: 'cursor up a line', scope: 'typing', matches: (_i, k) => k.upArrow },
  cursorDown: { label: '↓', description: 'cursor down a line', scope: 'typing', matches: (_i, k) => k.downArrow },
  lineStart: { label: 'home', description: 'start of the line', scope: 'typing', matches: (_i, k) => k.home },
  lineEnd: { label: 'end', description: 'end of the line', scope: 'typing', matches: (_i, k) => k.end },
  typeText: {
    label: 'letters',
    description: 'type (a paste arrives whole; ? types itself once the box has text)',
    scope: 'typing',
    matches: (i, k) => i !== '' && !k.ctrl && !k.meta && !k.return && !k.tab && !k.escape,
  },
  choose: {
    label: 'enter',
    description: 'choose the option (or reveal the card)',
    scope: 'choice',
    hint: 'choose',
    matches: (_i, k) => k.return,
  },
  rateAgain: {
    label: '1',
    description: 'rate: again (practise it soon)',
    scope: 'review',
    hint: 'again',
    matches: (i) => i === '1',
  },
  rateHard: { label: '2', description: 'rate: hard', scope: 'review', hint: 'hard', matches: (i) => i === '2' },
  rateGood: { label: '3', description: 'rate: good', scope: 'review', hint: 'good', matches: (i) => i === '3' },
  rateEasy: { label: '4', description: 'rate: easy', scope: 'review', hint: 'easy', matches: (i) => i === '4' },
  nextField: {
    label: 'tab/↓/enter',
    description: 'next field',
    scope: 'calculator',
    hint: 'next',
    matches: (_i, k) => (k.tab && !k.shift) || k.downArrow || k.return,
  },
  leaveCalculator: {
    label: 'esc',
    description: 'back to the menu',
    scope: 'calculator',
    hint: 'back',
    matches: (_i, k) => k.escape,
  },
  previousField: {
    label: 'shift+tab/↑',
    description: 'previous field',
    scope: 'calculator',
    hint: 'previous',
    matches: (_i, k) => (k.tab && k.shift) || k.upArrow,
  },
  nextPreset: {
    label: 'ctrl+p',
    description: 'load the next preset (Go Coffee, URL shortener, chat, news feed)',
    scope: 'calculator',
    hint: 'preset',
    matches: (i, k) => k.ctrl && i === 'p',
  },
  clearField: {
    label: 'ctrl+u',
    description: 'clear the field',
    scope: 'calculator',
    hint: 'clear',
    matches: (i, k) => k.ctrl && i === 'u',
  },
  fieldDeleteBack: {
    label: 'backspace',
    description: 'delete the last character of the field',
    scope: 'calculator',
    matches: (_i, k) => k.backspace || k.delete,
  },
  fieldType: {
    label: 'letters',
    description: 'type into the field (numbers and units; ? is never part of one, so it opens help)',
    scope: 'calculator',
    matches: (i, k) => i !== '' && i !== '?' && !k.ctrl && !k.meta && !k.return && !k.tab && !k.escape,
  },
  mockNextPhase: {
    label: 'ctrl+d',
    description: 'done with this phase: on to the next (early is fine; the last ends the interview)',
    scope: 'mock',
    hint: 'next phase',
    matches: (i, k) => k.ctrl && i === 'd',
  },
  mockPauseWriting: {
    label: 'ctrl+p',
    description: 'pause the clock (the answer is hidden until you resume)',
    scope: 'mock',
    hint: 'pause',
    matches: (i, k) => k.ctrl && i === 'p',
  },
  mockStopWriting: {
    label: 'esc',
    description: 'stop writing (then p pauses, enter writes again)',
    scope: 'mock',
    hint: 'stop writing',
    matches: (_i, k) => k.escape,
  },
  mockPause: {
    label: 'p',
    description: 'pause or resume the clock (time stops, the answer is hidden)',
    scope: 'mockIdle',
    hint: 'pause',
    matches: (i, k) => (i === 'p' && !k.ctrl) || (k.ctrl && i === 'p'),
  },
  mockWrite: {
    label: 'enter',
    description: 'write the answer',
    scope: 'mockIdle',
    hint: 'write',
    matches: (_i, k) => k.return,
  },
  mockNext: {
    label: 'n',
    description: 'next phase (early is fine; the last ends the interview)',
    scope: 'mockIdle',
    hint: 'next',
    matches: (i, k) => i === 'n' || (k.ctrl && i === 'd'),
  },
  mockLeave: {
    label: 'esc',
    description: 'leave the mock (it is saved and offered back)',
    scope: 'mockIdle',
    hint: 'leave',
    matches: (_i, k) => k.escape,
  },
  reportExport: {
    label: 'e',
    description: 'write the report as Markdown',
    scope: 'mockReport',
    hint: 'markdown',
    matches: (i) => i === 'e',
  },
  reportPractise: {
    label: '1-3',
    description: 'practise the drill suggested for weak concept 1, 2 or 3',
    scope: 'mockReport',
    hint: 'practise',
    matches: (i) => i === '1' || i === '2' || i === '3',
  },
  lowerLever: {
    label: '←/h',
    description: 'lower the lever by a step',
    scope: 'simulate',
    hint: 'lower',
    matches: (i, k) => k.leftArrow || i === 'h',
  },
  raiseLever: {
    label: '→/l',
    description: 'raise the lever by a step',
    scope: 'simulate',
    hint: 'raise',
    matches: (i, k) => k.rightArrow || i === 'l',
  },
  runSimulation: {
    label: 'enter',
    description: 'run the baseline and yours on 5 seeds each (or back to the levers from a result)',
    scope: 'simulate',
    hint: 'run',
    matches: (_i, k) => k.return,
  },
  resetLevers: {
    label: 'r',
    description: 'every lever back to the scenario baseline',
    scope: 'simulate',
    hint: 'reset',
    matches: (i) => i === 'r',
  },
  openScenarioFile: {
    label: 'f',
    description: 'open a scenario file: type its path, enter to load',
    scope: 'simulate',
    hint: 'file',
    matches: (i) => i === 'f',
  },
  nextDue: {
    label: 'enter',
    description: 'next due step (or back to the menu after the last)',
    scope: 'spaced',
    hint: 'next',
    matches: (_i, k) => k.return,
  },
  gradeReviewStep: {
    label: 'ctrl+d',
    description: 'done: grade this step and reschedule it',
    scope: 'spaced-step',
    hint: 'done',
    matches: (i, k) => k.ctrl && i === 'd',
  },
  reviewHint: {
    label: 'ctrl+t',
    description: 'show a hint',
    scope: 'spaced-step',
    hint: 'hint',
    matches: (i, k) => k.ctrl && i === 't',
  },
  discardStep: {
    label: 'esc',
    description: 'leave the review (twice when an answer is typed: it is not graded then)',
    scope: 'spaced-step',
    hint: 'leave',
    matches: (_i, k) => k.escape,
  },
  openEntry: {
    label: 'enter',
    description: 'open the attempt: answers, scores, deductions',
    scope: 'history',
    hint: 'open',
    matches: (_i, k) => k.return,
  },
  pageUp: { label: 'pgup', description: 'scroll up a page', scope: 'help', matches: (_i, k) => k.pageUp },
  pageDown: {
    label: 'pgdn',
    description: 'scroll down a page',
    scope: 'help',
    hint: 'page',
    matches: (_i, k) => k.pageDown,
  },
  back: {
    label: 'esc',
    description: 'go back (on the first screen it only says how to quit)',
    scope: 'global',
    hint: 'back',
    matches: (_i, k) => k.escape,
  },
  help: {
    label: '?',
    description: 'show every key (in an answer box: when it is empty)',
    scope: 'global',
    hint: 'keys',
    matches: (i) => i === '?',
  },
  helpAnywhere: {
    label: 'ctrl+g',
    description: 'show every key, even while typing',
    scope: 'global',
    matches: (i, k) => k.ctrl && i === 'g',
  },
  quit: {
    label: 'q',
    description: 'quit (progress is saved)',
    scope: 'global',
    hint: 'quit',
    matches: (i) => i === 'q',
  },
  interrupt: {
    label: 'ctrl+c',
    description: 'quit at once, saving anything in progress',
    scope: 'global',
    matches: (i, k) => k.ctrl && i === 'c',
  },
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
  typing: 'Typing an answer',
  choice: 'Multiple choice and cards',
  review: 'Review',
  calculator: 'Capacity calculator',
  help: 'Long screens',
  mock: 'Mock interview: writing',
  mockIdle: 'Mock interview: between answers or paused',
  mockReport: 'Mock interview report',
  simulate: 'Simulator',
  spaced: 'Spaced review',
  'spaced-step': 'Answering a review step',
  history: 'History',
};

/** The bindings of the given scopes, in table order. */
export function bindingsFor(scopes: readonly KeyScope[]): KeyBinding[] {
  return Object.values(keys as Record<string, KeyBinding>).filter((b) => scopes.includes(b.scope));
}

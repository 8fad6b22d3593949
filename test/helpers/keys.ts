/** What a terminal sends for each key, for ink-testing-library's stdin.write and tmux tests. */
export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  backspace: '\u007F',
  space: ' ',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  ctrlC: '\u0003',
  ctrlD: '\u0004',
  ctrlE: '\u0005',
  ctrlS: '\u0013',
} as const;

import type { Key } from 'ink';

/** One key as Ink's useInput reports it. */
export interface KeyPress {
  input: string;
  key: Key;
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** Ink's reading of one character, as it reads a single key (input and flags). */
function readChar(char: string): KeyPress {
  const code = char.charCodeAt(0);
  if (char === '\r' || char === '\n') return { input: '\r', key: { ...NO_KEY, return: true } };
  if (char === '\t') return { input: '\t', key: { ...NO_KEY, tab: true } };
  if (char === '\u007f') return { input: '', key: { ...NO_KEY, delete: true } };
  if (char === '\b') return { input: '', key: { ...NO_KEY, backspace: true } };
  if (code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), key: { ...NO_KEY, ctrl: true } };
  return { input: char, key: { ...NO_KEY, shift: /[A-Z]/.test(char) } };
}

/**
 * The keys inside one read. Ink splits escape sequences but hands several plain keys that arrive
 * together (fast typing, a paste, `tmux send-keys jjj`) to useInput as one string, so "ab" then
 * two backspaces arrived as one unknown key and `jj` moved nothing. Each character becomes its own
 * key press, exactly as Ink reports it when it arrives alone.
 */
export function splitKeys(input: string, key: Key, { groupText = false }: { groupText?: boolean } = {}): KeyPress[] {
  const chars = Array.from(input);
  const flagged = Object.entries(key).some(([name, value]) => value === true && name !== 'shift');
  if (chars.length <= 1 || flagged) return [{ input, key }];
  const presses = chars.map(readChar);
  if (!groupText) return presses;
  // A text field takes a run of printable characters as one insert (a 5,000-character paste is one
  // update, not 5,000); control keys inside the run (Enter, backspace, ctrl+d) stay keys of their own.
  const grouped: KeyPress[] = [];
  for (const press of presses) {
    const last = grouped[grouped.length - 1];
    if (isText(press) && last && isText(last) && last.input.length > 0) last.input += press.input;
    else grouped.push({ input: press.input, key: { ...press.key } });
  }
  for (const press of grouped) if (press.input.length > 1) press.key.shift = false;
  return grouped;
}

function isText(press: KeyPress): boolean {
  const k = press.key;
  return press.input !== '' && !k.ctrl && !k.return && !k.tab && !k.delete && !k.backspace;
}

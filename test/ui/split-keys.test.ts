import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { splitKeys } from '../../src/ui/keys/split-keys.js';

const NONE: Key = {
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
/** What each key is, in short: its input, then the flags set. */
const show = (input: string, key: Key = NONE) =>
  splitKeys(input, key).map((p) => [
    p.input,
    ...Object.entries(p.key)
      .filter(([, v]) => v === true)
      .map(([k]) => k),
  ]);

describe('splitKeys: a burst is read key by key, as each key alone would be', () => {
  it.each([
    // "abc" then two backspaces in one read: five keys, the last two deletes (the terminal's DEL).
    ['abc\u007f\u007f', [['a'], ['b'], ['c'], ['', 'delete'], ['', 'delete']]],
    ['jjj', [['j'], ['j'], ['j']]],
    ['tt', [['t'], ['t']]],
    ['a\rb', [['a'], ['\r', 'return'], ['b']]],
    ['x\u0004', [['x'], ['d', 'ctrl']]],
    [
      'A\t',
      [
        ['A', 'shift'],
        ['\t', 'tab'],
      ],
    ],
    ['a\bb', [['a'], ['', 'backspace'], ['b']]],
    ['é☕', [['é'], ['☕']]],
  ])('%j', (input, keys) => expect(show(input)).toEqual(keys));

  it('a text field may take a run of printable characters as one input; control keys stay apart', () => {
    const grouped = (input: string) => splitKeys(input, NONE, { groupText: true }).map((p) => p.input);
    expect(grouped('abc\u007f\u007fde\rfg\u0004')).toEqual(['abc', '', '', 'de', '\r', 'fg', 'd']);
    expect(grouped('?why')).toEqual(['?why']);
  });

  it('a single key, or one Ink already named, passes through as it came', () => {
    expect(show('q')).toEqual([['q']]);
    expect(splitKeys('', { ...NONE, upArrow: true })).toEqual([{ input: '', key: { ...NONE, upArrow: true } }]);
    // Ink reports ctrl keys by their letter; a two-letter input with a flag is not a burst.
    expect(splitKeys('ab', { ...NONE, meta: true })).toHaveLength(1);
  });
});

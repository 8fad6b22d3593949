import { describe, expect, it } from 'vitest';
import {
  layout,
  textAreaReducer,
  type TextAreaAction,
  type TextAreaState,
} from '../../src/ui/components/text-area/text-area-state.js';
import { wrapText } from '../../src/engine/text/wrap.js';

const run = (state: TextAreaState, ...actions: TextAreaAction[]) => actions.reduce(textAreaReducer, state);
const empty: TextAreaState = { value: '', cursor: 0 };

describe('text area state', () => {
  it('a paste of several lines arrives whole, with \\r\\n normalised and controls stripped', () => {
    expect(run(empty, { type: 'insert', text: 'one\r\ntwo\rthree\u001b[2J\u0007' })).toEqual({
      value: 'one\ntwo\nthree[2J',
      cursor: 16,
    });
  });

  it.each([
    [
      'backspace at the start does nothing',
      { value: 'ab', cursor: 0 },
      [{ type: 'delete-back' }],
      { value: 'ab', cursor: 0 },
    ],
    [
      'backspace deletes before the cursor',
      { value: 'abc', cursor: 2 },
      [{ type: 'delete-back' }],
      { value: 'ac', cursor: 1 },
    ],
    ['insert in the middle', { value: 'ac', cursor: 1 }, [{ type: 'insert', text: 'b' }], { value: 'abc', cursor: 2 }],
    [
      'up keeps the column, clamped to the shorter line',
      { value: 'ab\nlonger', cursor: 8 },
      [{ type: 'move-up' }],
      { value: 'ab\nlonger', cursor: 2 },
    ],
    [
      'down keeps the column',
      { value: 'abcd\nxyz', cursor: 1 },
      [{ type: 'move-down' }],
      { value: 'abcd\nxyz', cursor: 6 },
    ],
    [
      'down on the last line goes to the end',
      { value: 'ab', cursor: 0 },
      [{ type: 'move-down' }],
      { value: 'ab', cursor: 2 },
    ],
    [
      'home and end work on the current line',
      { value: 'ab\ncd', cursor: 4 },
      [{ type: 'line-start' }],
      { value: 'ab\ncd', cursor: 3 },
    ],
  ] as Array<[string, TextAreaState, TextAreaAction[], TextAreaState]>)('%s', (_name, start, actions, end) => {
    expect(run(start, ...actions)).toEqual(end);
  });

  it('lays out long lines in rows and finds the cursor', () => {
    expect(layout({ value: 'abcdefg\nhi', cursor: 5 }, 3)).toEqual({
      rows: ['abc', 'def', 'g', 'hi'],
      cursorRow: 1,
      cursorCol: 2,
    });
    expect(layout({ value: 'abc', cursor: 3 }, 3)).toEqual({ rows: ['abc', ''], cursorRow: 1, cursorCol: 0 });
    expect(layout({ value: 'ab\n', cursor: 3 }, 5)).toEqual({ rows: ['ab', ''], cursorRow: 1, cursorCol: 0 });
  });
});

describe('wrapText', () => {
  it.each([
    ['the quick brown fox', 9, ['the quick', 'brown fox']],
    ['a\n\nb', 5, ['a', '', 'b']],
    ['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['go abcdefgh', 4, ['go', 'abcd', 'efgh']],
  ])('%j at %i columns', (text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines);
  });
});

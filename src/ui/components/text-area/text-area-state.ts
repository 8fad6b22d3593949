import { sanitizeText } from '../../../engine/text/sanitize.js';

/** A multi-line text value and the cursor's offset into it. */
export interface TextAreaState {
  value: string;
  cursor: number;
}

export type TextAreaAction =
  | { type: 'insert'; text: string }
  | { type: 'delete-back' }
  | { type: 'delete-forward' }
  | { type: 'move-left' }
  | { type: 'move-right' }
  | { type: 'move-up' }
  | { type: 'move-down' }
  | { type: 'line-start' }
  | { type: 'line-end' }
  | { type: 'set'; value: string };

export function textAreaReducer(state: TextAreaState, action: TextAreaAction): TextAreaState {
  const { value, cursor } = state;
  switch (action.type) {
    case 'insert': {
      // Pasted text arrives in one piece; terminals send \r for Enter and inside pastes.
      const text = sanitizeText(action.text.replace(/\r\n?/g, '\n'));
      return { value: value.slice(0, cursor) + text + value.slice(cursor), cursor: cursor + text.length };
    }
    case 'delete-back':
      return cursor === 0 ? state : { value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1 };
    case 'delete-forward':
      return cursor === value.length ? state : { value: value.slice(0, cursor) + value.slice(cursor + 1), cursor };
    case 'move-left':
      return { value, cursor: Math.max(0, cursor - 1) };
    case 'move-right':
      return { value, cursor: Math.min(value.length, cursor + 1) };
    case 'line-start':
      return { value, cursor: value.lastIndexOf('\n', cursor - 1) + 1 };
    case 'line-end': {
      const end = value.indexOf('\n', cursor);
      return { value, cursor: end === -1 ? value.length : end };
    }
    case 'move-up':
    case 'move-down': {
      const lineStart = value.lastIndexOf('\n', cursor - 1) + 1;
      const column = cursor - lineStart;
      if (action.type === 'move-up') {
        if (lineStart === 0) return { value, cursor: 0 };
        const prevStart = value.lastIndexOf('\n', lineStart - 2) + 1;
        return { value, cursor: Math.min(prevStart + column, lineStart - 1) };
      }
      const lineEnd = value.indexOf('\n', cursor);
      if (lineEnd === -1) return { value, cursor: value.length };
      const nextEnd = value.indexOf('\n', lineEnd + 1);
      return { value, cursor: Math.min(lineEnd + 1 + column, nextEnd === -1 ? value.length : nextEnd) };
    }
    case 'set':
      return { value: sanitizeText(action.value.replace(/\r\n?/g, '\n')), cursor: action.value.length };
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}

/**
 * The value laid out in rows of at most `width` characters (hard wrap, so the cursor's place is
 * exact), and the row and column of the cursor.
 */
export function layout(state: TextAreaState, width: number): { rows: string[]; cursorRow: number; cursorCol: number } {
  const w = Math.max(1, width);
  const rows: string[] = [];
  let cursorRow = 0;
  let cursorCol = 0;
  let offset = 0;
  for (const line of state.value.split('\n')) {
    const pieces =
      line.length === 0
        ? ['']
        : Array.from({ length: Math.ceil(line.length / w) }, (_, k) => line.slice(k * w, (k + 1) * w));
    pieces.forEach((piece, k) => {
      const start = offset + k * w;
      const isLast = k === pieces.length - 1;
      if (
        state.cursor >= start &&
        (state.cursor < start + piece.length || (isLast && state.cursor <= start + piece.length))
      ) {
        cursorRow = rows.length;
        cursorCol = state.cursor - start;
      }
      rows.push(piece);
    });
    offset += line.length + 1;
  }
  // A cursor at the end of a full row sits at the start of the next one.
  if (cursorCol === w) {
    cursorRow += 1;
    cursorCol = 0;
    if (cursorRow === rows.length) rows.push('');
  }
  return { rows, cursorRow, cursorCol };
}

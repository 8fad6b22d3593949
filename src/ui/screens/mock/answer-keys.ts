import type { Key } from 'ink';
import type { TextAreaAction } from '../../components/text-area/text-area-state.js';

/** The answer field's editing keys, for a screen that feeds the field itself (the mock: one handler sees every key in order). */
export function textAction(input: string, key: Key): TextAreaAction | undefined {
  if (key.ctrl || key.meta || key.escape || key.tab) return undefined;
  if (key.return) return { type: 'insert', text: '\n' };
  if (key.backspace || key.delete) return { type: 'delete-back' };
  if (key.leftArrow) return { type: 'move-left' };
  if (key.rightArrow) return { type: 'move-right' };
  if (key.upArrow) return { type: 'move-up' };
  if (key.downArrow) return { type: 'move-down' };
  if (key.home) return { type: 'line-start' };
  if (key.end) return { type: 'line-end' };
  return input ? { type: 'insert', text: input } : undefined;
}

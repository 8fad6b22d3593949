import { Box, Text, useInput } from 'ink';
import { layout, type TextAreaAction, type TextAreaState } from './text-area-state.js';

export interface TextAreaProps {
  state: TextAreaState;
  dispatch: (action: TextAreaAction) => void;
  width: number;
  height: number;
  isActive: boolean;
  placeholder?: string;
  /** False when the owning screen feeds the keys itself (it must see them in order with its own). @default true */
  listens?: boolean;
}

/**
 * A multi-line answer field. Typing inserts, Enter is a new line, a paste arrives whole; the
 * screen owning it handles the control keys (submit, hints, editor) before they get here.
 */
export function TextArea({ state, dispatch, width, height, isActive, placeholder, listens = true }: TextAreaProps) {
  useInput(
    (input, key) => {
      if (key.ctrl || key.meta || key.escape || key.tab) return;
      if (key.return) dispatch({ type: 'insert', text: '\n' });
      else if (key.backspace || key.delete) dispatch({ type: 'delete-back' });
      else if (key.leftArrow) dispatch({ type: 'move-left' });
      else if (key.rightArrow) dispatch({ type: 'move-right' });
      else if (key.upArrow) dispatch({ type: 'move-up' });
      else if (key.downArrow) dispatch({ type: 'move-down' });
      else if (key.home) dispatch({ type: 'line-start' });
      else if (key.end) dispatch({ type: 'line-end' });
      else if (input) dispatch({ type: 'insert', text: input });
    },
    { isActive: isActive && listens },
  );
  const inner = Math.max(1, width - 2);
  const { rows, cursorRow, cursorCol } = layout(state, inner);
  const first = Math.max(0, Math.min(cursorRow - height + 1, rows.length - height));
  const visible = rows.slice(first, first + height);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={isActive ? 'cyan' : 'gray'} width={width}>
      {state.value === '' && placeholder ? (
        <Text dimColor>
          {isActive ? <Text inverse> </Text> : null}
          {placeholder}
        </Text>
      ) : (
        visible.map((row, k) => {
          const r = first + k;
          if (r !== cursorRow || !isActive) return <Text key={r}>{row || ' '}</Text>;
          return (
            <Text key={r}>
              {row.slice(0, cursorCol)}
              <Text inverse>{row[cursorCol] ?? ' '}</Text>
              {row.slice(cursorCol + 1)}
            </Text>
          );
        })
      )}
      {Array.from({ length: Math.max(0, height - (state.value === '' && placeholder ? 1 : visible.length)) }, (_, k) => (
        <Text key={`pad-${k}`}> </Text>
      ))}
    </Box>
  );
}

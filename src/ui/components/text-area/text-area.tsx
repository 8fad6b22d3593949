import { Box, Text } from 'ink';
import { useLatest } from '../../hooks/use-latest.js';
import { keys } from '../../keys/bindings.js';
import { useKeys } from '../../keys/use-keys.js';
import { theme } from '../../theme.js';
import { layout, type TextAreaAction, type TextAreaState } from './text-area-state.js';

export interface TextAreaProps {
  state: TextAreaState;
  dispatch: (action: TextAreaAction) => void;
  width: number;
  height: number;
  isActive: boolean;
  placeholder?: string;
  /** `?` typed into an empty box opens the key help instead (once there is text, `?` is a character). */
  onHelp?: () => void;
  /** False when the owning screen feeds the keys itself (it must see them in order with its own). @default true */
  listens?: boolean;
}

/**
 * A multi-line answer field. Typing inserts, Enter is a new line, a paste arrives whole; the
 * screen owning it handles the control keys (submit, hints, editor) before they get here.
 */
export function TextArea({
  state,
  dispatch,
  width,
  height,
  isActive,
  placeholder,
  onHelp,
  listens = true,
}: TextAreaProps) {
  // Whether the box is empty, as of the last key: a burst (`?` then text) is read in order.
  const emptyRef = useLatest(state.value === '');
  useKeys(
    (input, key) => {
      if (emptyRef.current && onHelp && keys.help.matches(input, key)) return onHelp();
      if (keys.newLine.matches(input, key)) dispatch({ type: 'insert', text: '\n' });
      else if (keys.deleteBack.matches(input, key)) dispatch({ type: 'delete-back' });
      else if (keys.cursorLeft.matches(input, key)) dispatch({ type: 'move-left' });
      else if (keys.cursorRight.matches(input, key)) dispatch({ type: 'move-right' });
      else if (keys.cursorUp.matches(input, key)) dispatch({ type: 'move-up' });
      else if (keys.cursorDown.matches(input, key)) dispatch({ type: 'move-down' });
      else if (keys.lineStart.matches(input, key)) dispatch({ type: 'line-start' });
      else if (keys.lineEnd.matches(input, key)) dispatch({ type: 'line-end' });
      else if (keys.typeText.matches(input, key)) {
        emptyRef.current = false;
        dispatch({ type: 'insert', text: input });
      }
    },
    { isActive: isActive && listens, groupText: true },
  );
  const inner = Math.max(1, width - 2);
  const { rows, cursorRow, cursorCol } = layout(state, inner);
  const first = Math.max(0, Math.min(cursorRow - height + 1, rows.length - height));
  const visible = rows.slice(first, first + height);
  return (
    <Box
      flexDirection="column"
      flexShrink={0}
      borderStyle="round"
      borderColor={isActive ? theme.accent : theme.muted}
      width={width}
    >
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
      {Array.from(
        { length: Math.max(0, height - (state.value === '' && placeholder ? 1 : visible.length)) },
        (_, k) => (
          <Text key={`pad-${k}`}> </Text>
        ),
      )}
    </Box>
  );
}

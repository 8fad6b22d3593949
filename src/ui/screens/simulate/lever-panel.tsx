import { Box, Text } from 'ink';
import { theme } from '../../theme.js';
import type { LeverEditorState } from '../../../engine/sim/lever-editor.js';
import { formatLever } from '../../../engine/sim/levers.js';

/** The levers, one a line: the focused one marked, values read from the answer highlighted and quoted. */
export function LeverPanel({ state, height }: { state: LeverEditorState; height: number }) {
  const first = Math.max(0, Math.min(state.focus - Math.floor(height / 2), state.levers.length - height));
  const shown = state.levers.slice(first, first + height);
  return (
    <Box flexDirection="column">
      {shown.map((lever, k) => {
        const index = first + k;
        const focused = index === state.focus;
        const value = state.values[lever.name];
        const read = state.read[lever.name];
        const changed = value !== lever.baseline;
        const shownValue = formatLever(lever, value);
        const note =
          read !== undefined
            ? `from your answer: “${read}”`
            : changed
              ? `baseline ${formatLever(lever, lever.baseline)}`
              : lever.description;
        return (
          <Text key={lever.name} wrap="truncate-end">
            <Text color={focused ? theme.accent : undefined}>
              {focused ? '❯ ' : '  '}
              {lever.name.padEnd(18).slice(0, 18)}
            </Text>
            <Text
              color={read !== undefined ? theme.good : changed ? theme.warn : undefined}
              bold={read !== undefined || changed}
              inverse={focused}
            >
              {focused ? `◂ ${shownValue} ▸` : `  ${shownValue}  `}
            </Text>
            <Text dimColor> {note}</Text>
          </Text>
        );
      })}
      {state.levers.length > height ? <Text dimColor> {state.levers.length} levers; ↑/↓ to see the rest</Text> : null}
    </Box>
  );
}

/** A progress bar for a running comparison. */
export function ProgressBar({ done, total, width }: { done: number; total: number; width: number }) {
  const cells = Math.max(10, Math.min(40, width - 30));
  const filled = total === 0 ? 0 : Math.round((done / total) * cells);
  return (
    <Text>
      Running <Text color={theme.accent}>{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(cells - filled)}</Text> {done}/{total || '…'} runs
    </Text>
  );
}

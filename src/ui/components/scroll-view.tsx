import { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import { useRemembered } from '../hooks/use-remembered.js';
import { keys } from '../keys/bindings.js';
import { useKeys } from '../keys/use-keys.js';
import { wrapLines } from './wrap-lines.js';

export interface ScrollViewProps {
  lines: string[];
  /** Rows on screen, including the last one that says what is below or above. */
  height: number;
  /** Columns to wrap long lines at (a ↪ marks a continued row); without it lines are cut with …. */
  width?: number;
  isActive?: boolean;
  /** ↑/↓ (k/j) scroll one row as well as PgUp/PgDn a page. */
  arrows?: boolean;
  /** Remember the scroll position under this name, so it survives leaving the screen. */
  memoryKey?: string;
}

/**
 * A fixed-height window onto pre-wrapped lines; PgUp/PgDn move a whole page (less one row of
 * overlap). Keeps screens within the terminal's height, which Ink needs to avoid redrawing everything.
 */
export function ScrollView({ lines: raw, height, width, isActive = true, arrows = false, memoryKey }: ScrollViewProps) {
  const [ownTop, setOwnTop] = useState(0);
  const [savedTop, setSavedTop] = useRemembered(`scroll.${memoryKey ?? ''}`, 0);
  const [top, setTop] = memoryKey ? [savedTop, setSavedTop] : [ownTop, setOwnTop];
  const lines = width ? wrapLines(raw, width) : raw;
  const more = lines.length > height;
  const window = more ? Math.max(1, height - 1) : height;
  const max = Math.max(0, lines.length - window);
  useEffect(() => {
    if (top > max) setTop(max);
  }, [top, max, setTop]);
  const page = Math.max(1, window - 1);
  useKeys(
    (input, key) => {
      if (keys.pageDown.matches(input, key)) setTop((t) => Math.min(max, t + page));
      else if (keys.pageUp.matches(input, key)) setTop((t) => Math.max(0, t - page));
      else if (arrows && keys.down.matches(input, key)) setTop((t) => Math.min(max, t + 1));
      else if (arrows && keys.up.matches(input, key)) setTop((t) => Math.max(0, t - 1));
    },
    { isActive },
  );
  const first = Math.min(top, max);
  const shown = lines.slice(first, first + window);
  const below = lines.length - (first + window);
  // flexShrink 0: a squeezed box would draw its rows over each other; a frame too short clips instead.
  return (
    <Box flexDirection="column" flexShrink={0}>
      {shown.map((line, k) => (
        <Text key={first + k} wrap="truncate-end">
          {line === '' ? ' ' : line}
        </Text>
      ))}
      {more ? (
        <Text dimColor wrap="truncate-end">
          {below > 0
            ? `↓ ${below} more line${below === 1 ? '' : 's'} (pgdn${arrows ? ' or ↓' : ''})`
            : `end · ${lines.length} lines (pgup${arrows ? ' or ↑' : ''} to go back)`}
        </Text>
      ) : null}
    </Box>
  );
}

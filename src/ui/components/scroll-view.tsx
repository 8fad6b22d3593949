import { useEffect, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { keys } from '../keys/bindings.js';

/**
 * A fixed-height window onto pre-wrapped lines; PgUp/PgDn (and ↑/↓ when `arrows`) scroll it.
 * Keeps screens within the terminal's height, which Ink needs to avoid redrawing everything.
 */
export function ScrollView({ lines, height, isActive = true, arrows = false }: { lines: string[]; height: number; isActive?: boolean; arrows?: boolean }) {
  const [top, setTop] = useState(0);
  const max = Math.max(0, lines.length - height);
  useEffect(() => setTop((t) => Math.min(t, max)), [max]);
  useInput(
    (input, key) => {
      if (keys.pageDown.matches(input, key)) setTop((t) => Math.min(max, t + Math.max(1, height - 1)));
      else if (keys.pageUp.matches(input, key)) setTop((t) => Math.max(0, t - Math.max(1, height - 1)));
      else if (arrows && keys.down.matches(input, key)) setTop((t) => Math.min(max, t + 1));
      else if (arrows && keys.up.matches(input, key)) setTop((t) => Math.max(0, t - 1));
    },
    { isActive },
  );
  const more = lines.length > height;
  const shown = lines.slice(top, top + (more ? height - 1 : height));
  return (
    <Box flexDirection="column">
      {shown.map((line, k) => (
        <Text key={top + k} wrap="truncate-end">
          {line === '' ? ' ' : line}
        </Text>
      ))}
      {more ? (
        <Text dimColor>
          {top + height - 1 < lines.length ? `↓ ${lines.length - (top + height - 1)} more lines (pgdn${arrows ? ' or ↓' : ''})` : `top ↑ (pgup${arrows ? ' or ↑' : ''})`}
        </Text>
      ) : null}
    </Box>
  );
}

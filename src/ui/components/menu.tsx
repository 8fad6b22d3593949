import { Box, Text } from 'ink';
import { keys } from '../keys/bindings.js';
import { useKeys } from '../keys/use-keys.js';
import { useRemembered } from '../hooks/use-remembered.js';
import { theme } from '../theme.js';
import { windowStart } from '../screens/checklist/checklist-rows.js';

export interface MenuEntry {
  label: string;
  /** Shown beside the selected entry. */
  description?: string;
}

/**
 * The first entry shown in a window of `height` rows that keeps the cursor in view, leaving the first
 * and last row for "↑/↓ more" when entries are hidden that way.
 */
export function menuWindow(count: number, cursor: number, height: number): { first: number; shown: number } {
  if (count <= height) return { first: 0, shown: count };
  const shown = Math.max(1, height - 2);
  return { first: windowStart(count, cursor, shown), shown };
}

/**
 * A vertical menu: ↑/↓ (or k/j) move, enter picks. The cursor is remembered under `memoryKey`, so
 * coming back to the menu finds it where it was left. Given a `height`, a longer menu shows a window
 * around the cursor, with how many entries are above and below it.
 */
export function Menu({
  entries,
  onPick,
  memoryKey,
  height = entries.length,
}: {
  entries: readonly MenuEntry[];
  onPick(index: number): void;
  memoryKey: string;
  height?: number;
}) {
  const [cursor, setCursor, getCursor] = useRemembered(memoryKey, 0);
  useKeys((input, key) => {
    if (keys.up.matches(input, key)) setCursor((c) => Math.max(0, c - 1));
    else if (keys.down.matches(input, key)) setCursor((c) => Math.min(entries.length - 1, c + 1));
    else if (keys.open.matches(input, key)) onPick(getCursor());
  });
  const { first, shown } = menuWindow(entries.length, cursor, height);
  const clipped = shown < entries.length;
  return (
    <Box flexDirection="column">
      {clipped ? <Text dimColor>{first > 0 ? `  ↑ ${first} more` : ' '}</Text> : null}
      {entries.slice(first, first + shown).map((entry, offset) => {
        const index = first + offset;
        const selected = index === cursor;
        return (
          <Text key={entry.label} wrap="truncate-end">
            <Text color={selected ? theme.accent : undefined} bold={selected}>
              {selected ? '❯ ' : '  '}
              {entry.label}
            </Text>
            {selected && entry.description ? <Text dimColor> {entry.description}</Text> : null}
          </Text>
        );
      })}
      {clipped ? (
        <Text dimColor>{first + shown < entries.length ? `  ↓ ${entries.length - first - shown} more` : ' '}</Text>
      ) : null}
    </Box>
  );
}

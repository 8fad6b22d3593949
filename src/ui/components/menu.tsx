import { Box, Text } from 'ink';
import { keys } from '../keys/bindings.js';
import { useKeys } from '../keys/use-keys.js';
import { useRemembered } from '../hooks/use-remembered.js';
import { theme } from '../theme.js';

export interface MenuEntry {
  label: string;
  /** Shown beside the selected entry. */
  description?: string;
}

/**
 * A vertical menu: ↑/↓ (or k/j) move, enter picks. The cursor is remembered under `memoryKey`, so
 * coming back to the menu finds it where it was left.
 */
export function Menu({
  entries,
  onPick,
  memoryKey,
}: {
  entries: readonly MenuEntry[];
  onPick(index: number): void;
  memoryKey: string;
}) {
  const [cursor, setCursor, getCursor] = useRemembered(memoryKey, 0);
  useKeys((input, key) => {
    if (keys.up.matches(input, key)) setCursor((c) => Math.max(0, c - 1));
    else if (keys.down.matches(input, key)) setCursor((c) => Math.min(entries.length - 1, c + 1));
    else if (keys.open.matches(input, key)) onPick(getCursor());
  });
  return (
    <Box flexDirection="column">
      {entries.map((entry, index) => {
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
    </Box>
  );
}

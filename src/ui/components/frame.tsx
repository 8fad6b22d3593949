import { useContext, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { sanitizeText } from '../../engine/text/sanitize.js';
import { NoticeContext, useServices } from '../app-context.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import type { KeyScope } from '../keys/bindings.js';
import { theme } from '../theme.js';
import { Footer } from './footer.js';

/** Below this many rows the blank lines around the body go, to leave room for the body. */
const COMPACT_ROWS = 20;

/** The status line's text: a failed save first, else the navigation's notice. */
function useStatus(): string | undefined {
  const { store } = useServices();
  const notice = useContext(NoticeContext);
  return store.failure ? `Not saved (${sanitizeText(store.failure)}): kept in memory, retrying` : notice;
}

/**
 * The rows a screen's body may fill. The frame is exactly rows − 1 tall: Ink clears the whole
 * screen (and its scrollback) on every frame that reaches the terminal's height.
 */
export function useBodyRows(): number {
  const { rows } = useTerminalSize();
  const status = useStatus();
  return Math.max(3, rows - 1 - 1 - (rows < COMPACT_ROWS ? 0 : 2) - 1 - (status ? 1 : 0));
}

/**
 * The chrome of every screen: the title line, the body, the status line and the key hints, in
 * exactly rows − 1 lines. A body taller than its room is clipped rather than pushing the title off;
 * screens size their windows with useBodyRows() so nothing needs clipping.
 */
export function Frame({
  title,
  scopes,
  children,
}: {
  title: string;
  scopes: readonly KeyScope[];
  children: ReactNode;
}) {
  const { rows, columns } = useTerminalSize();
  const status = useStatus();
  const compact = rows < COMPACT_ROWS;
  return (
    <Box flexDirection="column" height={rows - 1} width={columns}>
      <Text wrap="truncate-end">
        <Text bold color={theme.accent}>
          gocoffee-drill
        </Text>
        <Text dimColor> · </Text>
        <Text bold>{title}</Text>
      </Text>
      <Box flexDirection="column" marginY={compact ? 0 : 1} flexGrow={1} flexShrink={1} overflow="hidden">
        {children}
      </Box>
      <Footer scopes={scopes} status={status} width={columns} />
    </Box>
  );
}

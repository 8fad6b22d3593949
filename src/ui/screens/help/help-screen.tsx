import { useState } from 'react';
import { Box, Text } from 'ink';
import { useActions } from '../../app-context.js';
import { Frame, useBodyRows } from '../../components/frame.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { SCOPE_TITLES, bindingsFor, keys, type KeyScope } from '../../keys/bindings.js';
import { useKeys } from '../../keys/use-keys.js';
import { theme } from '../../theme.js';
import { wrapText } from '../../../engine/text/wrap.js';

const ALL_SCOPES = Object.keys(SCOPE_TITLES) as KeyScope[];
const SCOPES = ['move', 'help', 'global'] as const;

type Line = { key: string; heading: string } | { key: string; label: string; description: string };

/**
 * The key table as help lines, the scopes of the screen it was opened from first; descriptions
 * wrapped to `width` columns after the key's column, so nothing is cut on a narrow terminal.
 */
export function helpLines(scopes: readonly string[], labelWidth: number, width: number): Line[] {
  const own = scopes.filter((s): s is KeyScope => (ALL_SCOPES as readonly string[]).includes(s));
  const ordered = [...own, ...ALL_SCOPES.filter((s) => !scopes.includes(s))];
  return ordered.flatMap((scope) => {
    const bindings = bindingsFor([scope]);
    if (bindings.length === 0) return [];
    return [
      { key: `h-${scope}`, heading: `${SCOPE_TITLES[scope]}${scopes.includes(scope) ? ' (this screen)' : ''}` },
      ...bindings.flatMap((b) =>
        wrapText(b.description, Math.max(10, width - labelWidth - 2)).map((text, k) => ({
          key: `${scope}-${b.label}-${b.description}-${k}`,
          label: k === 0 ? b.label : '',
          description: text,
        })),
      ),
    ];
  });
}

/** Every key of the app with its description, over the screen it was opened from; Esc or ? closes it. */
export function HelpScreen({ scopes }: { scopes: readonly string[] }) {
  const actions = useActions();
  const { columns } = useTerminalSize();
  const [top, setTop] = useState(0);
  const labelWidth = 12;
  const lines = helpLines(scopes, labelWidth, columns - 1);
  const height = Math.max(2, useBodyRows() - 1);
  const maxTop = Math.max(0, lines.length - height);
  useKeys((input, key) => {
    if (keys.pageDown.matches(input, key)) setTop((t) => Math.min(maxTop, t + height));
    else if (keys.pageUp.matches(input, key)) setTop((t) => Math.max(0, t - height));
    else if (keys.down.matches(input, key)) setTop((t) => Math.min(maxTop, t + 1));
    else if (keys.up.matches(input, key)) setTop((t) => Math.max(0, t - 1));
    else if (keys.back.matches(input, key) || keys.help.matches(input, key) || keys.helpAnywhere.matches(input, key))
      actions.back();
    else if (keys.quit.matches(input, key)) actions.quit();
  });
  return (
    <Frame title="keys" scopes={SCOPES}>
      <Box flexDirection="column">
        {lines.slice(top, top + height).map((line) =>
          'heading' in line ? (
            <Text key={line.key} bold wrap="truncate-end">
              {line.heading}
            </Text>
          ) : (
            <Text key={line.key} wrap="truncate-end">
              {' '}
              <Text color={theme.accent}>{line.label.padEnd(labelWidth)}</Text> {line.description}
            </Text>
          ),
        )}
      </Box>
      <Text dimColor>
        {maxTop === 0
          ? ' '
          : top < maxTop
            ? `↓ ${lines.length - top - height} more (pgdn, ↓/j)`
            : 'end (pgup, ↑/k to go back up)'}
      </Text>
    </Frame>
  );
}

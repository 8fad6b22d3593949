import { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { Frame } from '../../components/frame.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { SCOPE_TITLES, bindingsFor, keys, type KeyScope } from '../../keys/bindings.js';

const ALL_SCOPES = Object.keys(SCOPE_TITLES) as KeyScope[];

/** Every key of the app with its description, the current screen's scopes first. */
export function HelpScreen({ scopes }: { scopes: readonly string[] }) {
  const { rows } = useTerminalSize();
  const [top, setTop] = useState(0);
  useGlobalKeys(['move', 'help', 'global']);
  const ordered = [...ALL_SCOPES.filter((s) => scopes.includes(s)), ...ALL_SCOPES.filter((s) => !scopes.includes(s))];
  const lines = ordered.flatMap((scope) => {
    const bindings = bindingsFor([scope]);
    if (bindings.length === 0) return [];
    return [
      { key: `h-${scope}`, heading: `${SCOPE_TITLES[scope]}${scopes.includes(scope) ? ' (this screen)' : ''}` },
      ...bindings.map((b) => ({ key: `${scope}-${b.label}-${b.description}`, label: b.label, description: b.description })),
    ];
  });
  const height = Math.max(3, rows - 7);
  const maxTop = Math.max(0, lines.length - height);
  useInput((input, key) => {
    if (keys.pageDown.matches(input, key)) setTop((t) => Math.min(maxTop, t + height));
    else if (keys.pageUp.matches(input, key)) setTop((t) => Math.max(0, t - height));
    else if (keys.down.matches(input, key)) setTop((t) => Math.min(maxTop, t + 1));
    else if (keys.up.matches(input, key)) setTop((t) => Math.max(0, t - 1));
  });
  return (
    <Frame title="keys" scopes={['move', 'help', 'global']}>
      <Box flexDirection="column">
        {lines.slice(top, top + height).map((line) =>
          'heading' in line ? (
            <Text key={line.key} bold>
              {line.heading}
            </Text>
          ) : (
            <Text key={line.key}>
              {'  '}
              <Text color="cyan">{line.label.padEnd(10)}</Text> {line.description}
            </Text>
          ),
        )}
      </Box>
      {maxTop > 0 ? <Text dimColor>{top + height < lines.length ? '… more below (pgdn)' : 'end (pgup to go back up)'}</Text> : null}
    </Frame>
  );
}

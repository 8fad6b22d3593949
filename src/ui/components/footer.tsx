import { Box, Text } from 'ink';
import { bindingsFor, type KeyScope } from '../keys/bindings.js';

/** One line of the keys that work on this screen, from the key table. */
export function Footer({ scopes, status }: { scopes: readonly KeyScope[]; status?: string }) {
  const hints = bindingsFor(scopes).filter((b) => b.label !== 'ctrl+c');
  return (
    <Box flexDirection="column">
      {status ? <Text color="yellow">{status}</Text> : null}
      <Text dimColor wrap="truncate-end">
        {hints.map((b) => `${b.label} ${b.description.split(' (')[0]}`).join(' · ')}
      </Text>
    </Box>
  );
}

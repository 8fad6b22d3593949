import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { sanitizeText } from '../../engine/text/sanitize.js';
import { useServices } from '../app-context.js';
import type { KeyScope } from '../keys/bindings.js';
import { Footer } from './footer.js';

/** The chrome of every screen: a title line, the body, the status line and the key hints. */
export function Frame({ title, scopes, children }: { title: string; scopes: readonly KeyScope[]; children: ReactNode }) {
  const { store } = useServices();
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color="cyan">gocoffee-drill</Text>
        <Text dimColor> · </Text>
        <Text bold>{title}</Text>
      </Text>
      <Box flexDirection="column" marginY={1}>
        {children}
      </Box>
      <Footer scopes={scopes} status={store.failure ? `Not saved (${sanitizeText(store.failure)}): kept in memory, retrying` : undefined} />
    </Box>
  );
}

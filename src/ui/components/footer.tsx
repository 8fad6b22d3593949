import { Box, Text } from 'ink';
import { bindingsFor, keys, type KeyBinding, type KeyScope } from '../keys/bindings.js';
import { theme } from '../theme.js';

const SEPARATOR = ' · ';

/**
 * The hints that fit in `width`, the screen's own scopes first (in the order given) and the key
 * help always last: `?` (with ctrl+g where `?` may be typed into an answer).
 */
export function footerHints(scopes: readonly KeyScope[], width: number): string {
  const typing = scopes.includes('typing');
  const help = `${typing ? `${keys.help.label}/${keys.helpAnywhere.label}` : keys.help.label} ${keys.help.hint}`;
  const seen = new Set<KeyBinding>([keys.help]);
  const pieces: string[] = [];
  let used = help.length;
  for (const scope of scopes) {
    for (const binding of bindingsFor([scope])) {
      // While typing, q is a letter and Esc belongs to the screen: only the help key is global then.
      if (!binding.hint || seen.has(binding) || (typing && binding.scope === 'global')) continue;
      seen.add(binding);
      const piece = `${binding.hintKey ?? binding.label} ${binding.hint}`;
      if (used + SEPARATOR.length + piece.length > width) continue;
      pieces.push(piece);
      used += SEPARATOR.length + piece.length;
    }
  }
  return [...pieces, help].join(SEPARATOR);
}

/** The status line (when there is one) and one line of the keys that work on this screen. */
export function Footer({ scopes, status, width }: { scopes: readonly KeyScope[]; status?: string; width: number }) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      {status ? (
        <Text color={theme.warn} wrap="truncate-end">
          {status}
        </Text>
      ) : null}
      <Text dimColor wrap="truncate-end">
        {footerHints(scopes, Math.max(10, width - 1))}
      </Text>
    </Box>
  );
}

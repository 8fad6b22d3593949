import { Text } from 'ink';
import { theme } from '../../theme.js';
import { historyEntries } from '../../../engine/history/entries.js';
import { sanitizeText } from '../../../engine/text/sanitize.js';
import { useServices } from '../../app-context.js';
import { Frame } from '../../components/frame.js';
import { ScrollView } from '../../components/scroll-view.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { entryLines } from './entry-lines.js';

const SCOPES = ['move', 'help', 'global'] as const;

/** One attempt, step review or mock report opened again. */
export function HistoryEntryScreen({ id }: { id: string }) {
  const services = useServices();
  const { rows, columns } = useTerminalSize();
  useGlobalKeys(SCOPES);
  const entry = historyEntries(services.store.data, services.bank().questions).find((e) => e.id === id);
  if (!entry) {
    return (
      <Frame title="history" scopes={SCOPES}>
        <Text color={theme.bad}>No entry {sanitizeText(id)} in the history.</Text>
      </Frame>
    );
  }
  return (
    <Frame title={sanitizeText(entry.title)} scopes={SCOPES}>
      <ScrollView lines={entryLines(entry, Math.max(20, columns - 2))} height={Math.max(4, rows - 6)} arrows />
    </Frame>
  );
}

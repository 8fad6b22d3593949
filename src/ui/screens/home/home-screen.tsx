import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { overallProgress } from '../../../engine/checklist/progress.js';
import { replayCards } from '../../../engine/drill/review/cards.js';
import { dueCounts } from '../../../engine/drill/review/due.js';
import { reviewEvents } from '../../../engine/drill/review/events.js';
import { sanitizeText } from '../../../engine/text/sanitize.js';
import { useActions, useServices } from '../../app-context.js';
import { Frame } from '../../components/frame.js';
import { Menu } from '../../components/menu.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { theme } from '../../theme.js';
import { menuItems } from './menu-items.js';

const SCOPES = ['move', 'list', 'global'] as const;

export function HomeScreen() {
  const { store, checklist, notices, now } = useServices();
  const actions = useActions();
  useGlobalKeys(SCOPES);
  const progress = overallProgress(checklist, store.data.checklist);
  const attempts = store.data.attempts.length;
  // A store written before step reviews existed has none (the section is optional on disk).
  const reviews = store.data.reviews ?? [];
  // Counted over every rated step (the bank is not loaded on the first frame); Review lists those still in the bank.
  const due = useMemo(
    () => dueCounts(replayCards(reviewEvents(store.data.attempts, reviews)).values(), now()).now,
    [store.data.attempts, attempts, reviews, reviews.length, now],
  );
  return (
    <Frame title="home" scopes={SCOPES}>
      <Text>
        System design on <Text bold>Go Coffee</Text>: API gateway → Kafka → consumer → Postgres + Redis.
      </Text>
      <Text dimColor>
        Checklist {progress.done}/{progress.total} done · {attempts} {attempts === 1 ? 'attempt' : 'attempts'} made ·{' '}
        {due} {due === 1 ? 'step' : 'steps'} due for review
      </Text>
      {notices.map((notice) => (
        <Text key={notice} color={theme.warn} wrap="wrap">
          ! {sanitizeText(notice)}
        </Text>
      ))}
      <Box marginTop={1} flexDirection="column">
        <Menu entries={menuItems} memoryKey="home.menu" onPick={(index) => actions.open(menuItems[index].screen)} />
      </Box>
    </Frame>
  );
}

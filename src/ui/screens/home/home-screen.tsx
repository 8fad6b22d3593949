import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { useMemo } from 'react';
import { overallProgress } from '../../../engine/checklist/progress.js';
import { replayCards } from '../../../engine/drill/review/cards.js';
import { dueCounts } from '../../../engine/drill/review/due.js';
import { reviewEvents } from '../../../engine/drill/review/events.js';
import { useActions, useServices } from '../../app-context.js';
import { Frame } from '../../components/frame.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { menuItems } from './menu-items.js';

export function HomeScreen() {
  const { store, checklist, notices, now } = useServices();
  const actions = useActions();
  useGlobalKeys(['move', 'list', 'global']);
  const progress = overallProgress(checklist, store.data.checklist);
  const attempts = store.data.attempts.length;
  // A store written before step reviews existed has none (the section is optional on disk).
  const reviews = store.data.reviews ?? [];
  // Counted over every rated step (the bank is not loaded on the first frame); Review lists those still in the bank.
  const due = useMemo(() => dueCounts(replayCards(reviewEvents(store.data.attempts, reviews)).values(), now()).now, [store.data.attempts, attempts, reviews, reviews.length, now]);
  const items = menuItems.map((item, index) => ({ key: String(index), label: item.label, value: index }));
  return (
    <Frame title="home" scopes={['move', 'list', 'global']}>
      <Text>
        Practise system design on <Text bold>Go Coffee</Text>: API gateway → Kafka → consumer → Postgres + Redis.
      </Text>
      <Text dimColor>
        Checklist {progress.done}/{progress.total} done · {attempts} {attempts === 1 ? 'attempt' : 'attempts'} made · {due} {due === 1 ? 'step' : 'steps'} due for review
      </Text>
      {notices.map((notice) => (
        <Text key={notice} color="yellow" wrap="wrap">
          ! {notice}
        </Text>
      ))}
      <Box marginTop={1} flexDirection="column">
        <SelectInput
          items={items}
          onSelect={(item) => actions.open(menuItems[item.value].screen)}
          itemComponent={({ isSelected, label }) => (
            <Text>
              <Text color={isSelected ? 'cyan' : undefined} bold={isSelected}>
                {label}
              </Text>
              {isSelected ? <Text dimColor> {menuItems.find((m) => m.label === label)?.description}</Text> : null}
            </Text>
          )}
        />
      </Box>
    </Frame>
  );
}

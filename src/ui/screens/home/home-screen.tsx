import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { overallProgress } from '../../../engine/checklist/progress.js';
import { sanitizeText } from '../../../engine/text/sanitize.js';
import { useActions, useServices } from '../../app-context.js';
import { Frame } from '../../components/frame.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { menuItems } from './menu-items.js';

export function HomeScreen() {
  const { store, checklist, notices } = useServices();
  const actions = useActions();
  useGlobalKeys(['move', 'list', 'global']);
  const progress = overallProgress(checklist, store.data.checklist);
  const attempts = store.data.attempts.length;
  const items = menuItems.map((item, index) => ({ key: String(index), label: item.label, value: index }));
  return (
    <Frame title="home" scopes={['move', 'list', 'global']}>
      <Text>
        Practise system design on <Text bold>Go Coffee</Text>: API gateway → Kafka → consumer → Postgres + Redis.
      </Text>
      <Text dimColor>
        Checklist {progress.done}/{progress.total} done · {attempts} {attempts === 1 ? 'attempt' : 'attempts'} made
      </Text>
      {notices.map((notice) => (
        <Text key={notice} color="yellow" wrap="wrap">
          ! {sanitizeText(notice)}
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

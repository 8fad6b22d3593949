import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { overallProgress } from '../../../engine/checklist/progress.js';
import { sanitizeText } from '../../../engine/text/sanitize.js';
import { useActions, useServices } from '../../app-context.js';
import { Frame, useBodyRows } from '../../components/frame.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { Menu } from '../../components/menu.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { theme } from '../../theme.js';
import { menuItems } from './menu-items.js';
import type { Attempt, StepReview } from '../../../store/schema.js';

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
  // The scheduler (ts-fsrs) loads after the first frame: the count joins the line a moment later.
  const due = useDueCount(store.data.attempts, reviews, now);
  const wide = useTerminalSize().columns >= 70;
  // One line each, whatever the width: the menu below is sized to what is left.
  const status = [
    `Checklist ${progress.done}/${progress.total} done`,
    `${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}${wide ? ' made' : ''}`,
    ...(due === undefined ? [] : [`${due} ${due === 1 ? 'step' : 'steps'} due${wide ? ' for review' : ''}`]),
  ].join(' · ');
  const room = useBodyRows() - 2 - notices.length;
  const spaced = room > menuItems.length;
  return (
    <Frame title="home" scopes={SCOPES}>
      <Text wrap="truncate-end">
        System design on <Text bold>Go Coffee</Text>: API gateway → Kafka → consumer → Postgres + Redis.
      </Text>
      <Text dimColor wrap="truncate-end">
        {status}
      </Text>
      {notices.map((notice) => (
        <Text key={notice} color={theme.warn} wrap="wrap">
          ! {sanitizeText(notice)}
        </Text>
      ))}
      <Box marginTop={spaced ? 1 : 0} flexDirection="column">
        <Menu
          entries={menuItems}
          memoryKey="home.menu"
          height={Math.max(3, room - (spaced ? 1 : 0))}
          onPick={(index) => actions.open(menuItems[index].screen)}
        />
      </Box>
    </Frame>
  );
}

/** How many step cards are due now, computed once the scheduler has loaded (undefined until then). */
function useDueCount(
  attempts: readonly Attempt[],
  reviews: readonly StepReview[],
  now: () => Date,
): number | undefined {
  const [due, setDue] = useState<number | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void Promise.all([
      import('../../../engine/drill/review/cards.js'),
      import('../../../engine/drill/review/due.js'),
      import('../../../engine/drill/review/events.js'),
    ]).then(([cards, dueModule, events]) => {
      if (live)
        setDue(dueModule.dueCounts(cards.replayCards(events.reviewEvents(attempts, reviews)).values(), now()).now);
    });
    return () => {
      live = false;
    };
  }, [attempts, attempts.length, reviews, reviews.length, now]);
  return due;
}

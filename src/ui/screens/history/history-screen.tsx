import { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { theme } from '../../theme.js';
import { useKeys } from '../../keys/use-keys.js';
import { historyEntries } from '../../../engine/history/entries.js';
import { sanitizeText } from '../../../engine/text/sanitize.js';
import { useActions, useServices } from '../../app-context.js';
import { Frame } from '../../components/frame.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { useListSnapshot } from '../../hooks/use-list-snapshot.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { keys } from '../../keys/bindings.js';
import { windowStart } from '../checklist/checklist-rows.js';
import type { StepReview } from '../../../store/schema.js';

const SCOPES = ['move', 'history', 'global'] as const;
const NO_REVIEWS: readonly StepReview[] = [];
const KIND: Record<string, string> = { practice: 'practice', mock: 'mock', review: 'review' };

/** Every attempt, step review and mock report, newest first; enter opens one. */
export function HistoryScreen() {
  const services = useServices();
  const actions = useActions();
  const { rows, columns } = useTerminalSize();
  // The store appends in place: snapshots of the lists say when they changed.
  const attempts = useListSnapshot(services.store.data.attempts);
  const reviews = useListSnapshot(services.store.data.reviews ?? NO_REVIEWS);
  const entries = useMemo(
    () => historyEntries({ ...services.store.data, attempts, reviews }, services.bank().questions),
    [services, attempts, reviews],
  );
  const [cursor, setCursor] = useState(0);
  useGlobalKeys(SCOPES);
  useKeys((input, key) => {
    if (keys.up.matches(input, key)) setCursor((c) => Math.max(0, c - 1));
    else if (keys.down.matches(input, key)) setCursor((c) => Math.min(entries.length - 1, c + 1));
    else if (keys.openEntry.matches(input, key) && entries[cursor])
      actions.open({ name: 'history-entry', id: entries[cursor].id });
  });
  // Title, margins, header, footer and a spare line: the frame stays within rows − 1.
  const height = Math.max(3, rows - 7);
  const start = windowStart(entries.length, cursor, height);
  const titleWidth = Math.max(10, columns - 32);
  return (
    <Frame title="history" scopes={SCOPES}>
      {entries.length === 0 ? <Text dimColor>No attempts yet: practise a question and it appears here.</Text> : null}
      {entries.length > 0 ? (
        <Text dimColor>
          {'  when (UTC)       kind     score  question'} · {entries.length}{' '}
          {entries.length === 1 ? 'entry' : 'entries'}
        </Text>
      ) : null}
      <Box flexDirection="column">
        {entries.slice(start, start + height).map((entry, offset) => {
          const selected = start + offset === cursor;
          const kind = entry.kind === 'attempt' ? KIND[entry.mode] : (KIND[entry.kind] ?? entry.kind);
          const title = entry.kind === 'review' ? `step ${entry.steps[0].index + 1} · ${entry.title}` : entry.title;
          // An attempt made only of self-rated cards has no score of its own (its 0 is a placeholder).
          const cardsOnly =
            entry.kind === 'attempt' && entry.steps.length > 0 && entry.steps.every((s) => s.score === undefined);
          return (
            <Text key={entry.id} color={selected ? theme.accent : undefined} wrap="truncate-end">
              {selected ? '❯ ' : '  '}
              {entry.at.slice(0, 16).replace('T', ' ')} {kind.padEnd(8)}{' '}
              {(entry.score === undefined || cardsOnly ? '–' : String(entry.score)).padStart(5)}{' '}
              {sanitizeText(title).slice(0, titleWidth)}
            </Text>
          );
        })}
      </Box>
    </Frame>
  );
}

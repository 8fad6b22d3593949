import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { dueOrder } from '../../../engine/drill/schedule.js';
import { QUESTION_KINDS, TOPICS } from '../../../engine/drill/types.js';
import { useActions, useServices } from '../../app-context.js';
import { Frame, useBodyRows } from '../../components/frame.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { useRemembered } from '../../hooks/use-remembered.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { keys } from '../../keys/bindings.js';
import { useKeys } from '../../keys/use-keys.js';
import { theme } from '../../theme.js';
import { windowStart } from '../checklist/checklist-rows.js';
import { fit, listColumns } from './practice-columns.js';

const SCOPES = ['move', 'list', 'practice', 'global'] as const;
const TOPIC_FILTERS = ['all topics', ...TOPICS] as const;
const KIND_FILTERS = ['all kinds', ...QUESTION_KINDS] as const;

/** The question bank, weak and due first, with filters by topic and kind that last the session. */
export function PracticeListScreen() {
  const services = useServices();
  const actions = useActions();
  const { columns: width } = useTerminalSize();
  const body = useBodyRows();
  const [topic, setTopic] = useRemembered('practice.topic', 0);
  const [kind, setKind] = useRemembered('practice.kind', 0);
  const [cursor, setCursor, getCursor] = useRemembered('practice.cursor', 0);
  const { questions, problems } = services.bank();
  const attempts = services.store.data.attempts;
  const reviews = services.store.data.reviews;
  const drafts = services.store.data.drafts;
  const list = useMemo(() => {
    const filtered = questions.filter(
      (q) => (topic === 0 || q.topic === TOPIC_FILTERS[topic]) && (kind === 0 || q.kind === KIND_FILTERS[kind]),
    );
    return dueOrder(filtered, attempts, services.now().toISOString(), reviews ?? []);
  }, [questions, attempts, reviews, topic, kind, services]);
  useGlobalKeys(SCOPES);
  useKeys((input, key) => {
    if (keys.up.matches(input, key)) setCursor((c) => Math.max(0, c - 1));
    else if (keys.down.matches(input, key)) setCursor((c) => Math.min(list.length - 1, c + 1));
    else if (keys.topicFilter.matches(input, key)) {
      setTopic((t) => (t + 1) % TOPIC_FILTERS.length);
      setCursor(0);
    } else if (keys.kindFilter.matches(input, key)) {
      setKind((k) => (k + 1) % KIND_FILTERS.length);
      setCursor(0);
    } else if (keys.open.matches(input, key) && list[getCursor()])
      actions.open({ name: 'drill', id: list[getCursor()].question.id });
  });
  // Filter line, problems line, blank, heading … legend.
  const height = Math.max(2, body - 4 - (problems.length > 0 ? 1 : 0));
  const at = Math.min(cursor, Math.max(0, list.length - 1));
  const start = windowStart(list.length, at, height);
  const due = list.filter((s) => s.due).length;
  const { columns, titleWidth } = listColumns(width - 1);
  return (
    <Frame title="practice" scopes={SCOPES}>
      <Text wrap="truncate-end">
        <Text color={theme.accent}>{TOPIC_FILTERS[topic]}</Text> ·{' '}
        <Text color={theme.accent}>{KIND_FILTERS[kind]}</Text> · {list.length} questions, {due} due
      </Text>
      {problems.length > 0 ? (
        <Text color={theme.warn} wrap="truncate-end">
          ! {problems.length} file{problems.length === 1 ? '' : 's'} skipped (run gocoffee-drill questions validate DIR
          for details)
        </Text>
      ) : null}
      <Box flexDirection="column" marginTop={1}>
        <Text dimColor wrap="truncate-end">
          {'   ' + fit('question', titleWidth)}
          {columns.map((c) => ` ${fit(c.heading, c.width)}`).join('')}
        </Text>
        {list.length === 0 ? <Text dimColor> Nothing matches these filters (t, f to change them).</Text> : null}
        {list.slice(start, start + height).map((s, offset) => {
          const selected = start + offset === at;
          const mark = drafts[s.question.id] ? '✎' : s.due ? '●' : ' ';
          return (
            <Text key={s.question.id} color={selected ? theme.accent : undefined} wrap="truncate-end">
              {selected ? '❯' : ' '}
              <Text color={s.due ? theme.warn : undefined}>{mark}</Text> {fit(s.question.title, titleWidth)}
              {columns.map((c) => ` ${fit(c.cell(s), c.width, c.heading === 'best')}`).join('')}
            </Text>
          );
        })}
      </Box>
      <Text dimColor wrap="truncate-end">
        {list.length > height ? `${start + 1}–${Math.min(list.length, start + height)} of ${list.length} · ` : ''}● due
        (weak, review or new) · ✎ draft
      </Text>
    </Frame>
  );
}

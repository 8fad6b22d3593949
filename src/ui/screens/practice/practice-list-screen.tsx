import { useMemo, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { dueOrder } from '../../../engine/drill/schedule.js';
import { QUESTION_KINDS, TOPICS } from '../../../engine/drill/types.js';
import { useActions, useServices } from '../../app-context.js';
import { Frame } from '../../components/frame.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { keys } from '../../keys/bindings.js';
import { windowStart } from '../checklist/checklist-rows.js';

const SCOPES = ['move', 'list', 'practice', 'global'] as const;
const TOPIC_FILTERS = ['all topics', ...TOPICS] as const;
const KIND_FILTERS = ['all kinds', ...QUESTION_KINDS] as const;

/** The question bank, what is due first, with filters by topic and kind. */
export function PracticeListScreen() {
  const services = useServices();
  const actions = useActions();
  const { rows: termRows, columns } = useTerminalSize();
  const [topic, setTopic] = useState(0);
  const [kind, setKind] = useState(0);
  const [cursor, setCursor] = useState(0);
  const { questions, problems } = services.bank();
  const attempts = services.store.data.attempts;
  const reviews = services.store.data.reviews ?? [];
  const drafts = services.store.data.drafts;
  const list = useMemo(() => {
    const filtered = questions.filter((q) => (topic === 0 || q.topic === TOPIC_FILTERS[topic]) && (kind === 0 || q.kind === KIND_FILTERS[kind]));
    return dueOrder(filtered, attempts, services.now().toISOString(), reviews);
  }, [questions, attempts, reviews, topic, kind, services]);
  useGlobalKeys(SCOPES);
  useInput((input, key) => {
    if (keys.up.matches(input, key)) setCursor((c) => Math.max(0, c - 1));
    else if (keys.down.matches(input, key)) setCursor((c) => Math.min(list.length - 1, c + 1));
    else if (keys.topicFilter.matches(input, key)) {
      setTopic((t) => (t + 1) % TOPIC_FILTERS.length);
      setCursor(0);
    } else if (keys.kindFilter.matches(input, key)) {
      setKind((k) => (k + 1) % KIND_FILTERS.length);
      setCursor(0);
    } else if (keys.open.matches(input, key) && list[cursor]) actions.open({ name: 'drill', id: list[cursor].question.id });
  });
  const height = Math.max(3, termRows - 10 - (problems.length > 0 ? 1 : 0));
  const start = windowStart(list.length, cursor, height);
  const due = list.filter((s) => s.due).length;
  const titleWidth = Math.max(20, columns - 40);
  return (
    <Frame title="practice" scopes={SCOPES}>
      <Text>
        <Text color="cyan">{TOPIC_FILTERS[topic]}</Text> · <Text color="cyan">{KIND_FILTERS[kind]}</Text> · {list.length} questions, {due} due
      </Text>
      {problems.length > 0 ? (
        <Text color="yellow" wrap="truncate-end">
          ! {problems.length} file{problems.length === 1 ? '' : 's'} skipped (run gocoffee-drill questions validate DIR for details)
        </Text>
      ) : null}
      <Box flexDirection="column" marginTop={1}>
        <Text dimColor>{'   ' + 'question'.padEnd(titleWidth)} {'kind'.padEnd(10)} best  last tried</Text>
        {list.length === 0 ? <Text dimColor>   Nothing matches these filters (t, f to change them).</Text> : null}
        {list.slice(start, start + height).map((s, offset) => {
          const selected = start + offset === cursor;
          const mark = drafts[s.question.id] ? '✎' : s.due ? '●' : ' ';
          return (
            <Text key={s.question.id} color={selected ? 'cyan' : undefined} wrap="truncate-end">
              {selected ? '❯' : ' '}
              <Text color={s.due ? 'yellow' : undefined}>{mark}</Text> {s.question.title.slice(0, titleWidth).padEnd(titleWidth)} {s.question.kind.padEnd(10)}{' '}
              {(s.best === undefined ? '–' : String(s.best)).padStart(4)}  {s.lastTriedAt ? s.lastTriedAt.slice(0, 10) : 'never'} <Text dimColor>{s.reason}</Text>
            </Text>
          );
        })}
      </Box>
      <Text dimColor>● due (new, weak or up for review) · ✎ draft in progress</Text>
    </Frame>
  );
}

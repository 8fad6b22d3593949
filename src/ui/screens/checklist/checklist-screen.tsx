import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { checklistEvidence, EVIDENCE_BAR, type ItemEvidence } from '../../../engine/checklist/evidence.js';
import { overallProgress, progressBar, sectionProgress, toggleTick } from '../../../engine/checklist/progress.js';
import { useActions, useServices } from '../../app-context.js';
import { Frame, useBodyRows } from '../../components/frame.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { useListSnapshot } from '../../hooks/use-list-snapshot.js';
import { useRemembered } from '../../hooks/use-remembered.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { keys } from '../../keys/bindings.js';
import { useKeys } from '../../keys/use-keys.js';
import { theme } from '../../theme.js';
import { wrapText } from '../../../engine/text/wrap.js';
import { checklistRows, windowStart } from './checklist-rows.js';

const SCOPES = ['move', 'checklist', 'global'] as const;

export function ChecklistScreen() {
  const { store, checklist, now, linkedDrills, bank } = useServices();
  const actions = useActions();
  const { columns } = useTerminalSize();
  const body = useBodyRows();
  const rows = useMemo(() => checklistRows(checklist), [checklist]);
  const itemRows = useMemo(() => rows.flatMap((row, index) => (row.type === 'item' ? [index] : [])), [rows]);
  const [cursor, setCursor, getCursor] = useRemembered('checklist.cursor', 0);
  const [noteOpen, setNoteOpen] = useRemembered('checklist.note', false);
  const ticks = store.data.checklist;
  const attempts = useListSnapshot(store.data.attempts);
  const evidence = useMemo(
    () => checklistEvidence(checklist, bank().questions, attempts, store.data),
    [checklist, bank, attempts, store.data],
  );
  useGlobalKeys(SCOPES);
  useKeys((input, key) => {
    if (keys.up.matches(input, key)) setCursor((c) => Math.max(0, c - 1));
    else if (keys.down.matches(input, key)) setCursor((c) => Math.min(itemRows.length - 1, c + 1));
    else if (keys.toggle.matches(input, key)) {
      const row = rows[itemRows[getCursor()]];
      if (row.type === 'item')
        actions.update((data) => {
          data.checklist = toggleTick(data.checklist, row.id, now().toISOString());
        });
    } else if (keys.note.matches(input, key)) setNoteOpen((open) => !open);
  });

  const focusRow = itemRows[cursor];
  const focused = rows[focusRow];
  const item = focused.type === 'item' ? checklist.sections[focused.sectionIndex].items[focused.itemIndex] : undefined;
  const drills = item ? linkedDrills(item.id) : [];
  const drillLine =
    drills.length === 0
      ? 'No drill in the bank links to this item yet.'
      : `Proved by: ${drills
          .slice(0, 4)
          .map((d) => d.title)
          .join('; ')}${drills.length > 4 ? ` (+${drills.length - 4} more)` : ''}`;
  // The note box: a blank line, two border lines, the wrapped note and the drills, which shrink to
  // one line when the list would otherwise keep fewer than three rows.
  const inner = Math.max(10, columns - 4);
  const noteRows = item ? wrapText(item.note, inner).length : 0;
  const drillRows = wrapText(drillLine, inner).length;
  const fullNote = 3 + noteRows + drillRows;
  const drillsCut = noteOpen && body - 2 - fullNote < 3;
  const evidenceLine = item ? evidenceText(evidence[item.id], item.id in ticks) : '';
  const evidenceRows = evidenceLine ? wrapText(evidenceLine, inner).length : 0;
  const noteLines = noteOpen && item ? 3 + noteRows + (drillsCut ? 1 : drillRows) + evidenceRows : 0;
  // The overall bar and a blank line above the rows, and the legend line below.
  const height = Math.max(2, body - 3 - noteLines);
  const start = windowStart(rows.length, focusRow, height);
  const overall = overallProgress(checklist, ticks);

  return (
    <Frame title="completion checklist" scopes={SCOPES}>
      <Text>
        Overall {progressBar(overall, 20)} {overall.done}/{overall.total}
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {rows.slice(start, start + height).map((row, offset) => {
          const section = checklist.sections[row.sectionIndex];
          if (row.type === 'section') {
            const p = sectionProgress(section, ticks);
            return (
              <Text key={`s-${section.id}`} bold wrap="truncate-end">
                {section.title.padEnd(22)} <Text color={theme.good}>{progressBar(p, 10)}</Text> {p.done}/{p.total}
              </Text>
            );
          }
          const it = section.items[row.itemIndex];
          const selected = start + offset === focusRow;
          const ev = evidence[it.id];
          const suggest = ev?.passes && !(it.id in ticks);
          return (
            <Text key={it.id} color={selected ? theme.accent : undefined} wrap="truncate-end">
              {selected ? '❯ ' : '  '}
              {it.id in ticks ? '[x] ' : '[ ] '}
              {it.text}
              {ev?.best ? (
                <Text dimColor={!suggest} color={suggest ? theme.good : undefined}>
                  {' '}
                  {ev.best.score}
                  {suggest ? ' ✦' : ''}
                </Text>
              ) : null}
            </Text>
          );
        })}
      </Box>
      {noteOpen && item ? (
        <Box
          flexDirection="column"
          flexShrink={0}
          marginTop={1}
          borderStyle="round"
          borderColor={theme.muted}
          paddingX={1}
        >
          <Text wrap="wrap">{item.note}</Text>
          <Text dimColor wrap={drillsCut ? 'truncate-end' : 'wrap'}>
            {drillLine}
          </Text>
          <Text color={evidence[item.id]?.passes && !(item.id in ticks) ? theme.good : undefined} wrap="wrap">
            {evidenceLine}
          </Text>
        </Box>
      ) : null}
      <Text dimColor wrap="truncate-end">
        N: best score at a linked drill · ✦ reached {EVIDENCE_BAR}: tick it if you agree (space)
      </Text>
    </Frame>
  );
}

function evidenceText(evidence: ItemEvidence | undefined, ticked: boolean): string {
  if (!evidence || !evidence.best) return 'Evidence: no attempt at a linked drill yet.';
  const counts = [
    `${evidence.attempts} attempt${evidence.attempts === 1 ? '' : 's'}`,
    ...(evidence.mocks > 0 ? [`${evidence.mocks} mock${evidence.mocks === 1 ? '' : 's'}`] : []),
  ].join(', ');
  const best = `best ${evidence.best.score} on ${evidence.best.at.slice(0, 10)} (${evidence.best.title})`;
  const verdict = evidence.passes
    ? ticked
      ? ''
      : ` · passes the bar of ${EVIDENCE_BAR}: tick it if you agree`
    : ` · below the bar of ${EVIDENCE_BAR}`;
  return `Evidence: ${counts} · ${best}${verdict}`;
}

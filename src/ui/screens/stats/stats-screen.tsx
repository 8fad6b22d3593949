import { useMemo } from 'react';
import { Text } from 'ink';
import { theme } from '../../theme.js';
import { progressReport } from '../../../engine/history/progress.js';
import { useServices } from '../../app-context.js';
import { Frame } from '../../components/frame.js';
import { ScrollView } from '../../components/scroll-view.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { statsLines } from './stats-lines.js';

const SCOPES = ['move', 'help', 'global'] as const;

/** Progress at a glance: the summary line, then trends, misses, mock pacing and the checklist. */
export function StatsScreen() {
  const services = useServices();
  const { rows, columns } = useTerminalSize();
  useGlobalKeys(SCOPES);
  const report = useMemo(
    () => progressReport(services.bank().questions, services.checklist, services.store.data, services.now()),
    [services],
  );
  const width = Math.max(30, columns - 2);
  const lines = statsLines(report, width);
  const due = report.due;
  return (
    <Frame title="stats" scopes={SCOPES}>
      <Text wrap="truncate-end">
        <Text bold>{report.attempts}</Text> attempts · streak <Text bold>{report.streakDays}</Text> d ·{' '}
        <Text bold color={due.now > 0 ? theme.warn : undefined}>
          {due.now}
        </Text>{' '}
        due now, {due.week} this week · checklist {report.checklist.done}/{report.checklist.total}
      </Text>
      {/* Title, margins, summary, footer and a spare line: the frame stays within rows − 1. */}
      <ScrollView lines={lines} height={Math.max(4, rows - 7)} arrows />
    </Frame>
  );
}

import { useState } from 'react';
import { Text } from 'ink';
import { reportLines } from '../../../engine/drill/mock/report-text.js';
import { sanitizeDeep, sanitizeText } from '../../../engine/text/sanitize.js';
import { wrapText } from '../../../engine/text/wrap.js';
import type { MockRecord } from '../../../store/schema.js';
import { useKeys } from '../../keys/use-keys.js';
import { useActions, useServices } from '../../app-context.js';
import { theme } from '../../theme.js';
import { Frame } from '../../components/frame.js';
import { ScrollView } from '../../components/scroll-view.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { keys } from '../../keys/bindings.js';
import { exportReport } from './mock-services.js';

/** A mock's report, just finished or from history; `e` writes it as Markdown. */
export function MockReportView({
  record,
  reportPath,
  writeNow = false,
}: {
  record: MockRecord;
  reportPath?: string;
  writeNow?: boolean;
}) {
  const services = useServices();
  const { rows, columns } = useTerminalSize();
  const write = () => {
    try {
      return { text: `Wrote ${exportReport(services, record.report, record.at, reportPath)}`, ok: true };
    } catch (error) {
      return { text: (error as Error).message, ok: false };
    }
  };
  // With --report FILE.md the report is written as soon as the interview ends.
  const [message, setMessage] = useState<{ text: string; ok: boolean } | undefined>(() =>
    writeNow ? write() : undefined,
  );
  useGlobalKeys(['mockReport', 'help', 'global']);
  const actions = useActions();
  useKeys((input, key) => {
    if (keys.reportExport.matches(input, key)) setMessage(write());
    else if (keys.reportPractise.matches(input, key)) {
      const drill = record.report.practiseNext[Number(input) - 1]?.drills[0];
      if (drill && services.bank().questions.some((q) => q.id === drill.id))
        actions.open({ name: 'drill', id: drill.id });
      else setMessage({ text: `No drill suggested as ${input}.`, ok: false });
    }
  });
  const width = Math.max(20, columns - 2);
  // A stored report is read back from the store: sanitized like anything else from a file.
  const lines = reportLines(sanitizeDeep(record.report)).flatMap((line) => {
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    return wrapText(line.trim(), width - indent.length).map((l) => indent + l);
  });
  return (
    <Frame title="mock report" scopes={['mockReport', 'help', 'global']}>
      <Text bold wrap="truncate-end">
        {sanitizeText(record.report.title)}
      </Text>
      <Text dimColor wrap="truncate-end">
        {sanitizeText(`${record.at.slice(0, 16).replace('T', ' ')} · ${record.questionId}`)}
      </Text>
      {message ? (
        <Text color={message.ok ? theme.good : 'red'} wrap="truncate-end">
          {message.text}
        </Text>
      ) : null}
      <ScrollView lines={lines} height={Math.max(3, rows - 8 - (message ? 1 : 0))} arrows />
    </Frame>
  );
}

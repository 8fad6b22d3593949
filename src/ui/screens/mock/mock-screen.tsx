import { useCallback, useEffect, useState } from 'react';
import { Text } from 'ink';
import { mockable } from '../../../engine/drill/mock/generic.js';
import { leastRecentDesignQuestion } from '../../../engine/drill/mock/pick.js';
import { DEFAULT_MINUTES } from '../../../engine/drill/mock/phases.js';
import { startMock, type MockDraft } from '../../../engine/drill/mock/session.js';
import type { Question } from '../../../engine/drill/types.js';
import { sanitizeDeep, sanitizeText } from '../../../engine/text/sanitize.js';
import type { MockRecord } from '../../../store/schema.js';
import { useKeys } from '../../keys/use-keys.js';
import { useActions, useServices } from '../../app-context.js';
import { theme } from '../../theme.js';
import { Frame } from '../../components/frame.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { keys } from '../../keys/bindings.js';
import { MockInterview } from './mock-interview.js';
import { MockReportView } from './mock-report-view.js';
import { gradeFinishedMock } from './mock-services.js';

type Stage =
  | { kind: 'start' }
  | { kind: 'resume'; draft: MockDraft; question: Question }
  | { kind: 'interview'; question: Question; minutes: number; draft?: MockDraft }
  /** `fresh`: the interview just ended (a --report file is written at once). */
  | { kind: 'report'; record: MockRecord; fresh?: boolean };

/** Set when the interview hands over to the help screen, so coming back resumes without asking. */
let returningFromHelp = false;

/**
 * The mock interview: a choice of question and past reports, or straight into a question (from the
 * command line); an interrupted mock is offered back first.
 */
export function MockScreen({ id, minutes, reportPath }: { id?: string; minutes?: number; reportPath?: string }) {
  const services = useServices();
  const questions = services.bank().questions;
  const [stage, setStage] = useState<Stage>(() => {
    // The draft comes back from the store: its answers are sanitized before they reach the screen.
    const stored = services.store.data.mockDraft;
    const draft = stored && sanitizeDeep(stored);
    const drafted = draft && questions.find((q) => q.id === draft.questionId);
    if (draft && drafted) {
      if (returningFromHelp) {
        returningFromHelp = false;
        return { kind: 'interview', question: drafted, minutes: draft.minutes, draft };
      }
      return { kind: 'resume', draft, question: drafted };
    }
    const question = id === undefined ? undefined : questions.find((q) => q.id === id);
    return question ? { kind: 'interview', question, minutes: minutes ?? DEFAULT_MINUTES } : { kind: 'start' };
  });
  const actions = useActions();
  // Once there is a report, coming back to this screen (from a drill or the help) must not start the
  // question again: the entry becomes the plain mock list, where the report is in the history.
  const reporting = stage.kind === 'report';
  useEffect(() => {
    if (reporting && id !== undefined) actions.replace({ name: 'mock', minutes, reportPath });
  }, [reporting, id, minutes, reportPath, actions]);
  const onFinished = useCallback((record: MockRecord) => setStage({ kind: 'report', record, fresh: true }), []);

  switch (stage.kind) {
    case 'start':
      return (
        <StartList
          minutes={minutes ?? DEFAULT_MINUTES}
          onStart={(question, m) => setStage({ kind: 'interview', question, minutes: m })}
          onReport={(record) => setStage({ kind: 'report', record })}
        />
      );
    case 'resume':
      return (
        <ResumePrompt
          draft={stage.draft}
          question={stage.question}
          onResume={() =>
            setStage({ kind: 'interview', question: stage.question, minutes: stage.draft.minutes, draft: stage.draft })
          }
          onFinish={(record) => setStage({ kind: 'report', record })}
        />
      );
    case 'interview': {
      const initial = startMock(stage.question.id, stage.minutes, services.now().getTime(), stage.draft);
      return (
        <MockInterview
          key={`${stage.question.id}-${stage.draft?.savedAt ?? 'new'}`}
          question={stage.question}
          initial={initial}
          onFinished={onFinished}
          onLeave={() => actions.backOr({ name: 'home' })}
          onHelp={() => {
            returningFromHelp = true;
            actions.open({ name: 'help', scopes: ['mock', 'mockIdle'] });
          }}
        />
      );
    }
    case 'report':
      return (
        <MockReportView record={stage.record} reportPath={reportPath} writeNow={Boolean(stage.fresh && reportPath)} />
      );
    default: {
      const unknown: never = stage;
      return unknown;
    }
  }
}

function ResumePrompt({
  draft,
  question,
  onResume,
  onFinish,
}: {
  draft: MockDraft;
  question: Question;
  onResume(): void;
  onFinish(record: MockRecord): void;
}) {
  const services = useServices();
  const actions = useActions();
  useGlobalKeys(['global']);
  useKeys((input) => {
    if (input === 'r') onResume();
    else if (input === 'f') {
      // Ending it keeps every answer: the mock is graded as it stands and goes into the history.
      const at = services.now().toISOString();
      const answers = {
        phases: draft.answers.map((answer, i) => ({ answer, seconds: Math.round((draft.usedMs[i] ?? 0) / 1000) })),
      };
      const record: MockRecord = {
        questionId: question.id,
        at,
        minutes: draft.minutes,
        report: gradeFinishedMock(services, question, draft.minutes, answers),
      };
      actions.update((data) => {
        data.mocks.push(record);
        delete data.mockDraft;
      });
      onFinish(record);
    }
  });
  const used = Math.round(draft.usedMs.reduce((a, b) => a + b, 0) / 60_000);
  return (
    <Frame title="mock interview" scopes={['global']}>
      <Text color={theme.warn} bold>
        An interrupted mock is waiting: {question.title}
      </Text>
      <Text>
        Phase {draft.phase + 1}/6 · {used} of {draft.minutes} min used · saved{' '}
        {draft.savedAt.slice(0, 19).replace('T', ' ')}
      </Text>
      <Text> </Text>
      <Text>r resume where it was (the clock starts paused; p to go on)</Text>
      <Text>f finish it now and see the report (kept in your history)</Text>
    </Frame>
  );
}

function StartList({
  minutes,
  onStart,
  onReport,
}: {
  minutes: number;
  onStart(question: Question, minutes: number): void;
  onReport(record: MockRecord): void;
}) {
  const services = useServices();
  const { rows } = useTerminalSize();
  const [selected, setSelected] = useState(0);
  const data = services.store.data;
  const questions = services.bank().questions;
  const history = [
    ...data.attempts.map((a) => ({ questionId: a.questionId, at: a.at })),
    ...data.mocks.map((m) => ({ questionId: m.questionId, at: m.at })),
  ];
  const first = leastRecentDesignQuestion(questions, history);
  const ordered = first ? [first, ...mockable(questions).filter((q) => q.id !== first.id)] : [];
  const items = [
    ...ordered.map((q) => ({ label: `Start: ${q.title}`, run: () => onStart(q, minutes) })),
    ...data.mocks
      .filter(isRecord)
      .reverse()
      .map((m) => ({
        label: sanitizeText(
          `Report: ${m.at.slice(0, 16).replace('T', ' ')} · ${m.report.score} ${m.report.band} · ${m.report.title}`,
        ),
        run: () => onReport(m),
      })),
  ];
  useGlobalKeys(['move', 'list', 'global']);
  useKeys((input, key) => {
    if (keys.up.matches(input, key)) setSelected((s) => Math.max(0, s - 1));
    else if (keys.down.matches(input, key)) setSelected((s) => Math.min(items.length - 1, s + 1));
    else if (keys.open.matches(input, key)) items[selected]?.run();
  });
  const height = Math.max(3, rows - 9);
  const top = Math.max(0, Math.min(selected - height + 1, items.length - height));
  return (
    <Frame title="mock interview" scopes={['move', 'list', 'global']}>
      <Text wrap="truncate-end">
        {minutes} minutes in six timed phases, a curveball at the end, a report with a band.
      </Text>
      <Text dimColor wrap="truncate-end">
        First: the design question you practised least recently. Past mocks below.
      </Text>
      <Text> </Text>
      {items.length === 0 ? <Text color={theme.warn}>No design questions in the bank.</Text> : null}
      {items.slice(top, top + height).map((item, k) => (
        <Text key={item.label} color={top + k === selected ? 'cyan' : undefined} wrap="truncate-end">
          {top + k === selected ? '❯ ' : '  '}
          {item.label}
        </Text>
      ))}
    </Frame>
  );
}

/** A stored mock the list can show; anything else stays in the store untouched, but is not listed. */
function isRecord(m: unknown): m is MockRecord {
  const r = m as MockRecord | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.at === 'string' &&
    typeof r.report === 'object' &&
    r.report !== null &&
    Array.isArray(r.report.phases) &&
    typeof r.report.title === 'string'
  );
}

import { useCallback, useEffect, useReducer, useState } from 'react';
import { Box, Text } from 'ink';
import { mockSpecFor } from '../../../engine/drill/mock/generic.js';
import { PHASES } from '../../../engine/drill/mock/phases.js';
import {
  mockHasProgress,
  mockReducer,
  toMockAnswers,
  toMockDraft,
  type MockState,
} from '../../../engine/drill/mock/session.js';
import type { Question } from '../../../engine/drill/types.js';
import type { MockRecord } from '../../../store/schema.js';
import { useKeys } from '../../keys/use-keys.js';
import { useActions, useServices } from '../../app-context.js';
import { theme } from '../../theme.js';
import { Frame } from '../../components/frame.js';
import { ScrollView } from '../../components/scroll-view.js';
import { TextArea } from '../../components/text-area/text-area.js';
import {
  textAreaReducer,
  type TextAreaAction,
  type TextAreaState,
} from '../../components/text-area/text-area-state.js';
import { useLatest } from '../../hooks/use-latest.js';
import { useMarkdown } from '../../hooks/use-markdown.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { keys } from '../../keys/bindings.js';
import { textAction } from './answer-keys.js';
import { ClockLine } from './clock-line.js';
import { phasePrompt } from './phase-prompt.js';
import { gradeFinishedMock } from './mock-services.js';

/** How often the clock counts and the draft is saved. */
const TICK_MS = 250;
export const AUTOSAVE_MS = 3000;

export interface MockInterviewProps {
  question: Question;
  initial: MockState;
  onFinished(record: MockRecord): void;
  /** Leave the screen (the draft is saved first). */
  onLeave(): void;
  /** Open the key help (the draft is saved first; coming back resumes it). */
  onHelp(): void;
}

/** The interview itself: six timed phases, a prompt and an answer each. */
export function MockInterview({ question, initial, onFinished, onLeave, onHelp }: MockInterviewProps) {
  const services = useServices();
  const actions = useActions();
  const { rows, columns } = useTerminalSize();
  const [state, dispatch] = useReducer(mockReducer, initial);
  const [writing, setWriting] = useState(!initial.clock.paused);
  const [text, setText] = useState<TextAreaState & { phase: number }>(() => fieldFor(initial));
  const latestRef = useLatest(state);
  const now = useCallback(() => services.now().getTime(), [services]);
  const phase = state.clock.phase;
  const spec = mockSpecFor(question);

  const saveDraft = useCallback(() => {
    const s = latestRef.current;
    if (!mockHasProgress(s)) return;
    const at = services.now();
    actions.update((data) => void (data.mockDraft = toMockDraft(s, at.toISOString(), at.getTime())));
  }, [services, actions, latestRef]);
  useEffect(() => actions.onExit(saveDraft), [actions, saveDraft]);

  useEffect(() => {
    const tick = setInterval(() => dispatch({ type: 'tick', at: now() }), TICK_MS);
    const autosave = setInterval(saveDraft, AUTOSAVE_MS);
    return () => {
      clearInterval(tick);
      clearInterval(autosave);
    };
  }, [now, saveDraft]);

  // The end, by the last phase or by the clock: grade, record, and hand over the report.
  const ended = state.clock.ended;
  useEffect(() => {
    if (!ended) return;
    const s = latestRef.current;
    const at = services.now().toISOString();
    const report = gradeFinishedMock(services, question, s.minutes, toMockAnswers(s));
    const record: MockRecord = { questionId: question.id, at, minutes: s.minutes, report };
    actions.update((data) => {
      data.mocks.push(record);
      delete data.mockDraft;
    });
    onFinished(record);
  }, [ended, services, actions, question, onFinished, latestRef]);

  // The field belongs to one phase; a new phase shows its own answer. Derived, not reset by an
  // effect (which would set state after the render that showed the old phase's text).
  const shownText = text.phase === phase ? text : fieldFor(state);
  const typeText = (action: TextAreaAction) => {
    setText((held) => {
      const current = held.phase === latestRef.current.clock.phase ? held : fieldFor(latestRef.current);
      const next = { ...textAreaReducer(current, action), phase: current.phase };
      if (next.value !== current.value) dispatch({ type: 'set-answer', text: next.value });
      return next;
    });
  };

  const paused = state.clock.paused;
  // One handler reads the mode from a ref: keys that arrive in one chunk (esc then p) see each other's effect.
  const modeRef = useLatest(writing);
  const setMode = (value: boolean) => {
    modeRef.current = value;
    setWriting(value);
  };
  useKeys(
    (input, key) => {
      const s = latestRef.current;
      if (modeRef.current && !s.clock.paused) {
        if (keys.mockNextPhase.matches(input, key)) dispatch({ type: 'next-phase', at: now() });
        else if (keys.mockPauseWriting.matches(input, key)) {
          dispatch({ type: 'pause', at: now() });
          setMode(false);
        } else if (keys.mockStopWriting.matches(input, key)) setMode(false);
        else {
          const action = textAction(input, key);
          if (action) typeText(action);
        }
        return;
      }
      if (keys.mockPause.matches(input, key)) dispatch({ type: 'toggle-pause', at: now() });
      else if (keys.mockLeave.matches(input, key)) {
        saveDraft();
        onLeave();
      } else if (keys.quit.matches(input, key)) actions.quit();
      else if (keys.help.matches(input, key)) {
        dispatch({ type: 'pause', at: now() });
        saveDraft();
        onHelp();
      } else if (s.clock.paused) return;
      else if (keys.mockWrite.matches(input, key)) setMode(true);
      else if (keys.mockNext.matches(input, key)) dispatch({ type: 'next-phase', at: now() });
    },
    { isActive: !ended },
  );

  const width = Math.max(20, columns - 2);
  const promptLines = useMarkdown(phasePrompt(spec, question, phase), width);
  const answerHeight = Math.min(8, Math.max(2, Math.floor(rows / 4)));
  // Frame title, margins, footer, question title, phase header and clock: the rest is the prompt.
  const promptHeight = Math.max(2, rows - 1 - 7 - (answerHeight + 2));
  const scopes = writing && !paused ? (['mock'] as const) : (['mockIdle', 'global'] as const);

  return (
    <Frame title="mock interview" scopes={scopes}>
      <Text wrap="truncate-end">{question.title}</Text>
      <Text bold wrap="truncate-end">
        Phase {phase + 1}/{PHASES.length} · {PHASES[phase].title}
        {state.resumedFrom ? <Text dimColor> · resumed</Text> : null}
      </Text>
      <ClockLine state={state.clock} />
      {paused ? (
        <Box flexDirection="column" height={promptHeight + answerHeight + 2}>
          <Text color={theme.note} bold>
            Paused: the clock is stopped and your answer is hidden.
          </Text>
          <Text dimColor>p resumes · esc leaves (the mock is saved and offered back)</Text>
        </Box>
      ) : (
        <>
          <ScrollView lines={promptLines} height={promptHeight} isActive={!writing} />
          <TextArea
            state={shownText}
            dispatch={typeText}
            width={width}
            height={answerHeight}
            isActive={writing && !ended}
            listens={false}
            placeholder={
              writing ? 'Answer as you would aloud (ctrl+d: next phase)' : 'enter to write · p pause · n next phase'
            }
          />
        </>
      )}
    </Frame>
  );
}

/** The answer field as a phase starts: that phase's answer, the cursor at its end. */
function fieldFor(state: MockState): TextAreaState & { phase: number } {
  const value = state.answers[state.clock.phase];
  return { value, cursor: value.length, phase: state.clock.phase };
}

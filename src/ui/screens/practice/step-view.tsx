import { useState } from 'react';
import { Box, Text } from 'ink';
import type { DrillState } from '../../../engine/drill/session.js';
import { wrapText } from '../../../engine/text/wrap.js';
import { useActions } from '../../app-context.js';
import { Frame, useBodyRows } from '../../components/frame.js';
import { ScrollView } from '../../components/scroll-view.js';
import { TextArea } from '../../components/text-area/text-area.js';
import type { TextAreaAction, TextAreaState } from '../../components/text-area/text-area-state.js';
import { useLatest } from '../../hooks/use-latest.js';
import { useMarkdown } from '../../hooks/use-markdown.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { keys, type KeyScope } from '../../keys/bindings.js';
import { useKeys } from '../../keys/use-keys.js';
import { theme } from '../../theme.js';
import { questionMarkdown } from './question-text.js';
import { StepClock } from './step-clock.js';

export interface StepViewProps {
  state: DrillState;
  text: TextAreaState;
  onText(action: TextAreaAction): void;
  onChoose(index: number): void;
  onReveal(): void;
  message?: string;
  /** Key scopes for the footer when the step is not part of a drill (a review step); default the drill's. */
  scopes?: KeyScope[];
}

/** Where a choice step's cursor starts: on the option chosen before (going back), else the first. */
function firstChoice(state: DrillState): number {
  const chosen = Number.parseInt(state.answers[state.stepIndex], 10);
  const count = state.question.steps[state.stepIndex].choices?.length ?? 0;
  return Number.isInteger(chosen) && chosen >= 0 && chosen < count ? chosen : 0;
}

/** One step of a drill: the question, the step's prompt and hints, and the answer field. */
export function StepView({ state, text, onText, onChoose, onReveal, message, scopes: scopesFor }: StepViewProps) {
  const actions = useActions();
  const { columns } = useTerminalSize();
  const body = useBodyRows();
  const width = Math.max(20, columns - 2);
  const q = state.question;
  const step = q.steps[state.stepIndex];
  // Each step has its own cursor: the one left on option 3 of the last step does not carry over.
  const [cursor, setCursor] = useState({ step: -1, index: 0 });
  const choice = cursor.step === state.stepIndex ? cursor.index : firstChoice(state);
  const choiceRef = useLatest(choice);
  const promptLines = useMarkdown(questionMarkdown(q), width);
  const revealed = state.revealed[state.stepIndex];
  const modelLines = useMarkdown(step.model, width);
  const typed = step.form === 'text' || step.form === 'estimate';
  const scopes: KeyScope[] =
    scopesFor ?? (typed ? ['drill', 'typing', 'global'] : ['move', 'choice', 'drill', 'global']);

  useKeys(
    (input, key) => {
      // Nothing is typed on a choice or a card, so ? is free for the help here.
      if (keys.help.matches(input, key)) return actions.open({ name: 'help', scopes });
      if (step.form === 'choice') {
        const count = step.choices?.length ?? 1;
        const move = (by: number) => {
          choiceRef.current = Math.min(count - 1, Math.max(0, choiceRef.current + by));
          setCursor({ step: state.stepIndex, index: choiceRef.current });
        };
        if (keys.up.matches(input, key)) move(-1);
        else if (keys.down.matches(input, key)) move(1);
        else if (keys.choose.matches(input, key)) onChoose(choiceRef.current);
      } else if (step.form === 'card' && keys.choose.matches(input, key)) onReveal();
    },
    { isActive: !typed },
  );

  const stepPrompt = useMarkdown(step.prompt.trim(), width).slice(0, 4);
  const choiceLines = (step.choices ?? []).map((c) => wrapText(c, width - 2));
  const hints = step.hints
    .slice(0, state.hintsShown[state.stepIndex])
    .flatMap((h, k) => wrapText(`Hint ${k + 1}: ${h}`, width))
    .slice(-3);
  // The answer box takes a sixth of the body (3 to 8 rows of text): the question, often a code
  // excerpt, needs the rest to be read without paging through it a few lines at a time.
  const textRows = Math.min(8, Math.max(body < 16 ? 2 : 3, Math.floor(body / 6)));
  const inputLines =
    step.form === 'estimate'
      ? 3
      : step.form === 'text'
        ? textRows + 2
        : step.form === 'choice'
          ? choiceLines.reduce((n, lines) => n + lines.length, 0)
          : revealed
            ? Math.min(8, modelLines.length)
            : 1;
  // The clock line, the step title, its prompt, hints, a message and the answer.
  const fixed = 2 + stepPrompt.length + hints.length + (message ? 1 : 0) + inputLines;
  const promptHeight = Math.max(3, body - fixed);

  return (
    <Frame title={q.title} scopes={scopes}>
      <StepClock state={state} />
      <ScrollView lines={promptLines} height={promptHeight} width={width} memoryKey={`drill.${q.id}.prompt`} />
      <Text bold color={theme.accent} wrap="truncate-end">
        {step.title}
      </Text>
      {stepPrompt.map((line, k) => (
        <Text key={`p${k}`} wrap="truncate-end">
          {line}
        </Text>
      ))}
      {hints.map((line, k) => (
        <Text key={`h${k}`} color={theme.warn} wrap="truncate-end">
          {line}
        </Text>
      ))}
      {message ? (
        <Text color={theme.note} wrap="truncate-end">
          {message}
        </Text>
      ) : null}
      {typed ? (
        <TextArea
          state={text}
          dispatch={onText}
          width={width}
          height={inputLines - 2}
          isActive
          onHelp={() => actions.open({ name: 'help', scopes })}
          placeholder={
            step.form === 'estimate'
              ? 'Your figure, e.g. 3k or 20TB (ctrl+d when done; ? for keys)'
              : 'Type your answer (ctrl+d when done; ? for keys)'
          }
        />
      ) : step.form === 'choice' ? (
        <Box flexDirection="column">
          {choiceLines.map((lines, k) =>
            lines.map((line, n) => (
              <Text key={`${k}-${n}`} color={k === choice ? theme.accent : undefined}>
                {n > 0 ? '  ' : k === choice ? '❯ ' : '  '}
                {line}
              </Text>
            )),
          )}
        </Box>
      ) : revealed ? (
        <ScrollView lines={modelLines} height={inputLines} isActive={false} />
      ) : (
        <Text dimColor wrap="truncate-end">
          Answer in your head, then press enter to reveal; ctrl+d moves on.
        </Text>
      )}
    </Frame>
  );
}

import { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import type { DrillState } from '../../../engine/drill/session.js';
import { wrapText } from '../../../engine/text/wrap.js';
import { Frame } from '../../components/frame.js';
import { ScrollView } from '../../components/scroll-view.js';
import { TextArea } from '../../components/text-area/text-area.js';
import type { TextAreaAction, TextAreaState } from '../../components/text-area/text-area-state.js';
import { useServices } from '../../app-context.js';
import { useMarkdown } from '../../hooks/use-markdown.js';
import { clock, useNow } from '../../hooks/use-now.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { keys, type KeyScope } from '../../keys/bindings.js';
import { elapsedMs } from '../../../engine/drill/session.js';
import { questionMarkdown } from './question-text.js';

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

/** One step of a drill: the question, the step's prompt and hints, and the answer field. */
export function StepView({ state, text, onText, onChoose, onReveal, message, scopes: scopesFor }: StepViewProps) {
  const services = useServices();
  const { rows, columns } = useTerminalSize();
  const width = Math.max(20, columns - 2);
  const q = state.question;
  const step = q.steps[state.stepIndex];
  const [choice, setChoice] = useState(0);
  const nowMs = useNow(services.now, 1000, true);
  const promptLines = useMarkdown(questionMarkdown(q), width);
  const revealed = state.revealed[state.stepIndex];
  const modelLines = useMarkdown(step.model, width);

  useInput(
    (input, key) => {
      if (step.form === 'choice') {
        if (keys.up.matches(input, key)) setChoice((c) => Math.max(0, c - 1));
        else if (keys.down.matches(input, key)) setChoice((c) => Math.min((step.choices?.length ?? 1) - 1, c + 1));
        else if (keys.choose.matches(input, key)) onChoose(choice);
      } else if (step.form === 'card' && keys.choose.matches(input, key)) onReveal();
    },
    { isActive: step.form !== 'text' && step.form !== 'estimate' },
  );

  const stepPrompt = useMarkdown(step.prompt.trim(), width).slice(0, 3);
  const choiceLines = (step.choices ?? []).map((c) => wrapText(c, width - 2));
  const hints = step.hints.slice(0, state.hintsShown[state.stepIndex]).flatMap((h, k) => wrapText(`Hint ${k + 1}: ${h}`, width));
  const inputLines =
    step.form === 'estimate' ? 3 : step.form === 'text' ? Math.min(10, Math.max(5, Math.floor(rows / 3))) : step.form === 'choice' ? choiceLines.reduce((n, lines) => n + lines.length, 0) : revealed ? Math.min(8, modelLines.length) : 1;
  // Title, margins, footer, header, step title and a spare line: keep the frame within rows − 1.
  const fixed = 9 + stepPrompt.length + Math.min(3, hints.length) + (message ? 1 : 0) + inputLines;
  const promptHeight = Math.max(3, rows - fixed);
  const typed = step.form === 'text' || step.form === 'estimate';
  const scopes: KeyScope[] = scopesFor ?? (typed ? ['drill'] : ['move', 'choice', 'drill']);
  const minutes = q.minutes * 60_000;
  const elapsed = elapsedMs(state, nowMs);

  return (
    <Frame title={q.title} scopes={scopes}>
      <Text wrap="truncate-end">
        <Text bold>
          Step {state.stepIndex + 1}/{q.steps.length}
        </Text>
        <Text dimColor> · </Text>
        <Text color={elapsed > minutes ? 'red' : 'green'}>
          {clock(elapsed)} / {clock(minutes)}
        </Text>
        <Text dimColor> · hints used {state.hintsShown.reduce((a, b) => a + b, 0)}</Text>
      </Text>
      <ScrollView lines={promptLines} height={promptHeight} />
      <Text bold color="cyan" wrap="truncate-end">
        {step.title}
      </Text>
      {stepPrompt.map((line, k) => (
        <Text key={`p${k}`}>{line}</Text>
      ))}
      {hints.slice(-3).map((line, k) => (
        <Text key={`h${k}`} color="yellow">
          {line}
        </Text>
      ))}
      {message ? <Text color="magenta">{message}</Text> : null}
      {typed ? (
        <TextArea state={text} dispatch={onText} width={width} height={inputLines - 2} isActive placeholder={step.form === 'estimate' ? 'Your figure, e.g. 3k or 20TB (ctrl+d when done)' : 'Type your answer (Enter for a new line, ctrl+d when done)'} />
      ) : step.form === 'choice' ? (
        <Box flexDirection="column">
          {choiceLines.map((lines, k) =>
            lines.map((line, n) => (
              <Text key={`${k}-${n}`} color={k === choice ? 'cyan' : undefined}>
                {n > 0 ? '  ' : k === choice ? '❯ ' : '  '}
                {line}
              </Text>
            )),
          )}
        </Box>
      ) : revealed ? (
        <ScrollView lines={modelLines} height={inputLines} isActive={false} />
      ) : (
        <Text dimColor>Answer in your head, then press enter to reveal; ctrl+d moves on.</Text>
      )}
    </Frame>
  );
}

import { Text } from 'ink';
import type { AttemptSimulation } from '../../../engine/drill/attempt.js';
import type { DrillState } from '../../../engine/drill/session.js';
import { simulationLines } from '../simulate/simulation-lines.js';
import { useActions, useServices } from '../../app-context.js';
import { Frame } from '../../components/frame.js';
import { ScrollView } from '../../components/scroll-view.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { keys } from '../../keys/bindings.js';
import { useKeys } from '../../keys/use-keys.js';
import { theme } from '../../theme.js';
import { markdownLines } from '../../markdown.js';
import { useMarkdown } from '../../hooks/use-markdown.js';
import { clock } from '../../hooks/use-now.js';
import { reviewLines } from './review-lines.js';

/** The review after the last step: what was hit and missed, model answers, then the rating. */
export function ReviewView({ state, simulation }: { state: DrillState; simulation?: AttemptSimulation }) {
  const services = useServices();
  const actions = useActions();
  const { rows, columns } = useTerminalSize();
  const width = Math.max(20, columns - 2);
  useMarkdown('', width); // loads the renderer if a drill had no Markdown yet
  const lines = [
    ...(simulation ? simulationLines(simulation) : []),
    ...reviewLines(state, width, (text) => markdownLines(text, width - 4)),
  ];
  const saved = state.phase === 'saved';
  useGlobalKeys(['global'], { isActive: saved });
  useKeys((input, key) => {
    if (saved && keys.open.matches(input, key)) actions.backOr({ name: 'practice' });
    else if (!saved && keys.help.matches(input, key))
      actions.open({ name: 'help', scopes: ['move', 'review', 'help'] });
  });
  const hints = state.hintsShown.reduce((a, b) => a + b, 0);
  const total = state.stepMs.reduce((a, b) => a + b, 0);
  return (
    <Frame title={`review · ${state.question.title}`} scopes={saved ? ['global'] : ['move', 'review', 'help']}>
      <Text>
        <Text bold color={state.overall >= 80 ? theme.good : state.overall >= 60 ? theme.warn : theme.bad}>
          Overall {state.overall}/100
        </Text>
        <Text dimColor>
          {' '}
          · time {clock(total)} of {state.question.minutes} min suggested · hints {hints}
        </Text>
      </Text>
      <ScrollView lines={lines} height={Math.max(4, rows - 9)} arrows />
      {saved && !services.store.lastError ? (
        <Text color={theme.good}>Saved ({state.rating}). Enter returns to the list.</Text>
      ) : saved ? (
        <Text color={theme.bad} wrap="wrap">
          Not saved yet ({state.rating}): kept in memory and retried every few seconds. Enter returns to the list.
        </Text>
      ) : (
        <Text bold>Rate yourself: 1 again · 2 hard · 3 good · 4 easy</Text>
      )}
    </Frame>
  );
}

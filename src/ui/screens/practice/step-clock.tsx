import { Text } from 'ink';
import { elapsedMs, type DrillState } from '../../../engine/drill/session.js';
import { useServices } from '../../app-context.js';
import { clock, useNow } from '../../hooks/use-now.js';
import { theme } from '../../theme.js';

/**
 * The step line with its running clock. Its own component, so the tick each second renders this
 * line alone; with Ink's incremental output only this line is rewritten on the terminal.
 */
export function StepClock({ state }: { state: DrillState }) {
  const services = useServices();
  const nowMs = useNow(services.now, 1000, true);
  const minutes = state.question.minutes * 60_000;
  const elapsed = elapsedMs(state, nowMs);
  return (
    <Text wrap="truncate-end">
      <Text bold>
        Step {state.stepIndex + 1}/{state.question.steps.length}
      </Text>
      <Text dimColor> · </Text>
      <Text color={elapsed > minutes ? theme.bad : theme.good}>
        {clock(elapsed)} / {clock(minutes)}
      </Text>
      <Text dimColor> · hints used {state.hintsShown.reduce((a, b) => a + b, 0)}</Text>
    </Text>
  );
}

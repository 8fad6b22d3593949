import { Text } from 'ink';
import { theme } from '../../theme.js';
import {
  clockWarning,
  overBudget,
  phaseLeftMs,
  totalLeftMs,
  totalMs,
  type ClockState,
} from '../../../engine/drill/mock/clock.js';
import { clock } from '../../hooks/use-now.js';

/**
 * The countdowns, always on screen: the phase's and the interview's. Only this line changes from
 * second to second, so (with Ink's incremental rendering) only this line is rewritten.
 */
export function ClockLine({ state }: { state: ClockState }) {
  const left = phaseLeftMs(state);
  const warning = clockWarning(state);
  const overruns = overBudget(state).filter(Boolean).length;
  const color = warning === 'phase-over' ? theme.bad : warning ? theme.warn : 'green';
  const budget = state.budgets[state.phase];
  return (
    <Text wrap="truncate-end">
      <Text color={color} bold>
        {left >= 0
          ? `Phase ${clock(ceilSecond(left))} left of ${clock(budget)}`
          : `Phase over by ${clock(-left)} (counted)`}
      </Text>
      <Text dimColor> · </Text>
      <Text color={totalLeftMs(state) <= 60_000 ? theme.warn : undefined}>
        Total {clock(ceilSecond(totalLeftMs(state)))} of {clock(totalMs(state))}
      </Text>
      {state.paused ? <Text color={theme.note}> · PAUSED</Text> : null}
      {warning === 'phase-last-minute' ? <Text color={theme.warn}> · 1 min left</Text> : null}
      {warning === 'total-last-minute' ? <Text color={theme.warn}> · last minute of the interview</Text> : null}
      {overruns > 0 ? <Text color={theme.bad}> · over-runs {overruns}</Text> : null}
    </Text>
  );
}

/** A countdown shows 5:00 until a whole second has gone, as a kitchen timer does. */
function ceilSecond(ms: number): number {
  return Math.ceil(ms / 1000) * 1000;
}

import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { useActions } from '../../app-context.js';
import { Frame, useBodyRows } from '../../components/frame.js';
import { ScrollView } from '../../components/scroll-view.js';
import { useRemembered } from '../../hooks/use-remembered.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { keys } from '../../keys/bindings.js';
import { useKeys } from '../../keys/use-keys.js';
import { theme } from '../../theme.js';
import { formatStepValue } from '../../../engine/capacity/grade.js';
import { windowStart } from '../checklist/checklist-rows.js';
import { FIELDS, calculatorReducer, evaluate, initialCalculator, type CalculatorAction } from './calculator-state.js';
import { PRESETS } from './presets.js';

// No 'global': q is typed into a field here, so the footer must not offer it.
const SCOPES = ['calculator', 'help'] as const;
/** Below this width the derivation goes under the fields instead of beside them. */
const SIDE_BY_SIDE = 78;

/** Capacity calculator: inputs edited in place, the derivation recomputed beside (or under) them. */
export function CalculatorScreen() {
  const actions = useActions();
  const { columns } = useTerminalSize();
  const body = useBodyRows();
  // Remembered, so the figures are still there after a trip to the menu.
  const [state, setState] = useRemembered('calculator', initialCalculator());
  const dispatch = (action: CalculatorAction) => setState((current) => calculatorReducer(current, action));
  const { errors, estimate, combined } = useMemo(() => evaluate(state.values), [state.values]);
  // `?` is never part of a number or unit, so it opens the help even here, where letters are typed.
  useKeys((input, key) => {
    // Opened by `gocoffee-drill estimate`, the calculator is the first screen: Esc goes to the menu,
    // where q quits (here q is a letter for a field).
    if (keys.leaveCalculator.matches(input, key)) actions.backOr({ name: 'home' });
    else if (keys.interrupt.matches(input, key)) return;
    else if (keys.help.matches(input, key) || keys.helpAnywhere.matches(input, key))
      actions.open({ name: 'help', scopes: SCOPES });
    else if (keys.nextPreset.matches(input, key)) dispatch({ type: 'next-preset' });
    else if (keys.clearField.matches(input, key)) dispatch({ type: 'clear-field' });
    else if (keys.previousField.matches(input, key)) dispatch({ type: 'previous-field' });
    else if (keys.nextField.matches(input, key)) dispatch({ type: 'next-field' });
    else if (keys.fieldDeleteBack.matches(input, key)) dispatch({ type: 'delete-back' });
    else if (keys.fieldType.matches(input, key)) dispatch({ type: 'type', text: input });
  });
  const wide = columns >= SIDE_BY_SIDE;
  const unitsLine = body >= 16;
  const room = body - 2 - (unitsLine ? 1 : 0);
  const fieldRows = wide ? room : Math.max(3, Math.ceil(room / 2));
  const stepRows = wide ? room : Math.max(2, room - fieldRows);
  const leftWidth = wide ? 38 : columns - 1;
  const labelWidth = wide ? 25 : Math.min(25, Math.max(16, columns - 30));
  const start = windowStart(FIELDS.length, state.focus, fieldRows);
  const focusName = FIELDS[state.focus][0];
  const stepLines = estimate.steps.map((s) => `${s.label}: ${formatStepValue(s.value, s.unit)}`);
  const problem = errors[focusName] ?? combined;
  const steps =
    stepLines.length === 0 ? (
      <Text dimColor wrap="truncate-end">
        Give users and requests (or req/s), or an availability target.
      </Text>
    ) : (
      <ScrollView lines={stepLines} height={stepRows} />
    );
  return (
    <Frame title="capacity calculator" scopes={SCOPES}>
      <Text wrap="truncate-end">
        Preset <Text color={theme.accent}>{PRESETS[state.preset].name}</Text>
        <Text dimColor>
          {' '}
          (ctrl+p: next) · field {state.focus + 1}/{FIELDS.length}
        </Text>
      </Text>
      {unitsLine ? (
        <Text dimColor wrap="truncate-end">
          units: 1.5k 10M · 1KB 1KiB 1Mb(bits) · 250ms 30d 1y · 99.9 or 0.999
        </Text>
      ) : null}
      <Box flexDirection={wide ? 'row' : 'column'}>
        <Box flexDirection="column" width={leftWidth} height={fieldRows}>
          {FIELDS.slice(start, start + fieldRows).map(([name, label], offset) => {
            const index = start + offset;
            const focused = index === state.focus;
            const bad = errors[name] !== undefined;
            const more = (offset === 0 && start > 0) || (offset === fieldRows - 1 && start + fieldRows < FIELDS.length);
            return (
              <Text key={name} wrap="truncate-end">
                <Text color={focused ? theme.accent : undefined}>
                  {focused ? '❯ ' : more ? (offset === 0 ? '↑ ' : '↓ ') : '  '}
                  {label.slice(0, labelWidth).padEnd(labelWidth)}{' '}
                </Text>
                <Text color={bad ? theme.bad : focused ? theme.accent : undefined} inverse={focused}>
                  {(state.values[name] ?? '') || (focused ? ' ' : '–')}
                </Text>
                {bad ? <Text color={theme.bad}> ✗</Text> : null}
              </Text>
            );
          })}
        </Box>
        <Box flexDirection="column" width={wide ? columns - leftWidth - 3 : columns - 1} marginLeft={wide ? 2 : 0}>
          {steps}
        </Box>
      </Box>
      <Text color={theme.bad} wrap="truncate-end">
        {problem ? `✗ ${FIELDS.find(([n]) => n === focusName)?.[1]}: ${problem}` : ' '}
      </Text>
    </Frame>
  );
}

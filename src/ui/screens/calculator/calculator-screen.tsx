import { useMemo, useReducer } from 'react';
import { Box, Text, useInput } from 'ink';
import { useActions } from '../../app-context.js';
import { Frame } from '../../components/frame.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { keys } from '../../keys/bindings.js';
import { formatStepValue } from '../../../engine/capacity/grade.js';
import { FIELDS, calculatorReducer, evaluate, initialCalculator } from './calculator-state.js';
import { PRESETS } from './presets.js';

const SCOPES = ['calculator'] as const;

/** Capacity calculator: inputs edited in place on the left, the derivation recomputed on the right. */
export function CalculatorScreen() {
  const actions = useActions();
  const { rows, columns } = useTerminalSize();
  const [state, dispatch] = useReducer(calculatorReducer, undefined, initialCalculator);
  const { errors, estimate, combined } = useMemo(() => evaluate(state.values), [state.values]);
  useInput((input, key) => {
    if (keys.leaveCalculator.matches(input, key)) actions.back();
    else if (keys.interrupt.matches(input, key)) return;
    else if (keys.nextPreset.matches(input, key)) dispatch({ type: 'next-preset' });
    else if (keys.clearField.matches(input, key)) dispatch({ type: 'clear-field' });
    else if (keys.previousField.matches(input, key)) dispatch({ type: 'previous-field' });
    else if (keys.nextField.matches(input, key) || key.return) dispatch({ type: 'next-field' });
    else if (key.backspace || key.delete) dispatch({ type: 'delete-back' });
    else if (!key.ctrl && !key.meta && input) dispatch({ type: 'type', text: input });
  });
  const focusName = FIELDS[state.focus][0];
  const leftWidth = 44;
  const rightWidth = Math.max(30, columns - leftWidth - 3);
  const height = Math.max(6, rows - 8);
  const stepLines = estimate.steps.map((s) => `${s.label}: ${formatStepValue(s.value, s.unit)}`);
  const problem = errors[focusName] ?? combined;
  return (
    <Frame title="capacity calculator" scopes={SCOPES}>
      <Text>
        Preset <Text color="cyan">{PRESETS[state.preset].name}</Text>
        <Text dimColor> (ctrl+p for the next) · units: 1.5k 10M · 1KB 1KiB · 250ms 30d 1y · 99.99</Text>
      </Text>
      <Box flexDirection="row">
        <Box flexDirection="column" width={leftWidth}>
          {FIELDS.slice(0, height).map(([name, label], index) => {
            const focused = index === state.focus;
            const bad = errors[name] !== undefined;
            return (
              <Text key={name} wrap="truncate-end">
                <Text color={focused ? 'cyan' : undefined}>{focused ? '❯ ' : '  '}{label.padEnd(26)}</Text>
                <Text color={bad ? 'red' : focused ? 'cyan' : undefined} inverse={focused}>{(state.values[name] ?? '') || (focused ? ' ' : '–')}</Text>
                {bad ? <Text color="red"> ✗</Text> : null}
              </Text>
            );
          })}
        </Box>
        <Box flexDirection="column" width={rightWidth} marginLeft={2}>
          {stepLines.length === 0 ? <Text dimColor>Give users and requests (or req/s), or an availability target.</Text> : null}
          {stepLines.slice(0, height).map((line, k) => (
            <Text key={k} wrap="truncate-end">
              {line}
            </Text>
          ))}
          {stepLines.length > height ? <Text dimColor>… {stepLines.length - height} more (gocoffee-drill estimate prints all)</Text> : null}
        </Box>
      </Box>
      <Text color="red" wrap="truncate-end">
        {problem ? `✗ ${FIELDS.find(([n]) => n === focusName)?.[1]}: ${problem}` : ' '}
      </Text>
    </Frame>
  );
}

import { useCallback, useReducer } from 'react';
import { Box, Text } from 'ink';
import { theme } from '../../theme.js';
import { useKeys } from '../../keys/use-keys.js';
import type { LeverScenario } from '../../../content/scenario-file.js';
import { seedsFrom, type Comparison } from '../../../engine/sim/compare.js';
import { initialLeverEditor, leverEditorReducer, type SimRun } from '../../../engine/sim/lever-editor.js';
import { applyLevers, sloTarget } from '../../../engine/sim/levers.js';
import type { FoundLever } from '../../../engine/sim/read-levers.js';
import { validateLeverScenario } from '../../../engine/sim/validate.js';
import { useComparisonRun } from '../../hooks/use-comparison-run.js';
import { keys } from '../../keys/bindings.js';
import { ComparisonView, leverSummary } from './comparison-view.js';
import { LeverPanel, ProgressBar } from './lever-panel.js';

/** Seeds per side in the app (the command line's default too). */
export const APP_SEEDS = 5;

export interface LeverSessionProps {
  loaded: LeverScenario;
  /** Values read from the user's answer, pre-filled and highlighted. */
  read?: { values: Record<string, number>; found: FoundLever[] };
  runs?: SimRun[];
  /** Called with each finished run (the try-it page saves it with the attempt). */
  onRun?: (run: SimRun, all: SimRun[]) => void;
  rows: number;
  columns: number;
  isActive: boolean;
}

/** A scenario's levers, edited with the arrows and run against the baseline; then the result side by side. */
export function LeverSession({ loaded, read, runs = [], onRun, rows, columns, isActive }: LeverSessionProps) {
  const { scenario } = loaded;
  const levers = scenario.levers ?? [];
  const [state, dispatch] = useReducer(leverEditorReducer, undefined, () => initialLeverEditor(levers, read, runs));
  const onProgress = useCallback((done: number, total: number) => dispatch({ type: 'progress', done, total }), []);
  const onFinish = useCallback(
    (comparison: Comparison) => {
      dispatch({ type: 'finish', comparison });
      onRun?.({ values: { ...state.values }, comparison }, [
        { values: { ...state.values }, comparison },
        ...state.runs,
      ]);
    },
    [onRun, state.values, state.runs],
  );
  const run = useComparisonRun(onProgress, onFinish, {
    baseline: scenario,
    seeds: seedsFrom(scenario.seed, APP_SEEDS),
  });

  const start = () => {
    const { scenario: variant, problems } = validateLeverScenario(applyLevers(loaded.doc, scenario, state.values));
    if (!variant) {
      dispatch({ type: 'fail', problem: `${problems[0].field}: ${problems[0].message}` });
      return;
    }
    dispatch({ type: 'start' });
    run(scenario, variant, seedsFrom(scenario.seed, APP_SEEDS));
  };

  useKeys(
    (input, key) => {
      if (state.phase === 'result') {
        if (keys.runSimulation.matches(input, key)) dispatch({ type: 'edit' });
        return;
      }
      if (state.phase !== 'edit') return;
      if (keys.up.matches(input, key)) dispatch({ type: 'focus-up' });
      else if (keys.down.matches(input, key)) dispatch({ type: 'focus-down' });
      else if (keys.lowerLever.matches(input, key)) dispatch({ type: 'decrease' });
      else if (keys.raiseLever.matches(input, key)) dispatch({ type: 'increase' });
      else if (keys.resetLevers.matches(input, key)) dispatch({ type: 'reset' });
      else if (keys.runSimulation.matches(input, key)) start();
    },
    { isActive },
  );

  if (state.phase === 'result' && state.runs[0]) {
    return (
      <Box flexDirection="column">
        <ComparisonView
          scenario={scenario}
          levers={levers}
          values={state.runs[0].values}
          comparison={state.runs[0].comparison}
          width={columns}
          rows={rows}
        />
        <Text dimColor>enter: back to the levers</Text>
      </Box>
    );
  }
  const slos = scenario.slos ?? [];
  const leverRows = Math.max(3, rows - 12 - Math.min(3, state.runs.length));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" dimColor>
        SLOs: {slos.length === 0 ? 'none declared' : slos.map((s) => `${s.name} (${sloTarget(s)})`).join(' · ')}
      </Text>
      {levers.length === 0 ? (
        <Text color={theme.warn}>This scenario declares no levers: enter runs it as it is.</Text>
      ) : (
        <LeverPanel state={state} height={leverRows} />
      )}
      {state.phase === 'running' ? (
        <ProgressBar done={state.progress.done} total={state.progress.total} width={columns} />
      ) : (
        <Text dimColor>enter runs yours and the baseline on {APP_SEEDS} seeds each</Text>
      )}
      {state.problem ? (
        <Text color={theme.bad} wrap="truncate-end">
          ✗ {state.problem}
        </Text>
      ) : null}
      {state.runs.length > 0 ? (
        <Box flexDirection="column">
          <Text bold>Last runs</Text>
          {state.runs.slice(0, 3).map((r, i) => (
            <Text key={i} wrap="truncate-end">
              <Text color={r.comparison.verdict.pass ? theme.good : theme.bad}>
                {r.comparison.verdict.pass ? 'PASS' : 'FAIL'}
              </Text>{' '}
              {leverSummary(levers, r.values)}
            </Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

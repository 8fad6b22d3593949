import { useMemo } from 'react';
import { Text } from 'ink';
import { theme } from '../../theme.js';
import { useKeys } from '../../keys/use-keys.js';
import { loadLeverScenario, type LeverScenario } from '../../../content/scenario-file.js';
import type { AttemptSimulation } from '../../../engine/drill/attempt.js';
import type { SimRun } from '../../../engine/sim/lever-editor.js';
import { formatLever } from '../../../engine/sim/levers.js';
import { readLevers } from '../../../engine/sim/read-levers.js';
import { UserError } from '../../../errors.js';
import { Frame } from '../../components/frame.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { keys } from '../../keys/bindings.js';
import { LeverSession } from './lever-session.js';

const SCOPES = ['move', 'simulate', 'global'] as const;

/** The built-in scenario a question links, with levers to try; undefined when there is none to run. */
export function tryItScenario(id: string | undefined): LeverScenario | undefined {
  if (!id) return undefined;
  try {
    const loaded = loadLeverScenario(id);
    return (loaded.scenario.levers?.length ?? 0) > 0 ? loaded : undefined;
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
}

/** What of a run is kept with the attempt. */
export function toAttemptSimulation(
  loaded: LeverScenario,
  run: SimRun,
  read: Array<{ name: string; text: string }>,
): AttemptSimulation {
  const c = run.comparison;
  return {
    scenario: loaded.scenario.name,
    levers: run.values,
    shown: Object.fromEntries((loaded.scenario.levers ?? []).map((l) => [l.name, formatLever(l, run.values[l.name])])),
    read,
    seeds: c.seeds.length,
    pass: c.verdict.pass,
    checks: c.verdict.checks.map((check, i) => ({
      name: check.name,
      target: check.target,
      baseline: c.baselineChecks[i].value,
      value: check.value,
      ci95: check.ci95,
      pass: check.pass,
    })),
  };
}

/**
 * The page after a framework question's last step: the levers its scenario offers, pre-filled from what
 * the answers said (those highlighted), run against the baseline. ctrl+d goes on to the review.
 */
export function TryItView({
  loaded,
  answers,
  onRun,
  onDone,
}: {
  loaded: LeverScenario;
  answers: string[];
  onRun: (sim: AttemptSimulation) => void;
  onDone: () => void;
}) {
  const { rows, columns } = useTerminalSize();
  const read = useMemo(() => readLevers(answers.join('\n'), loaded.scenario.levers ?? []), [answers, loaded]);
  const readNames = read.found.map((f) => ({ name: f.name, text: f.text }));
  useKeys((input, key) => {
    if (keys.submitStep.matches(input, key)) onDone();
  });
  return (
    <Frame title={`try it in the simulator · ${loaded.scenario.name}`} scopes={SCOPES}>
      <Text wrap="truncate-end">
        {read.found.length === 0 ? (
          'Nothing in your answer set a lever: all start at the baseline.'
        ) : (
          <Text color={theme.good}>
            {read.found.length} lever{read.found.length === 1 ? '' : 's'} read from your answer (green).
          </Text>
        )}
        <Text dimColor> ctrl+d: on to the review</Text>
      </Text>
      <LeverSession
        loaded={loaded}
        read={read}
        rows={rows - 1}
        columns={columns}
        isActive
        onRun={(run) => onRun(toAttemptSimulation(loaded, run, readNames))}
      />
    </Frame>
  );
}

import { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { theme } from '../../theme.js';
import { useKeys } from '../../keys/use-keys.js';
import { builtinScenarioIds, loadLeverScenario, type LeverScenario } from '../../../content/scenario-file.js';
import type { SimRun } from '../../../engine/sim/lever-editor.js';
import { sanitizeText } from '../../../engine/text/sanitize.js';
import { UserError } from '../../../errors.js';
import { useActions } from '../../app-context.js';
import { Frame } from '../../components/frame.js';
import { useLatest } from '../../hooks/use-latest.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { keys } from '../../keys/bindings.js';
import { LeverSession } from './lever-session.js';

const SCOPES = ['move', 'simulate', 'global'] as const;

type Choice = { id: string; loaded?: LeverScenario; error?: string };

function tryLoad(ref: string): { loaded?: LeverScenario; error?: string } {
  try {
    return { loaded: loadLeverScenario(ref) };
  } catch (error) {
    if (error instanceof UserError) return { error: sanitizeText(error.message.split('\n')[0]) };
    throw error;
  }
}

/** Choose a built-in scenario (or type a file's path), then edit its levers, run, and compare with the baseline. */
export function SimulateScreen() {
  const actions = useActions();
  const { rows, columns } = useTerminalSize();
  const choices = useMemo<Choice[]>(() => builtinScenarioIds().map((id) => ({ id, ...tryLoad(id) })), []);
  const [cursor, setCursor] = useState(0);
  const [typing, setTyping] = useState<string | undefined>(undefined);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<LeverScenario | undefined>(undefined);
  // Each scenario's last runs survive going back to the list.
  const [runsBy, setRunsBy] = useState(() => new Map<string, SimRun[]>());

  // Keys of one burst (a pasted path) arrive one by one before a render: read and write the path
  // through a ref, so each key sees the one before it.
  const typedRef = useLatest(typing);
  const setTyped = (value: string | undefined) => {
    typedRef.current = value;
    setTyping(value);
  };

  useKeys((input, key) => {
    const typing = typedRef.current;
    if (typing !== undefined) {
      if (key.escape) setTyped(undefined);
      else if (key.return) {
        const r = tryLoad(typing.trim());
        setFileError(r.error);
        if (r.loaded) {
          setOpen(r.loaded);
          setTyped(undefined);
        }
      } else if (key.backspace || key.delete) setTyped(typing.slice(0, -1));
      else if (!key.ctrl && !key.meta && input) setTyped(typing + input.replace(/[\r\n]/g, ''));
      return;
    }
    if (keys.quit.matches(input, key)) actions.quit();
    else if (keys.help.matches(input, key)) actions.open({ name: 'help', scopes: [...SCOPES] });
    else if (keys.back.matches(input, key)) {
      if (open) setOpen(undefined);
      else actions.back();
    } else if (open) return;
    else if (keys.up.matches(input, key)) setCursor(Math.max(0, cursor - 1));
    else if (keys.down.matches(input, key)) setCursor(Math.min(choices.length - 1, cursor + 1));
    else if (keys.openScenarioFile.matches(input, key)) {
      setTyped('');
      setFileError(undefined);
    } else if (key.return && choices[cursor]?.loaded) setOpen(choices[cursor].loaded);
  });

  if (open) {
    const title = `simulate · ${open.scenario.name}`;
    return (
      <Frame title={title} scopes={SCOPES}>
        <Text wrap="truncate-end" dimColor>
          {open.scenario.description
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, columns * 2)}
        </Text>
        <LeverSession
          key={open.path}
          loaded={open}
          runs={runsBy.get(open.path)}
          onRun={(_run, all) => setRunsBy((before) => new Map(before).set(open.path, all))}
          rows={rows}
          columns={columns}
          isActive={typing === undefined}
        />
      </Frame>
    );
  }
  const selected = choices[cursor];
  const listRows = Math.max(3, rows - 10);
  const first = Math.max(0, Math.min(cursor - Math.floor(listRows / 2), choices.length - listRows));
  return (
    <Frame title="simulate" scopes={SCOPES}>
      <Text>Run a scenario with your own levers against its baseline. Built-in scenarios:</Text>
      <Box flexDirection="column" marginTop={1}>
        {choices.slice(first, first + listRows).map((c, k) => {
          const focused = first + k === cursor;
          return (
            <Text key={c.id} wrap="truncate-end">
              <Text color={focused ? theme.accent : undefined} bold={focused}>
                {focused ? '❯ ' : '  '}
                {c.id.padEnd(24)}
              </Text>
              <Text dimColor>
                {c.loaded ? `${c.loaded.scenario.kind} · ${c.loaded.scenario.levers?.length ?? 0} levers` : c.error}
              </Text>
            </Text>
          );
        })}
      </Box>
      <Box marginTop={1}>
        <Text wrap="truncate-end" dimColor>
          {selected?.loaded?.scenario.description.replace(/\s+/g, ' ').trim() ?? ''}
        </Text>
      </Box>
      {typing !== undefined ? (
        <Text wrap="truncate-start">
          Scenario file: <Text color={theme.accent}>{sanitizeText(typing)}</Text>
          <Text inverse> </Text>
        </Text>
      ) : (
        <Text dimColor wrap="truncate-end">
          f: open a scenario file of your own (format: simulate --schema)
        </Text>
      )}
      {fileError ? (
        <Text color={theme.bad} wrap="truncate-end">
          ✗ {fileError}
        </Text>
      ) : null}
    </Frame>
  );
}

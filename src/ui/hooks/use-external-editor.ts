import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useStdin } from 'ink';

/** The editor to use: the setting, else $VISUAL, else $EDITOR; undefined when none is set. */
export function editorCommand(setting: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return setting || env.VISUAL || env.EDITOR || undefined;
}

/**
 * Edit text in the user's editor: Ink's raw mode is paused, the editor gets the terminal, and the
 * file's contents come back (undefined when the editor failed, so the answer is left as it was).
 */
export function useExternalEditor(): (command: string, text: string) => { text?: string; error?: string } {
  const { setRawMode, isRawModeSupported } = useStdin();
  return (command, text) => {
    const dir = mkdtempSync(join(tmpdir(), 'gocoffee-answer-'));
    const file = join(dir, 'answer.md');
    writeFileSync(file, text);
    if (isRawModeSupported) setRawMode(false);
    try {
      const result = spawnSync(`${command} "${file}"`, { stdio: 'inherit', shell: true });
      if (result.error || result.status !== 0)
        return {
          error: `the editor (${command}) exited with ${result.error?.message ?? `status ${result.status}`}; answer unchanged`,
        };
      return { text: readFileSync(file, 'utf8').replace(/\n$/, '') };
    } finally {
      if (isRawModeSupported) setRawMode(true);
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

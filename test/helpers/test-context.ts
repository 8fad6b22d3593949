import type { CommandContext } from '../../src/commands/types.js';
import { tempDir } from './temp-dir.js';

/**
 * A command context on a temp data dir, its output kept in `out` and `err`. Imports nothing that
 * loads the store's validator or the question loader, so a test can see the app as it starts.
 */
export function testContext(dataDir = tempDir()): CommandContext & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    dataDir,
    questionDirs: [],
    stdout: { write: (t) => void out.push(t) },
    stderr: { write: (t) => void err.push(t) },
    interactive: true,
    stdoutIsTTY: true,
    columns: 100,
    env: {},
    out,
    err,
  };
}

import { main } from '../../src/cli.js';

/** Run the CLI in-process with string sinks; `interactive` stands for a TTY on stdin. */
export async function runCli(
  argv: string[],
  options: { interactive?: boolean; env?: NodeJS.ProcessEnv; columns?: number } = {},
) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t) },
    env: options.env ?? {},
    interactive: options.interactive ?? false,
    stdoutIsTTY: false,
    columns: options.columns ?? 100,
  });
  return { code, stdout, stderr };
}

import { commandHelp, mainHelp } from './commands/help.js';
import { parseCommandArgs, parseGlobal } from './commands/parse.js';
import { ContentError, UserError, type CommandContext, type Output } from './commands/types.js';
import { escapeUnsafe } from './engine/text/sanitize.js';
import { resolveDataDir } from './store/data-dir.js';
import { VERSION } from './version.js';

export interface CliIo {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  interactive: boolean;
  stdoutIsTTY: boolean;
  columns: number;
}

function processIo(): CliIo {
  return {
    stdout: { write: (text) => void process.stdout.write(text) },
    stderr: { write: (text) => void process.stderr.write(text) },
    env: process.env,
    // Both ends a terminal: the app's escape sequences must never land in a file or a pipe.
    interactive:
      Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY) && typeof process.stdin.setRawMode === 'function',
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns || Number(process.env.COLUMNS) || 100,
  };
}

/**
 * Every byte a command prints passes here: file names, titles and answers come from packs and the
 * store, and a control character in them must not reach the terminal (OSC 52 writes the
 * clipboard, others set the title or clear the screen).
 */
function terminalSafe(sink: Output): Output {
  return { write: (text) => sink.write(escapeUnsafe(text)) };
}

/** Run the command line; returns the exit code. Never throws for user errors. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    const global = parseGlobal(argv);
    if (global.version) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    // The commands (and what they import: the YAML parser, the question schema, the estimator) load
    // only when one is named or the help lists them; the home screen starts without them.
    const registry = global.command !== undefined || global.help ? await import('./commands/registry.js') : undefined;
    const command = global.command === undefined ? undefined : registry?.findCommand(global.command);
    if (global.command !== undefined && !command) {
      throw new UserError(
        `unknown command '${global.command}'`,
        `run 'gocoffee-drill --help' for the list of commands`,
      );
    }
    if (global.help && registry) {
      io.stdout.write(command ? commandHelp(command) : mainHelp(registry.commands, VERSION));
      return 0;
    }
    if (!command && global.rest.length > 0) {
      throw new UserError(`unknown flag ${global.rest[0]}`, `run 'gocoffee-drill --help' for the flags`);
    }
    const ctx: CommandContext = {
      dataDir: resolveDataDir(global.dataDir, io.env),
      questionDirs: global.questionDirs,
      stdout: terminalSafe(io.stdout),
      stderr: terminalSafe(io.stderr),
      interactive: io.interactive,
      stdoutIsTTY: io.stdoutIsTTY,
      columns: io.columns,
      env: io.env,
    };
    if (!command) {
      const { openApp } = await import('./ui/open-app.js');
      return await openApp(
        ctx,
        { name: 'home' },
        'gocoffee-drill checklist --json, stats --json, estimate --help or simulate --help',
      );
    }
    return await command.run(ctx, parseCommandArgs(command, global.rest));
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr.write(escapeUnsafe(`gocoffee-drill: ${error.message}${error.hint ? ` (${error.hint})` : ''}\n`));
      return 2;
    }
    if (error instanceof ContentError) {
      io.stderr.write(escapeUnsafe(`gocoffee-drill: ${error.message}\n`));
      return 1;
    }
    io.stderr.write(escapeUnsafe(`gocoffee-drill: internal error: ${(error as Error)?.stack ?? String(error)}\n`));
    return 1;
  }
}

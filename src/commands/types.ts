import type { ParseArgsConfig } from 'node:util';

/** Where a command writes; tests pass string sinks. */
export interface Output {
  write(text: string): void;
}

/** Everything a command needs from the outside world, built once by the CLI. */
export interface CommandContext {
  /** Directory holding the store (never the real home directory in tests). */
  dataDir: string;
  /** Extra question packs given with --questions. */
  questionDirs: string[];
  stdout: Output;
  stderr: Output;
  /** True when stdin is a terminal that supports raw mode (Ink input works). */
  interactive: boolean;
  /** True when stdout is a terminal (colour, charts sized to columns). */
  stdoutIsTTY: boolean;
  /** Terminal width; 100 when unknown. */
  columns: number;
  env: NodeJS.ProcessEnv;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** One subcommand of the DESIGN.md command-line contract. */
export interface Command {
  name: string;
  /** One line for the command list in --help. */
  summary: string;
  /** e.g. `gocoffee-drill estimate [flags] [--json]` */
  usage: string;
  /** Flag lines for `gocoffee-drill COMMAND --help`: [flag, description]. */
  flags: Array<[string, string]>;
  examples: string[];
  options: OptionSpec;
  /** Whether positionals are accepted (else an unexpected one is a usage error). */
  allowPositionals?: boolean;
  /** Returns the process exit code. Throw UserError for bad input (exit 2). */
  run(ctx: CommandContext, args: ParsedArgs): Promise<number>;
}

export { ContentError, UserError } from '../errors.js';

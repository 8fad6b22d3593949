import { parseArgs } from 'node:util';
import { UserError, type Command, type ParsedArgs } from './types.js';

export interface GlobalArgs {
  help: boolean;
  version: boolean;
  dataDir?: string;
  questionDirs: string[];
  /** The command name, if any, and the arguments after it (globals removed). */
  command?: string;
  rest: string[];
}

const VALUE_FLAGS = new Set(['--data-dir', '--questions']);

/** Pull the global flags out of argv wherever they stand; the first other word is the command. */
export function parseGlobal(argv: string[]): GlobalArgs {
  const out: GlobalArgs = { help: false, version: false, questionDirs: [], rest: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--') {
      out.rest.push(...argv.slice(i));
      break;
    }
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
        throw new UserError(`${flag} needs a directory`, `e.g. ${flag} ~/gocoffee`);
      }
      if (flag === '--data-dir') out.dataDir = value;
      else out.questionDirs.push(value);
    } else if (arg === '--help' || arg === '-h') out.help = true;
    else if (arg === '--version' || arg === '-v') out.version = true;
    else if (out.command === undefined && !arg.startsWith('-')) out.command = arg;
    else out.rest.push(arg);
  }
  return out;
}

/** Parse a command's own flags strictly; unknown flags become one clear UserError. */
export function parseCommandArgs(command: Command, args: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    const err = error as { code?: string; message: string };
    const hint = `see 'gocoffee-drill ${command.name} --help'`;
    const quoted = /'([^']+)'/.exec(err.message)?.[1];
    switch (err.code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new UserError(`${command.name}: unknown flag ${quoted ?? ''}`.trim(), hint);
      case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
        throw new UserError(`${command.name}: unexpected argument ${quoted ?? ''}`.trim(), hint);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
        const flag = /--[a-z-]+/.exec(err.message)?.[0] ?? 'a flag';
        // No flag of ours takes a negative number, so suggesting `--seed=-5` would only lead to a second refusal.
        if (err.message.includes('ambiguous'))
          throw new UserError(
            `${command.name}: ${flag} needs a value, and what follows it starts with a dash`,
            `negative numbers are not accepted; see 'gocoffee-drill ${command.name} --help'`,
          );
        throw new UserError(
          `${command.name}: ${flag} ${err.message.includes('argument missing') ? 'needs a value' : 'takes no value'}`,
          hint,
        );
      }
      default:
        throw new UserError(`${command.name}: ${err.message.split('\n')[0]}`, hint);
    }
  }
}

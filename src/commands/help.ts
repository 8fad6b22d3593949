import type { Command } from './types.js';

export const GLOBAL_FLAGS: Array<[string, string]> = [
  ['--data-dir DIR', 'where scores, history and the checklist are kept (also $GOCOFFEE_DRILL_HOME)'],
  ['--questions DIR', 'add a question pack from DIR (repeatable)'],
  ['-h, --help', "show help (after a command: that command's help)"],
  ['-v, --version', 'print the version'],
];

export function mainHelp(commands: Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `gocoffee-drill ${version}: practise system-design interviews on the Go Coffee ordering system`,
    '',
    'Usage:',
    '  gocoffee-drill                 open the interactive app (home menu)',
    ...commands.map((c) => `  gocoffee-drill ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global flags:',
    ...table(GLOBAL_FLAGS),
    '',
    'Examples:',
    ...commands.flatMap((c) => c.examples.slice(0, 1)).map((e) => `  ${e}`),
    '',
    "Run gocoffee-drill COMMAND --help for a command's flags.",
    '',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    '',
    ...(command.flags.length > 0 ? ['Flags:', ...table(command.flags), ''] : []),
    'Global flags:',
    ...table(GLOBAL_FLAGS),
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

function table(rows: Array<[string, string]>): string[] {
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`);
}

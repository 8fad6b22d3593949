import type { Command } from './types.js';
import { checklistCommand } from './checklist.js';
import { estimateCommand } from './estimate.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { simulateCommand } from './simulate.js';
import { practiceCommand } from './practice.js';
import { mockCommand } from './mock.js';
import { questionsCommand } from './questions.js';
import { reviewCommand } from './review.js';
import { statsCommand } from './stats.js';

/** Every subcommand, in the order --help lists them. Add a command here (one import, one entry). */
export const commands: Command[] = [
  practiceCommand,
  reviewCommand,
  mockCommand,
  questionsCommand,
  statsCommand,
  estimateCommand,
  simulateCommand,
  checklistCommand,
  exportCommand,
  importCommand,
];

export function findCommand(name: string): Command | undefined {
  return commands.find((command) => command.name === name);
}

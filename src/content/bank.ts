import type { CommandContext } from '../commands/types.js';
import type { ContentProblem } from '../engine/drill/types.js';
import { loadQuestionBank, type QuestionBank } from './load-questions.js';
import { builtinQuestionsDir } from './paths.js';

/** `path:line: field: message`, the one format every content problem is shown in. */
export function formatProblem(p: ContentProblem): string {
  return `${p.path}${p.line > 0 ? `:${p.line}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

/** The built-in bank plus the user's --questions packs; problems are warned about on stderr. */
export function loadBankFor(ctx: CommandContext, warn = true): QuestionBank {
  const bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: ctx.questionDirs });
  if (warn)
    for (const problem of bank.problems)
      ctx.stderr.write(`gocoffee-drill: warning: skipped ${formatProblem(problem)}\n`);
  return bank;
}

import type { CommandContext } from '../commands/types.js';
import { loadChecklist } from '../content/checklist.js';
import { builtinQuestionsDir } from '../content/paths.js';
import { loadQuestionBank, type QuestionBank } from '../content/load-questions.js';
import { formatProblem } from '../content/bank.js';
import { openStore } from '../store/store.js';
import type { AppServices } from './app-context.js';

/** Build what the app needs, once. Reports the store's notices on stderr too. */
export function buildServices(ctx: CommandContext, now: () => Date = () => new Date()): AppServices {
  // A save waits at most 2 s for other processes: past that the status line says "Not saved" and
  // the app retries, rather than freezing the screen.
  const { store, notices } = openStore(ctx.dataDir, now, { lockTimeoutMs: 2_000 });
  for (const notice of notices) ctx.stderr.write(`gocoffee-drill: ${notice}\n`);
  const checklist = loadChecklist(builtinQuestionsDir());
  let bank: QuestionBank | undefined;
  const services: AppServices = {
    ctx,
    store,
    checklist,
    notices,
    now,
    bank() {
      if (!bank) {
        bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: ctx.questionDirs });
        // Shown on the practice list; kept out of stderr so the screen is not overwritten.
        for (const problem of bank.problems) notices.push(`Skipped ${formatProblem(problem)}`);
      }
      return bank;
    },
    linkedDrills(itemId) {
      return services.bank().questions.filter((q) => q.checklist.includes(itemId)).map((q) => ({ id: q.id, title: q.title }));
    },
  };
  return services;
}

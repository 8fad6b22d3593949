import type { CommandContext } from '../commands/types.js';
import { loadBuiltinChecklist } from '../content/builtin-checklist.js';
import { builtinQuestionsDir } from '../content/paths.js';
import type { QuestionBank } from '../content/load-questions.js';
import { loadStoreValidator, openStore, StoreValidatorMissing, storeFileExists } from '../store/store-core.js';
import type { AppServices } from './app-context.js';

type QuestionLoader = typeof import('./question-loader.js');
let loader: QuestionLoader | undefined;
let loading: Promise<QuestionLoader> | undefined;

/**
 * Load the question loader (YAML parser, schema, bank): the home screen does not need it, so the
 * app starts it after its first frame and screens that open on a drill wait for it first.
 */
export function loadQuestionLoader(): Promise<QuestionLoader> {
  loading ??= import('./question-loader.js').then((module) => (loader = module));
  return loading;
}

/**
 * Build what the app needs, with the store's validator loaded first when there is a file to check:
 * a first run (no file) draws its home screen without it. A file that appears between the check
 * and the read (another process's first save) is read once the validator has loaded.
 */
export async function openServices(ctx: CommandContext): Promise<AppServices> {
  if (storeFileExists(ctx.dataDir)) await loadStoreValidator();
  try {
    return buildServices(ctx);
  } catch (error) {
    if (!(error instanceof StoreValidatorMissing)) throw error;
    await loadStoreValidator();
    return buildServices(ctx);
  }
}

/** Build what the app needs, once. Reports the store's notices on stderr too. */
export function buildServices(ctx: CommandContext, now: () => Date = () => new Date()): AppServices {
  // A save waits at most 2 s for other processes: past that the status line says "Not saved" and
  // the app retries, rather than freezing the screen.
  const { store, notices } = openStore(ctx.dataDir, now, { lockTimeoutMs: 2_000 });
  for (const notice of notices) ctx.stderr.write(`gocoffee-drill: ${notice}\n`);
  const checklist = loadBuiltinChecklist();
  let bank: QuestionBank | undefined;
  const services: AppServices = {
    ctx,
    store,
    checklist,
    notices,
    now,
    bank() {
      if (!bank) {
        // A key pressed in the few milliseconds before the loader arrives: suspend the render (the
        // app's root <Suspense> shows the last frame's place empty) until it has.
        if (!loader) throw loadQuestionLoader();
        bank = loader.loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: ctx.questionDirs });
        // Shown on the practice list; kept out of stderr so the screen is not overwritten.
        for (const problem of bank.problems) notices.push(`Skipped ${loader.formatProblem(problem)}`);
      }
      return bank;
    },
    linkedDrills(itemId) {
      return services
        .bank()
        .questions.filter((q) => q.checklist.includes(itemId))
        .map((q) => ({ id: q.id, title: q.title }));
    },
  };
  return services;
}

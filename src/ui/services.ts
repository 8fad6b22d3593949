import type { CommandContext } from '../commands/types.js';
import { loadChecklist } from '../content/checklist.js';
import { builtinQuestionsDir } from '../content/paths.js';
import { openStore } from '../store/store.js';
import type { AppServices } from './app-context.js';

/** Build what the app needs, once. Reports the store's notices on stderr too. */
export function buildServices(ctx: CommandContext, now: () => Date = () => new Date()): AppServices {
  const { store, notices } = openStore(ctx.dataDir, now);
  for (const notice of notices) ctx.stderr.write(`gocoffee-drill: ${notice}\n`);
  const checklist = loadChecklist(builtinQuestionsDir());
  return { ctx, store, checklist, notices, now, linkedDrills: () => [] };
}

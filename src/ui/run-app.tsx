import { Suspense } from 'react';
import { render } from 'ink';
import { UserError, type CommandContext } from '../commands/types.js';
import type { Store } from '../store/store-core.js';
import { App, preloadScreen, preloadScreens } from './app.js';
import { KeyRouter } from './keys/key-router.js';
import type { Screen } from './screens/screen.js';
import { loadQuestionLoader, openServices } from './services.js';
import { colourWanted, withoutColour } from './colour.js';
import { loadStoreValidator } from '../store/store-core.js';
import { loadMarkdown } from './markdown.js';

/**
 * Open the interactive app on `initial`. Without a terminal it explains what to run instead
 * (Ink would otherwise crash with "Raw mode is not supported") and exits 2.
 */
export async function openApp(ctx: CommandContext, initial: Screen, instead: string): Promise<number> {
  if (!ctx.interactive) {
    throw new UserError(
      'this screen needs an interactive terminal (stdin and stdout must both be one)',
      `for scripts use: ${instead}`,
    );
  }
  const restoreColour = colourWanted(ctx.env) ? () => {} : withoutColour(process.stdout);
  // Home shows no question; any other first screen may, so it waits for the loader, and for its
  // own module: drawn in the first frame, it hears the keys typed while the app started. A drill, a
  // mock or the review opens on Markdown: its first frame waits for the renderer too, instead of
  // showing the raw text and re-laying the screen out a moment later.
  if (initial.name !== 'home')
    await Promise.all([
      loadQuestionLoader(),
      preloadScreen(initial),
      ['drill', 'mock', 'review'].includes(initial.name) ? loadMarkdown() : undefined,
    ]);
  const services = await openServices(ctx);
  const exitHooks = new Set<() => void>();
  const app = (
    <KeyRouter>
      <App services={services} initial={initial} exitHooks={exitHooks} />
    </KeyRouter>
  );
  const instance = render(<Suspense fallback={null}>{app}</Suspense>, {
    exitOnCtrlC: false,
    // Rewrite only the lines that changed: a ticking clock repaints its own line, not the screen.
    incrementalRendering: true,
  });
  const onSignal = () => {
    for (const hook of exitHooks) hook();
    instance.unmount();
  };
  // After the first frame: the store's validator is needed only once a save re-reads the file,
  // the question loader only once a screen shows a question.
  setImmediate(() => {
    void loadStoreValidator();
    void loadQuestionLoader();
    preloadScreens();
  });
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  await instance.waitUntilExit();
  process.off('SIGTERM', onSignal);
  process.off('SIGHUP', onSignal);
  restoreColour();
  return reportUnsaved(services.store, ctx);
}

/**
 * The last word on the user's data: one more save, and if it fails, name what is lost (never
 * "saved") and exit 1.
 */
function reportUnsaved(store: Store, ctx: CommandContext): number {
  if (store.unsaved().length === 0) return 0;
  const result = store.save();
  if (result.ok) return 0;
  const unsaved = store.unsaved();
  const what = unsaved.length > 0 ? `not saved: ${unsaved.join(', ')}` : 'the last save failed';
  ctx.stderr.write(`gocoffee-drill: ${what} (${result.error.replace('; your changes are kept in memory', '')})\n`);
  return 1;
}

import { Suspense } from 'react';
import { render } from 'ink';
import { UserError, type CommandContext } from '../commands/types.js';
import { App } from './app.js';
import type { Screen } from './screens/screen.js';
import { buildServices, loadQuestionLoader } from './services.js';
import { loadStoreWriter } from '../store/store.js';

/**
 * Open the interactive app on `initial`. Without a terminal it explains what to run instead
 * (Ink would otherwise crash with "Raw mode is not supported") and exits 2.
 */
export async function openApp(ctx: CommandContext, initial: Screen, instead: string): Promise<number> {
  if (!ctx.interactive) {
    throw new UserError('this screen needs an interactive terminal (stdin is not a TTY)', `for scripts use: ${instead}`);
  }
  // Home shows no question; any other first screen may, so it waits for the loader.
  if (initial.name !== 'home') await loadQuestionLoader();
  const services = buildServices(ctx);
  const exitHooks = new Set<() => void>();
  const app = <App services={services} initial={initial} exitHooks={exitHooks} />;
  const instance = render(<Suspense fallback={null}>{app}</Suspense>, { exitOnCtrlC: false });
  const onSignal = () => {
    for (const hook of exitHooks) hook();
    instance.unmount();
  };
  // After the first frame: the writer is needed only once the user changes something, the
  // question loader only once a screen shows a question.
  setImmediate(() => {
    void loadStoreWriter();
    void loadQuestionLoader();
  });
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  await instance.waitUntilExit();
  process.off('SIGTERM', onSignal);
  process.off('SIGHUP', onSignal);
  await services.store.settled();
  return 0;
}

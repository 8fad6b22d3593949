import { render } from 'ink-testing-library';
import { afterEach, beforeAll } from 'vitest';
import { loadStoreValidator } from '../../src/store/store-core.js';
import { cleanup } from 'ink-testing-library';
import { App } from '../../src/ui/app.js';
import { KeyRouter } from '../../src/ui/keys/key-router.js';
import type { Screen } from '../../src/ui/screens/screen.js';
import { buildServices, loadQuestionLoader } from '../../src/ui/services.js';
import { tempDir } from './temp-dir.js';
import { testContext } from './test-context.js';

afterEach(() => cleanup());
// As in the app after its first frame: the store's validator is there for a save's re-read, and the
// question loader before any screen asks for a question.
beforeAll(async () => {
  await loadStoreValidator();
  await loadQuestionLoader();
});

export { testContext };

/** Render the whole app on `initial` with a store in a temp dir; returns the renderer and services. */
export function renderApp(
  initial: Screen = { name: 'home' },
  dataDir = tempDir(),
  now = () => new Date('2026-11-24T12:00:00.000Z'),
) {
  const ctx = testContext(dataDir);
  const services = buildServices(ctx, now);
  const exitHooks = new Set<() => void>();
  const instance = render(
    <KeyRouter>
      <App services={services} initial={initial} exitHooks={exitHooks} />
    </KeyRouter>,
  );
  /** Write keys one at a time, a tick apart, as a person types. */
  const press = async (...keys: string[]) => {
    // A screen's input handler attaches just after its first frame: let it, before and after each key.
    for (const key of keys) {
      await new Promise((resolve) => setTimeout(resolve, 15));
      instance.stdin.write(key);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  };
  return { ...instance, services, ctx, press, dataDir, exitHooks };
}

import type { CommandContext } from '../commands/types.js';
import type { Screen } from './screens/screen.js';

/** Variables that make Ink think it runs in CI (the is-in-ci package), where it draws nothing until exit. */
const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

/**
 * Load the interactive app and open it on `initial`.
 *
 * Ink decides once, when its module is first evaluated, whether it runs in CI; if `CI` is set it
 * only writes the last frame on exit, so a person in a real terminal with `CI=true` exported
 * (common in dev containers and CI shells) would stare at a blank screen. The app only opens on
 * an interactive terminal, so Ink is loaded with those variables hidden and then they are put
 * back for child processes such as $EDITOR.
 *
 * The global `fetch` is hidden while Ink loads too: yoga-layout's loader only checks whether it
 * exists before reading its inlined wasm, and touching Node's lazy `fetch` getter loads its whole
 * HTTP client (undici: ~30 ms and ~6 MB before the first frame). It is restored right after.
 */
export async function openApp(ctx: CommandContext, initial: Screen, instead: string): Promise<number> {
  const saved = new Map<string, string>();
  if (ctx.interactive) {
    // Raw mode at once, before Ink loads: keys typed during start-up are then neither echoed over
    // the first frame nor held back in a half-typed line; they wait for Ink's first read.
    process.stdin.setRawMode?.(true);
    for (const name of CI_VARIABLES) {
      const value = process.env[name];
      if (value !== undefined) saved.set(name, value);
      delete process.env[name];
    }
  }
  try {
    const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
    let runApp: typeof import('./run-app.js');
    try {
      runApp = await import('./run-app.js');
    } finally {
      if (fetch) Object.defineProperty(globalThis, 'fetch', fetch);
      for (const [name, value] of saved) process.env[name] = value;
    }
    return await runApp.openApp(ctx, initial, instead);
  } finally {
    if (ctx.interactive) process.stdin.setRawMode?.(false);
  }
}

import { createContext, useCallback, useContext, useState, type ReactNode, type RefObject } from 'react';
import { useInput, type Key } from 'ink';
import { splitKeys } from './split-keys.js';

/** One screen's live key handler, brought up to date on every commit (useLatest). */
export type KeyListener = RefObject<{ handler: (input: string, key: Key) => void; groupText: boolean }>;

const RouterContext = createContext<Set<KeyListener> | null>(null);

/** The listeners of the KeyRouter above, or null outside one (tests that render a screen alone). */
export function useKeyRouter(): Set<KeyListener> | null {
  return useContext(RouterContext);
}

/**
 * The app's one subscription to Ink's input, for its whole life. Screens join and leave it in layout
 * effects, which run in the same commit that draws them: a key pressed the moment a screen appears
 * reaches that screen. (Ink's useInput subscribes in a passive effect; on a busy machine that ran
 * hundreds of milliseconds after the frame was drawn, and a key typed in between went to the screen
 * that had just been left.)
 */
export function KeyRouter({ children }: { children: ReactNode }) {
  const [listeners] = useState(() => new Set<KeyListener>());
  const route = useCallback(
    (input: string, key: Key) => {
      // A copy: a handler may open or close a screen, which changes the set while we go through it.
      for (const listener of [...listeners]) {
        const { handler, groupText } = listener.current;
        for (const press of splitKeys(input, key, { groupText })) handler(press.input, press.key);
      }
    },
    [listeners],
  );
  useInput(route);
  return <RouterContext.Provider value={listeners}>{children}</RouterContext.Provider>;
}

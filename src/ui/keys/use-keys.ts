import { createContext, useContext, useLayoutEffect } from 'react';
import { useInput, type Key } from 'ink';
import { useKeyRouter, type KeyListener } from './key-router.js';
import { splitKeys } from './split-keys.js';
import { useLatest } from '../hooks/use-latest.js';

/**
 * False while something covers the screen (the key help): the hidden screen stays mounted, with its
 * state and clock, but hears no keys. App provides it; screens never set it.
 */
export const KeysEnabledContext = createContext(true);

/** Whether this screen's keys are live (for components that take a focus flag, such as a menu). */
export function useKeysEnabled(): boolean {
  return useContext(KeysEnabledContext);
}

/**
 * The one way the UI listens to keys, with each key of a burst or paste delivered on its own (see
 * splitKeys) and silenced while the help covers the screen. Same signature as Ink's useInput; match
 * keys with `keys.x.matches(input, key)` from ./bindings. A text field passes `groupText` to get a run
 * of printable characters (a paste) as one input. Under the app's KeyRouter a handler is live from the
 * commit that draws its screen; without one (a screen rendered alone in a test) it is Ink's useInput.
 */
export function useKeys(
  handler: (input: string, key: Key) => void,
  options: { isActive?: boolean; groupText?: boolean } = {},
): void {
  const router = useKeyRouter();
  const enabled = useKeysEnabled();
  const active = (options.isActive ?? true) && enabled;
  const groupText = options.groupText ?? false;
  // The newest closure, swapped in the commit that renders it (never during render).
  const listener: KeyListener = useLatest({ handler, groupText });
  useLayoutEffect(() => {
    if (!router || !active) return;
    router.add(listener);
    return () => {
      router.delete(listener);
    };
  }, [router, active, listener]);
  useInput(
    (input, key) => {
      for (const press of splitKeys(input, key, { groupText })) handler(press.input, press.key);
    },
    { isActive: active && !router },
  );
}

import { createContext, useContext } from 'react';
import { useInput, type Key } from 'ink';
import { splitKeys } from './split-keys.js';

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
 * The one way the UI listens to keys: Ink's useInput, with each key of a burst or paste delivered
 * on its own (see splitKeys) and silenced while the help covers the screen. Same signature as
 * useInput; match keys with `keys.x.matches(input, key)` from ./bindings. A text field passes
 * `groupText` to get a run of printable characters (a paste) as one input.
 */
export function useKeys(
  handler: (input: string, key: Key) => void,
  options: { isActive?: boolean; groupText?: boolean } = {},
): void {
  const enabled = useKeysEnabled();
  useInput(
    (input, key) => {
      for (const press of splitKeys(input, key, { groupText: options.groupText })) handler(press.input, press.key);
    },
    { isActive: (options.isActive ?? true) && enabled },
  );
}

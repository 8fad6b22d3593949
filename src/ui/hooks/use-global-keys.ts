import { useInput } from 'ink';
import { useActions } from '../app-context.js';
import { keys } from '../keys/bindings.js';
import type { KeyScope } from '../keys/bindings.js';

/**
 * q quits, Esc goes back, ? opens the key help. Screens that take typed text turn this off
 * (isActive: false) while the user types, so those letters reach the text field.
 */
export function useGlobalKeys(scopes: readonly KeyScope[], options: { isActive?: boolean } = {}): void {
  const actions = useActions();
  useInput(
    (input, key) => {
      if (keys.quit.matches(input, key)) actions.quit();
      else if (keys.back.matches(input, key)) actions.back();
      else if (keys.help.matches(input, key)) actions.open({ name: 'help', scopes });
    },
    { isActive: options.isActive ?? true },
  );
}

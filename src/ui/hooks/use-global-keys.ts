import { useActions } from '../app-context.js';
import { keys } from '../keys/bindings.js';
import type { KeyScope } from '../keys/bindings.js';
import { useKeys } from '../keys/use-keys.js';

/**
 * q quits, Esc goes back, ? opens the key help (for `scopes`, this screen's keys). Screens that take
 * typed text turn these off (isActive: false) while the user types, so the letters reach the field;
 * ctrl+g opens the help even then.
 */
export function useGlobalKeys(scopes: readonly KeyScope[], options: { isActive?: boolean } = {}): void {
  const actions = useActions();
  useKeys((input, key) => {
    if (keys.helpAnywhere.matches(input, key)) actions.open({ name: 'help', scopes });
  });
  useKeys(
    (input, key) => {
      if (keys.quit.matches(input, key)) actions.quit();
      else if (keys.back.matches(input, key)) actions.back();
      else if (keys.help.matches(input, key)) actions.open({ name: 'help', scopes });
    },
    { isActive: options.isActive ?? true },
  );
}

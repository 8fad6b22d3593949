import { createContext, useCallback, useContext, useState } from 'react';

/** Values screens keep across navigation (filters, cursors, scroll positions), for one run of the app. */
export const MemoryContext = createContext<Map<string, unknown>>(new Map());

/**
 * useState that survives the screen being left and opened again: `key` names the value app-wide
 * (`'practice.topic'`). `get` reads the latest value at once, so a handler fed a burst of keys
 * (`jj` then enter) acts on where the cursor is now, not where it was at the last render.
 */
export function useRemembered<T>(key: string, initial: T): [T, (next: T | ((previous: T) => T)) => void, () => T] {
  const memory = useContext(MemoryContext);
  if (!memory.has(key)) memory.set(key, initial);
  const [value, setValue] = useState<T>(() => memory.get(key) as T);
  const get = useCallback(() => memory.get(key) as T, [memory, key]);
  const set = useCallback(
    (next: T | ((previous: T) => T)) => {
      const value = typeof next === 'function' ? (next as (previous: T) => T)(memory.get(key) as T) : next;
      memory.set(key, value);
      setValue(value);
    },
    [memory, key],
  );
  return [value, set, get];
}

import { useMemo } from 'react';

/**
 * The store appends to its lists in place, so a list's identity does not change when it grows.
 * This copy does: memos that read it recompute when the list grows (or is replaced), and only then.
 */
export function useListSnapshot<T>(list: readonly T[]): readonly T[] {
  const length = list.length;
  return useMemo(() => list.slice(0, length), [list, length]);
}

import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref holding `value` as of the last committed render, for key handlers and exit hooks.
 *
 * Ink hands the keys of one read to useInput one after the other and re-renders synchronously
 * after each (its root is not concurrent), but the handler subscribed is the one from before the
 * passive effects re-run: a key reading render state directly would see the state before the
 * previous key. The ref is brought up to date in a layout effect, which runs in that synchronous
 * commit, before the next key; a handler may also write it to carry a change to the next key of
 * its own burst before any render.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

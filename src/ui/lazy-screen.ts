import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface LazyScreen<P> {
  Screen: LazyExoticComponent<ComponentType<P>>;
  /** Load the module now; once it has loaded, the screen renders at once. */
  preload(): Promise<unknown>;
}

/**
 * A screen whose module loads on first use (the first frame pays only for home). React.lazy
 * suspends a render until its promise settles, even for a module already loaded, and a screen
 * suspended at start is not listening: keys typed meanwhile reach no one. So a screen preloaded
 * before its first render is handed to React.lazy as a thenable that settles at once, which React
 * reads synchronously (the first frame is the screen, and its keys are live with it).
 */
export function lazyScreen<P>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => (loading ??= load().then((component) => (loaded = component)));
  const Screen = lazy(() => {
    const component = loaded;
    // React calls only `then` (its types ask for a Promise).
    if (component) return settled({ default: component }) as Promise<{ default: ComponentType<P> }>;
    return preload().then((c) => ({ default: c }));
  });
  return { Screen, preload };
}

/** A thenable that calls back at once: React.lazy then resolves within the render that asked. */
function settled<T>(value: T): PromiseLike<T> {
  return {
    then<R1 = T, R2 = never>(onFulfilled?: ((v: T) => R1 | PromiseLike<R1>) | null): PromiseLike<R1 | R2> {
      return settled(onFulfilled ? (onFulfilled(value) as R1) : (value as unknown as R1));
    },
  };
}

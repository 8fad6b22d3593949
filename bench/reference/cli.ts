// The floor for any Ink app (bench/startup.mjs): one line of text, bundled like the project, with the
// global `fetch` hidden while Ink loads (yoga-layout's loader touches it, which loads Node's HTTP client).
export async function main(): Promise<number> {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  const { renderApp } = await import('./run.js');
  if (fetch) Object.defineProperty(globalThis, 'fetch', fetch);
  return renderApp();
}

/** Poll until `predicate` holds (or throw with the last value seen); never a fixed sleep. */
export async function waitFor<T>(
  read: () => T,
  predicate: (value: T) => boolean,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!predicate(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value:\n${String(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    value = read();
  }
  return value;
}

/** Wait until the rendered frame contains `text`. */
export function waitForText(
  lastFrame: () => string | undefined,
  text: string | RegExp,
  timeoutMs = 15_000,
): Promise<string | undefined> {
  const has = (frame: string | undefined) =>
    typeof text === 'string' ? (frame ?? '').includes(text) : text.test(frame ?? '');
  return waitFor(lastFrame, has, timeoutMs, `text ${String(text)}`);
}

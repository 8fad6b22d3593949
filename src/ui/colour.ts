/**
 * NO_COLOR (https://no-color.org) and FORCE_COLOR for the interactive app. Ink's colour library
 * reads FORCE_COLOR and the terminal but not NO_COLOR, and colours come from many places (the
 * theme, Markdown rendering); so with NO_COLOR everything written to the terminal passes a filter
 * that removes colour from each SGR sequence and keeps bold, dim, italic, underline and inverse,
 * which carry meaning (the cursor, the selection) without colour.
 */
export function colourWanted(env: Record<string, string | undefined>): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return !env.NO_COLOR;
}

const SGR = /\u001b\[([\d;:]*)m/g;

/** `ESC[1;31m` → `ESC[1m`; a sequence that only set colours disappears. */
export function stripColour(text: string): string {
  return text.replace(SGR, (whole, params: string) => {
    if (params === '' || params === '0') return whole;
    const kept: string[] = [];
    const parts = params.split(';');
    for (let i = 0; i < parts.length; i += 1) {
      const code = Number(parts[i].split(':')[0]);
      if (code === 38 || code === 48 || code === 58) {
        // 38;5;N or 38;2;R;G;B (the colon forms are one part)
        if (!parts[i].includes(':')) i += parts[i + 1] === '5' ? 2 : parts[i + 1] === '2' ? 4 : 0;
        continue;
      }
      if (
        (code >= 30 && code <= 39) ||
        (code >= 40 && code <= 49) ||
        (code >= 90 && code <= 97) ||
        (code >= 100 && code <= 107) ||
        code === 59
      )
        continue;
      kept.push(parts[i]);
    }
    return kept.length === 0 ? '' : `\u001b[${kept.join(';')}m`;
  });
}

/** Filter everything written to `stream` while the app runs; returns the undo. */
export function withoutColour(stream: NodeJS.WriteStream): () => void {
  const write = stream.write;
  stream.write = function (chunk: unknown, ...rest: unknown[]) {
    const text = typeof chunk === 'string' ? stripColour(chunk) : chunk;
    return (write as (...args: unknown[]) => boolean).call(stream, text, ...rest);
  } as typeof stream.write;
  return () => {
    stream.write = write;
  };
}

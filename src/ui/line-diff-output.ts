/**
 * Ink 6.8 repaints a frame by erasing every line of the previous one and writing the new one whole
 * (its `incrementalRendering` option is off by one line for inline apps: each frame lands a line
 * lower). A ticking clock would so rewrite the whole screen every second. This wraps the output
 * stream: a frame that follows a known frame is rewritten as the few lines that changed; anything
 * else (the first frame, a clear, cursor sequences) passes through untouched.
 */

const ESC = '\u001B[';
const ERASE_LINE = `${ESC}2K`;

/** What Ink writes before a frame to erase the previous one of `count` lines (ansi-escapes' eraseLines). */
export function eraseLines(count: number): string {
  let clear = '';
  for (let i = 0; i < count; i += 1) clear += ERASE_LINE + (i < count - 1 ? `${ESC}1A` : '');
  return count ? `${clear}${ESC}G` : clear;
}

/** Rewrites Ink's whole-frame repaints as line-by-line updates. */
export class LineDiffWriter {
  /** The lines of the frame on screen (the last entry is the empty one after its final newline). */
  private previous: string[] | undefined;

  /** What to write instead of `chunk`. */
  transform(chunk: string): string {
    const previous = this.previous;
    const prefix = previous ? eraseLines(previous.length) : '';
    const frame = previous && chunk.startsWith(prefix) ? chunk.slice(prefix.length) : undefined;
    if (previous && frame !== undefined && isFrame(frame)) {
      this.previous = frame.split('\n');
      return diff(previous, this.previous);
    }
    if (isFrame(chunk)) this.previous = chunk.split('\n');
    else if (chunk !== '' && !isControlOnly(chunk)) this.previous = undefined;
    return chunk;
  }
}

/** Plain frame text: lines ending in a newline, with colour (SGR) sequences only. */
function isFrame(text: string): boolean {
  return text.endsWith('\n') && !/\u001B\[[\d;?]*[A-HJKSTfhlsu]/.test(text);
}

/** Cursor show/hide and synchronized-update markers: they leave the frame on screen as it was. */
function isControlOnly(text: string): boolean {
  return /^(\u001B\[\?\d+[hl])+$/.test(text);
}

/**
 * From the line below the old frame: up to its first line, then each line that changed rewritten
 * and the others stepped over; lines the new frame no longer has are erased.
 */
function diff(old: string[], next: string[]): string {
  const oldCount = old.length - 1;
  const nextCount = next.length - 1;
  let out = oldCount > 0 ? `${ESC}${oldCount}A\r` : '\r';
  for (let i = 0; i < nextCount; i += 1) {
    out += i < oldCount && old[i] === next[i] ? '\n' : `${ERASE_LINE}${next[i]}\n`;
  }
  if (oldCount > nextCount) {
    const extra = oldCount - nextCount;
    out += `${ERASE_LINE}\n`.repeat(extra) + `${ESC}${extra}A`;
  }
  return out;
}

/** The stream Ink should write to: the same stream, with `write` going through a LineDiffWriter. */
export function lineDiffStream(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  const writer = new LineDiffWriter();
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') return (chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' ? writer.transform(chunk) : chunk, ...rest);
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

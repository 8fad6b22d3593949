import { wrapText } from '../engine/text/wrap.js';
import { stripColour, theme } from './theme.js';

type Render = (markdown: string, width: number) => string;
let render: Render | undefined;
let loading: Promise<void> | undefined;

/**
 * marked-terminal (with highlight.js) costs ~75 ms to import, so it loads on the first screen that
 * shows Markdown; until it is there, text is shown plainly wrapped.
 */
export function loadMarkdown(): Promise<void> {
  loading ??= (async () => {
    const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
    const cache = new Map<string, string>();
    render = (markdown, width) => {
      const key = `${width}\u0000${markdown}`;
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const marked = new Marked(
        markedTerminal({
          width,
          reflowText: true,
          tab: 2,
          showSectionPrefix: false,
          tableOptions: { wordWrap: true },
        }) as never,
      );
      // marked-terminal leaves emphasis inside list items raw: style what it left.
      const out = (marked.parse(markdown) as string)
        .replace(/\n+$/, '')
        .replace(/\*\*([^*\n]+)\*\*/g, '\u001b[1m$1\u001b[22m');
      cache.set(key, out);
      return out;
    };
  })();
  return loading;
}

/** Markdown as terminal lines (ANSI-styled once the renderer has loaded). */
export function markdownLines(markdown: string, width: number): string[] {
  // Go code is indented with tabs, which Ink measures as zero columns and drops: four spaces each.
  if (render)
    return (theme.colour ? render(markdown, width) : stripColour(render(markdown, width)))
      .replace(/\t/g, '    ')
      .split('\n');
  return wrapText(markdown.trim(), width);
}

export function markdownReady(): boolean {
  return render !== undefined;
}

import { useEffect, useState } from 'react';
import { loadMarkdown, markdownLines, markdownReady } from '../markdown.js';

/** Lines of rendered Markdown; re-renders once the renderer has loaded. */
export function useMarkdown(markdown: string, width: number): string[] {
  const [ready, setReady] = useState(markdownReady());
  useEffect(() => {
    if (ready) return;
    let live = true;
    void loadMarkdown().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [ready]);
  return markdownLines(markdown, width);
}

import { LineCounter, parseDocument, type Document } from 'yaml';

/** A Markdown file split into its YAML front matter (parsed, with positions) and its body. */
export interface FrontMatterFile {
  doc: Document.Parsed;
  /** 1-based file line of a field path such as ['steps', 2, 'rubric']; the nearest parent that exists. */
  lineOf(path: ReadonlyArray<string | number>): number;
  body: string;
  /** Problems of YAML syntax: [line, message]. */
  syntaxErrors: Array<[number, string]>;
}

export class FrontMatterMissing extends Error {}

export function splitFrontMatter(text: string): FrontMatterFile {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(normalised);
  if (!match) throw new FrontMatterMissing('the file must start with YAML front matter between --- lines');
  const yamlText = match[1];
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Front matter starts on file line 2 (after the opening ---).
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + 1;
  const syntaxErrors = doc.errors.map((e) => [toFileLine(e.pos[0]), e.message.split('\n')[0]] as [number, string]);
  const lineOf = (path: ReadonlyArray<string | number>): number => {
    for (let n = path.length; n >= 0; n -= 1) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return toFileLine(range[0]);
    }
    return 1;
  };
  return { doc, lineOf, body: normalised.slice(match[0].length), syntaxErrors };
}

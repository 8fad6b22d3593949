import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, plain JavaScript
import { ansiDiffFastPath } from '../../scripts/ansi-diff-fast-path.mjs';

interface Code {
  type: 'ansi';
  code: string;
  endCode: string;
}
interface Tokenizer {
  tokenize(text: string): unknown[];
  styledCharsFromTokens(tokens: unknown[]): Array<{ styles: Code[] }>;
  styledCharsToString(chars: unknown[]): string;
  diffAnsiCodes(from: Code[], to: Code[]): Code[];
  reduceAnsiCodes(codes: Code[]): Code[];
  ansiCodesToString(codes: Code[]): string;
}

// The package as published is the truth: the patched copy must give exactly its results.
const work = mkdtempSync(join(tmpdir(), 'gcd-ansi-diff-'));
let original: Tokenizer;
let patched: Tokenizer;

async function bundle(name: string, plugins: Plugin[]): Promise<Tokenizer> {
  const outfile = join(work, `${name}.mjs`);
  await build({
    stdin: { contents: "export * from '@alcalzone/ansi-tokenize';", resolveDir: process.cwd() },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    plugins,
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

beforeAll(async () => {
  original = await bundle('original', []);
  patched = await bundle('patched', [ansiDiffFastPath]);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ESC = '\u001B';
const pieces = fc.constantFrom(
  'a',
  ' ',
  '→',
  '日',
  `${ESC}[1m`,
  `${ESC}[2m`,
  `${ESC}[22m`,
  `${ESC}[3m`,
  `${ESC}[23m`,
  `${ESC}[4m`,
  `${ESC}[24m`,
  `${ESC}[31m`,
  `${ESC}[32m`,
  `${ESC}[39m`,
  `${ESC}[38;5;208m`,
  `${ESC}[38;2;1;2;3m`,
  `${ESC}[44m`,
  `${ESC}[49m`,
  `${ESC}[7m`,
  `${ESC}[27m`,
  `${ESC}[0m`,
  `${ESC}]8;;https://example.com\u0007`,
  `${ESC}]8;;\u0007`,
);
const line = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));

describe('the fast path of the ANSI style diff in Ink frames', () => {
  it('the patch is in the bundle (a build that skipped it would pass the rest)', () => {
    expect(patched.diffAnsiCodes.toString()).toContain('from.length === 0');
    expect(original.diffAnsiCodes.toString()).not.toContain('from.length === 0');
  });

  it.each([
    ['plain text', 'home'],
    ['bold then plain', `${ESC}[1mGo${ESC}[22m Coffee`],
    ['dim line', `${ESC}[2m↑/↓ move · enter open${ESC}[22m`],
    ['colour reset by 0m', `${ESC}[36m❯ Practice${ESC}[0m rest`],
  ])('a line as Ink draws it (%s) reads the same', (_, text) => {
    const chars = (t: Tokenizer) => t.styledCharsToString(t.styledCharsFromTokens(t.tokenize(text)));
    expect(chars(patched)).toBe(chars(original));
  });

  it('any line of text and escapes turns into the same string, cell by cell', () => {
    fc.assert(
      fc.property(line, (text) => {
        const chars = (t: Tokenizer) => t.styledCharsToString(t.styledCharsFromTokens(t.tokenize(text)));
        expect(chars(patched)).toBe(chars(original));
      }),
      { numRuns: 2000 },
    );
  });

  it('any two style sets diff the same, including empty, equal and reordered ones', () => {
    // Styles as Ink holds them: reduced from the codes a line opens before a cell.
    const styles = line.map((text) => {
      const tokens = original.tokenize(`${text}x`);
      return original.styledCharsFromTokens(tokens).at(-1)?.styles ?? [];
    });
    fc.assert(
      fc.property(styles, styles, fc.boolean(), (from, to, same) => {
        const target = same ? [...from] : to;
        expect(patched.diffAnsiCodes(from, target)).toEqual(original.diffAnsiCodes(from, target));
        expect(patched.ansiCodesToString(target)).toBe(original.ansiCodesToString(target));
      }),
      { numRuns: 2000 },
    );
  });
});

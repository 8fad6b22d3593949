// Ink turns every frame into a string cell by cell: for each of the screen's cells (2,900 on a
// 100×29 home screen) @alcalzone/ansi-tokenize diffs the cell's styles against the previous
// cell's, building three Sets and four arrays even when both are unstyled. That is most of what
// drawing a frame allocates (bench/startup.mjs: more young-generation collections before the first
// frame and a larger heap). This esbuild plugin answers the common cases before that work, with
// exactly the result the full diff gives: no styles on either side, none before, none after, the
// same styles on both. It fails the build if the functions are not found as expected (a newer
// version: check the cases still hold, or drop the plugin).
import { readFile } from 'node:fs/promises';

const patches = [
  {
    file: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]diff\.js$/,
    find: 'export function diffAnsiCodes(from, to) {\n',
    add: [
      // An empty `from` leaves nothing to undo, and every style of `to` is new.
      '    if (from.length === 0) return to.slice();',
      // An empty `to` undoes every style of `from` and adds none.
      '    if (to.length === 0) return undoAnsiCodes(from);',
      // The same styles in the same order: nothing to undo, nothing new.
      '    if (from.length === to.length && from.every((code, i) => code.code === to[i].code && code.endCode === to[i].endCode)) return [];',
    ],
  },
  {
    file: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]ansiCodes\.js$/,
    find: 'export function ansiCodesToString(codes) {\n',
    add: ["    if (codes.length === 0) return '';"],
  },
];

export const ansiDiffFastPath = {
  name: 'ansi-diff-fast-path',
  setup(build) {
    for (const patch of patches) {
      build.onLoad({ filter: patch.file }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (source.split(patch.find).length !== 2)
          throw new Error(`ansi-diff-fast-path: "${patch.find.trim()}" not found once in ${args.path}`);
        return { contents: source.replace(patch.find, `${patch.find}${patch.add.join('\n')}\n`), loader: 'js' };
      });
    }
  },
};

// Ink 6.8's incremental output (only changed lines rewritten; what keeps a ticking clock from
// repainting the screen) moves the cursor up one line too few when the last frame ended with a
// newline, which every frame shorter than the terminal does: each update then lands one row low.
// This esbuild plugin corrects that one expression in the bundled copy and fails the build if the
// expression is not found (a newer Ink: check whether it is fixed there and drop this plugin).
import { readFile } from 'node:fs/promises';

const BROKEN = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
const FIXED =
  "buffer.push(ansiEscapes.cursorUp(previousOutput.endsWith('\\n') ? previousVisible : previousVisible - 1));";

export const inkIncrementalFix = {
  name: 'ink-incremental-fix',
  setup(build) {
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]log-update\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(BROKEN)) throw new Error(`ink-incremental-fix: "${BROKEN}" not found in ${args.path}`);
      return { contents: source.replace(BROKEN, FIXED), loader: 'js' };
    });
  },
};

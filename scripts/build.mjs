// Bundle src/ into dist/ with esbuild (NOTES.md: a bundle starts ~2.5× faster than tsc output).
// `--if-stale` skips the build when dist/ is newer than every source file (used by `npm start`).
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ansiDiffFastPath } from './ansi-diff-fast-path.mjs';
import { inkIncrementalFix } from './ink-incremental-fix.mjs';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'cli.js');
const checklist = join(root, 'questions', 'checklist.yaml');

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    newest = Math.max(newest, name.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-stale') && existsSync(entry)) {
  const inputs = Math.max(
    newestMtime(join(root, 'src')),
    newestMtime(join(root, 'scripts')), // this file and its plugins
    ...[checklist, join(root, 'package.json')].map((path) => statSync(path).mtimeMs),
  );
  if (statSync(entry).mtimeMs >= inputs) process.exit(0);
}

/**
 * Every `string-width` import (Ink's, wrap-ansi's, cli-truncate's) goes to src/ui/string-width.ts, which
 * measures simple text without grapheme segmentation and hands the rest to the package; the package
 * builds its Intl.Segmenter on first use instead of at load (that costs milliseconds before the first frame).
 */
const stringWidthFastPath = {
  name: 'string-width-fast-path',
  setup(b) {
    const fast = join(root, 'src', 'ui', 'string-width.ts');
    b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === fast ? undefined : { path: fast }));
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = 'const segmenter = new Intl.Segmenter();';
      if (!source.includes(eager) || !source.includes('segmenter.segment(')) {
        return { errors: [{ text: `${args.path} changed: review the string-width fast path in scripts/build.mjs` }] };
      }
      return {
        contents: source
          .replace(eager, 'let segmenter;')
          .replace('segmenter.segment(', '(segmenter ??= new Intl.Segmenter()).segment('),
        loader: 'js',
      };
    });
  },
};

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The checklist is data the home screen shows: convert it here so the bundle needs no YAML parser to start.
let checklistData;
try {
  checklistData = parse(readFileSync(checklist, 'utf8'));
} catch (error) {
  console.error(`build: ${checklist}: ${error.message.split('\n')[0]}`);
  process.exit(1);
}
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  // The simulation worker is an entry of its own: the screens run long simulations on it (sim-runner.ts).
  entryPoints: { cli: join(root, 'src', 'cli.ts'), 'sim-worker': join(root, 'src', 'ui', 'sim-worker.ts') },
  outdir: join(root, 'dist'),
  bundle: true,
  splitting: true, // lazy imports (the app, marked-terminal) become chunks loaded on first use
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: {
    'process.env.NODE_ENV': '"production"', // React's production build: faster start and frames
    __GOCOFFEE_VERSION__: JSON.stringify(version),
    __GOCOFFEE_CHECKLIST__: JSON.stringify(checklistData),
  },
  // Ink imports react-devtools-core only when DEV is set; marking it external still crashes at start.
  alias: { 'react-devtools-core': join(root, 'scripts', 'devtools-stub.js') },
  // Bundled CommonJS (e.g. signal-exit) calls require(); give ESM one.
  banner: {
    js: "import { createRequire as __gcdCreateRequire } from 'node:module'; const require = __gcdCreateRequire(import.meta.url);",
  },
  plugins: [inkIncrementalFix, stringWidthFastPath, ansiDiffFastPath],
  logLevel: 'warning',
});

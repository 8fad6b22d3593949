// Startup benchmark (issue 17): time from launching the bin to the first frame of the home screen, in a
// pseudo-terminal the benchmark opens itself (bench/pty-first-frame.py, pty.fork), interleaved in one run
// with the floor of any Ink app (bench/reference: one line of text, bundled the same way) and `node -e 0`.
// Prints medians, the ratio to the floor and peak RSS. Goal: ≤ 1.15× the floor, ≤ 70 MB.
// usage: node bench/startup.mjs [rounds=10] [--no-build] [--with-store]
// --with-store also times the app on a store a few weeks of use leave (bench/history-store.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeHistoryStore } from './history-store.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 10);
const work = mkdtempSync(join(tmpdir(), 'gcd-startup-'));
const withStore = args.includes('--with-store');

if (!args.includes('--no-build'))
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

// The reference app, bundled with the project's esbuild settings (scripts/build.mjs).
await build({
  entryPoints: { cli: join(root, 'bench', 'reference', 'cli.ts') },
  outdir: join(work, 'reference'),
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { 'react-devtools-core': join(root, 'scripts', 'devtools-stub.js') },
  banner: {
    js: "import { createRequire as __gcdCreateRequire } from 'node:module'; const require = __gcdCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
const reference = join(work, 'reference', 'bin.js');
writeFileSync(reference, "import { main } from './cli.js';\nprocess.exit(await main());\n");

// Any three letters in a row is the first frame: it does not depend on the home screen's wording.
const frame = '[A-Za-z]{3}';
const spec = {
  rounds,
  warmup: 2,
  rows: 30,
  cols: 100,
  programs: [
    {
      name: 'app',
      argv: ['node', join(root, 'bin', 'gocoffee-drill.js')],
      env: { GOCOFFEE_DRILL_HOME: join(work, 'data'), TERM: 'xterm-256color' },
      marker: frame,
      keys: 'q',
    },
    { name: 'floor', argv: ['node', reference], env: { TERM: 'xterm-256color' }, marker: frame, keys: 'q' },
    { name: 'node', argv: ['node', '-e', '0'], marker: null },
  ],
};
if (withStore) {
  writeHistoryStore(join(work, 'history'));
  spec.programs.push({
    name: 'store',
    argv: ['node', join(root, 'bin', 'gocoffee-drill.js')],
    env: { GOCOFFEE_DRILL_HOME: join(work, 'history'), TERM: 'xterm-256color' },
    marker: frame,
    keys: 'q',
  });
}
const out = execFileSync('python3', [join(root, 'bench', 'pty-first-frame.py'), JSON.stringify(spec)], {
  encoding: 'utf8',
  maxBuffer: 1 << 24,
});
rmSync(work, { recursive: true, force: true });
const results = JSON.parse(out);

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const missed = (name) => results[name].filter((r) => r.first_ms === null).length;
if (missed('app') + missed('floor') > 0)
  console.error(`warning: no first frame in ${missed('app')} app and ${missed('floor')} floor runs`);

const app = median(results.app.map((r) => r.first_ms));
const floor = median(results.floor.map((r) => r.first_ms));
const node = median(results.node.map((r) => r.wall_ms));
// Peak RSS of each run (the kernel's high-water mark at exit): the median run, and the largest.
const appRss = median(results.app.map((r) => r.rss_mb));
const floorRss = median(results.floor.map((r) => r.rss_mb));
const appRssMax = Math.max(...results.app.map((r) => r.rss_mb));
console.log(
  `${rounds} interleaved rounds (after 2 warm-up) in a ${spec.cols}x${spec.rows} pty opened by the benchmark`,
);
console.log(`node -e 0 (whole process)       median ${node.toFixed(0)} ms`);
console.log(`one-line Ink app (the floor)     median ${floor.toFixed(0)} ms, peak RSS ${floorRss.toFixed(1)} MB`);
console.log(`gocoffee-drill, first home frame median ${app.toFixed(0)} ms, peak RSS ${appRss.toFixed(1)} MB`);
console.log(`ratio: ${(app / floor).toFixed(2)}x the floor (goal <= 1.15x); ${(app / node).toFixed(2)}x node -e 0`);
console.log(`peak RSS: ${appRss.toFixed(1)} MB median run, ${appRssMax.toFixed(1)} MB largest (goal <= 70 MB)`);
if (withStore) {
  const store = median(results.store.map((r) => r.first_ms));
  const storeRss = median(results.store.map((r) => r.rss_mb));
  console.log(
    `with a used store (60 attempts, 120 reviews, 5 mocks): median ${store.toFixed(0)} ms, ${(store / floor).toFixed(2)}x the floor, peak RSS ${storeRss.toFixed(1)} MB`,
  );
}

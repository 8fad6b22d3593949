// The try-it figure: a seed question's scenario run as the drill's "try it in the simulator"
// page runs it — baseline and variant on 5 seeds each, 10 simulations — timed in-process on the engine
// bundled from src/. Beside it, in the same invocation and alternating with it, one simulation of the
// same scenario (one seed, the baseline): the ratio try-it / one run is what the machine's load cannot
// move (this shared 2-core machine wanders by ±30%). Goal: try-it < 1 s.
// Usage: node bench/try-it.mjs [rounds=5]
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Under the package root (the content loader finds questions/ from there), where lint and git do not look.
const work = join(root, 'node_modules', '.cache', 'gocoffee-bench-try-it');
mkdirSync(work, { recursive: true });
const entry = join(work, 'entry.ts');
writeFileSync(
  entry,
  [
    `export { loadScenario } from '${join(root, 'src/content/scenario-file.ts')}';`,
    `export { compare, compareSteps, runOnce, seedsFrom } from '${join(root, 'src/engine/sim/compare.ts')}';`,
    `export { applyLevers } from '${join(root, 'src/engine/sim/levers.ts')}';`,
    `export { readLevers } from '${join(root, 'src/engine/sim/read-levers.ts')}';`,
    `export { validateScenario } from '${join(root, 'src/engine/sim/validate.ts')}';`,
  ].join('\n'),
);
// The same banner as the app's bundle: bundled CommonJS (yaml) needs a require.
await build({
  entryPoints: [entry],
  outfile: join(work, 'engine.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'error',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const sim = await import(pathToFileURL(join(work, 'engine.mjs')).href);

const rounds = Number(process.argv[2] ?? 5);
/** Each seed question's scenario and an answer to read its levers from. */
const CASES = [
  ['1.1 gateway-1000rps', 'gateway-1000rps', 'Scale out to 5 instances behind a least-connections balancer.'],
  ['1.2 availability-9999', 'availability-9999', 'Postgres with a hot standby and 30 s failover, 4 brokers.'],
  ['1.3 inventory-2pc', 'inventory-2pc', 'Each location sells its own stock: 1 location must answer.'],
  ['1.4 p95-500ms', 'p95-500ms', 'Redis in front for 90% cache hits and a pool of 40 connections.'],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

const drain = (steps) => {
  for (;;) if (steps.next().done) return;
};
console.log(
  `try-it: baseline + variant on 5 seeds each (10 runs), median of ${rounds} rounds; one run = the baseline on one seed;`,
);
console.log(
  `again = a second try on the page, the baseline kept (5 runs). Load average now: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on 2 cores\n`,
);
console.log(
  `${'scenario'.padEnd(24)}${'try-it ms'.padStart(10)}${'again ms'.padStart(10)}${'one run ms'.padStart(12)}${'ratio'.padStart(8)}  goal < 1 s`,
);
for (const [label, id, answer] of CASES) {
  const loaded = sim.loadScenario(id);
  const { values } = sim.readLevers(answer, loaded.scenario.levers);
  const variant = sim.validateScenario(sim.applyLevers(loaded.doc, loaded.scenario, values)).scenario;
  const seeds = sim.seedsFrom(loaded.scenario.seed, 5);
  sim.compare(loaded.scenario, variant, seeds); // warm-up: compile the loops once
  const tryIt = [];
  const again = [];
  const one = [];
  for (let r = 0; r < rounds; r += 1) {
    one.push(time(() => sim.runOnce(loaded.scenario, seeds[0])));
    const kept = new Map();
    tryIt.push(time(() => drain(sim.compareSteps(loaded.scenario, variant, seeds, kept))));
    again.push(time(() => drain(sim.compareSteps(loaded.scenario, variant, seeds, kept))));
  }
  const t = median(tryIt);
  const o = median(one);
  console.log(
    `${label.padEnd(24)}${t.toFixed(0).padStart(10)}${median(again).toFixed(0).padStart(10)}${o.toFixed(0).padStart(12)}${(t / o).toFixed(1).padStart(8)}  ${t < 1000 ? 'met' : 'NOT met'}`,
  );
}

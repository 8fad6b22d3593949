// What loading content costs (CPU time): the built-in question bank (every question file read, parsed and
// validated) and every shipped scenario, timed in-process on the loaders bundled from src/, plus the
// first load in a fresh process (module start-up included: the bank is loaded lazily, on first use).
// Usage: node bench/load-content.mjs [rounds=20]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'node_modules', '.cache', 'gocoffee-bench-load-content');
mkdirSync(work, { recursive: true });
const entry = join(work, 'entry.ts');
writeFileSync(
  entry,
  [
    `export { loadQuestionBank } from '${join(root, 'src/content/load-questions.ts')}';`,
    `export { loadScenario } from '${join(root, 'src/content/scenario-file.ts')}';`,
    `export { builtinQuestionsDir } from '${join(root, 'src/content/paths.ts')}';`,
  ].join('\n'),
);
const bundle = join(work, 'content.mjs');
await build({
  entryPoints: [entry],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'error',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});

// One fresh process: import the bundle, load the bank once, then one scenario. CPU time, not wall time:
// on a shared machine the wall clock measures the neighbours.
const once = `
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = cpu();
const c = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const t1 = cpu();
const dir = c.builtinQuestionsDir();
const bank = c.loadQuestionBank({ builtinDir: dir, extraDirs: [] });
const t2 = cpu();
c.loadScenario('gateway-1000rps');
const t3 = cpu();
console.log(JSON.stringify({ importMs: t1 - t0, bankMs: t2 - t1, scenarioMs: t3 - t2, questions: bank.questions.length, problems: bank.problems.length }));
`;
const rounds = Number(process.argv[2] ?? 20);
const cold = [];
for (let i = 0; i < 7; i += 1)
  cold.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', once], { cwd: root }).toString()));

const c = await import(pathToFileURL(bundle).href);
const dir = c.builtinQuestionsDir();
const scenarios = readdirSync(join(dir, 'scenarios')).filter((f) => f.endsWith('.yaml'));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const bank = [];
const sims = [];
for (let i = 0; i < rounds; i += 1) {
  let t = cpu();
  c.loadQuestionBank({ builtinDir: dir, extraDirs: [] });
  bank.push(cpu() - t);
  t = cpu();
  for (const f of scenarios) c.loadScenario(join(dir, 'scenarios', f));
  sims.push(cpu() - t);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`questions: ${cold[0].questions} (problems ${cold[0].problems}), scenarios: ${scenarios.length}`);
console.log(
  `fresh process, CPU median of 7: import ${ms(median(cold.map((r) => r.importMs)))}, first bank load ${ms(median(cold.map((r) => r.bankMs)))}, then one scenario ${ms(median(cold.map((r) => r.scenarioMs)))}`,
);
console.log(
  `warm, CPU median of ${rounds}: bank load ${ms(median(bank))}, all ${scenarios.length} scenarios ${ms(median(sims))}`,
);

// Mutation score of the pure engine, one target at a time, each against its own folder's tests (a mutant
// in a module-level table reruns every included test, so a narrow scope keeps a run in minutes).
// usage: node scripts/mutation.mjs [target…]   target: an engine folder (`sim`) or file (`sim/breaker`);
// default: every engine folder. Reports: .tmp/mutation/<target>.{html,json}.
// --only=a,b runs instead the test files of the target's top folder whose path contains a or b: a file that
// slow whole-simulation tests import is scored against its fast exact ones (the score says what those
// catch), and a file no test imports directly (a field table read through the validator) against those
// that reach it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const engine = join(root, 'src', 'engine');
const args = process.argv.slice(2);
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const named = args.filter((arg) => !arg.startsWith('--'));
const targets =
  named.length > 0 ? named : readdirSync(engine).filter((name) => statSync(join(engine, name)).isDirectory());

/** Every `.test.ts` under a folder, its subfolders included. */
function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? testFiles(join(dir, entry.name))
      : entry.name.endsWith('.test.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Mutants that count for the score: Stryker's own definition (killed + timeout over all covered or not). */
function score(files) {
  const tally = { detected: 0, total: 0 };
  for (const file of Object.values(files)) {
    for (const mutant of file.mutants) {
      if (mutant.status === 'CompileError' || mutant.status === 'RuntimeError' || mutant.status === 'Ignored') continue;
      tally.total += 1;
      if (mutant.status === 'Killed' || mutant.status === 'Timeout') tally.detected += 1;
    }
  }
  return tally;
}

const percent = ({ detected, total }) =>
  total === 0 ? '  n/a' : `${((100 * detected) / total).toFixed(1).padStart(5)}%`;
const rows = [];
for (const target of targets) {
  const isFile = existsSync(join(engine, `${target}.ts`));
  if (!isFile && !existsSync(join(engine, target))) {
    console.error(`mutation: no engine folder or file '${target}' under src/engine`);
    process.exit(2);
  }
  const files = isFile ? `src/engine/${target}.ts` : `src/engine/${target}/**/*.ts`;
  // A top folder is tested by its own test folder; a subfolder (`drill/scoring`) or a file by the test
  // files of its top folder that import it (and, for a subfolder, its own test folder if it has one).
  const testDir = join(root, 'test', 'engine', target.split('/')[0]);
  const imports = (source) => (isFile ? source.includes(`/${target}.js'`) : source.includes(`/${target}/`));
  const ownDir = `test/engine/${target}/`;
  const tests =
    only !== undefined
      ? testFiles(testDir)
          .map((path) => relative(root, path))
          .filter((path) => only.some((part) => path.includes(part)))
      : !isFile && !target.includes('/')
        ? [`test/engine/${target}/**/*.test.ts`]
        : testFiles(testDir)
            .map((path) => relative(root, path))
            .filter((path) => (!isFile && path.startsWith(ownDir)) || imports(readFileSync(join(root, path), 'utf8')));
  if (tests.length === 0) {
    console.error(
      `mutation: no test file under ${relative(root, testDir)} ${only ? `matches --only=${only.join(',')}` : `imports src/engine/${target}`}`,
    );
    process.exit(2);
  }
  const name = target.replace(/\//g, '-');
  const run = spawnSync('npx', ['stryker', 'run'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MUTATION_FILES: files, MUTATION_TESTS: tests.join(','), MUTATION_REPORT: name },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const report = JSON.parse(readFileSync(join(root, '.tmp', 'mutation', `${name}.json`), 'utf8'));
  const byFile = Object.entries(report.files).map(([path, file]) => [
    relative(engine, join(root, path)),
    score({ [path]: file }),
  ]);
  rows.push([target, score(report.files), byFile]);
}

console.log('\nmutation score (killed + timed out / all mutants)');
for (const [target, total, byFile] of rows) {
  console.log(`${percent(total)}  ${target}  (${total.detected}/${total.total})`);
  for (const [file, tally] of byFile) console.log(`    ${percent(tally)}  ${file}  (${tally.detected}/${tally.total})`);
}

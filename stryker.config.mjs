// Mutation testing of the pure engine. `npm run mutation` (scripts/mutation.mjs) runs it one folder at a
// time against that folder's tests and prints a score per file and folder; not in CI (tens of minutes).
const report = `.tmp/mutation/${process.env.MUTATION_REPORT ?? 'engine'}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [process.env.MUTATION_FILES ?? 'src/engine/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Two cores shared with other work: one test process at a time.
  concurrency: 1,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${report}.html` },
  jsonReporter: { fileName: `${report}.json` },
  // A rerun after adding tests retests only the mutants those tests cover, not the whole folder (an
  // hour for drill/scoring). Stryker may reuse a survivor in a module-level table (a static mutant)
  // although a new test kills it: delete .tmp/mutation/<target>.incremental.json for the score of record.
  incremental: true,
  incrementalFile: `${report}.incremental.json`,
  tempDirName: '.tmp/stryker',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', '.tmp', 'coverage', '*.tgz'],
};

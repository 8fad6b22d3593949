import { defineConfig } from 'vitest/config';

// Stryker runs only engine tests against each mutant: they are pure and need no dist/. A mutant in a
// module-level table ("static") reruns every included test, so scripts/mutation.mjs narrows the tests
// to the mutated folder's own, or to the test files that import the mutated file (MUTATION_TESTS:
// comma-separated globs).
const include = (process.env.MUTATION_TESTS ?? 'test/engine/**/*.test.ts').split(',');

export default defineConfig({
  test: {
    include,
    // Whole simulations under Stryker's coverage instrumentation take longer than vitest's 5 s default.
    testTimeout: 120_000,
    environment: 'node',
    pool: 'forks',
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
  },
});

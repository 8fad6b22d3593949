import { defineConfig } from 'vitest/config';

// Stryker runs only engine tests against each mutant: they are pure and need no dist/. A mutant in a
// module-level table ("static") reruns every included test, so scripts/mutation.mjs narrows the tests
// to the mutated folder's own (MUTATION_TESTS).
const scope = process.env.MUTATION_TESTS ?? 'test/engine';

export default defineConfig({
  test: {
    include: [`${scope}/**/*.test.ts`],
    environment: 'node',
    pool: 'forks',
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
  },
});

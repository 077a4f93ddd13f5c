import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'libs/*/test/**/*.test.ts',
      'properties/*/test/**/*.test.ts',
      'tools/test/**/*.test.ts',
      'test/e2e/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share a worker's modules: each file importing the libs afresh cost 96 s of
    // CI's worker time (68 s to 15 s for the libs' own tests). Tests leave no global state:
    // env stubs are undone, and build identities are read at each call.
    isolate: false,
    // Three files at a time on two cores: most end-to-end files wait on the processes they
    // start (git, the CLI, vitest), so a third keeps both cores busy: the trunk loop's
    // files took 137 s instead of 150 s. vitest's default (the cores minus one) is one.
    maxWorkers: 3,
  },
});

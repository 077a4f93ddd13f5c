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
    // Three files at a time on two cores: most end-to-end files wait on the processes they
    // start (git, the CLI, vitest), so a third keeps both cores busy: the trunk loop's
    // files took 137 s instead of 150 s. vitest's default (the cores minus one) is one.
    maxWorkers: 3,
  },
});

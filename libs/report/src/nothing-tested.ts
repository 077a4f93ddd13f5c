import type { RunSummary } from '@mainline/core';

/**
 * How many asked targets have no tests, and whether a green `test` run tested nothing at
 * all: then no report may call it passed (`mainline test --all` once printed `passed: 24
 * targets tested` having run no test).
 */
export function untested(summary: RunSummary): { readonly count: number; readonly all: boolean } {
  if (summary.command !== 'test') return { count: 0, all: false };
  const count = summary.tests.filter((test) => test.status === 'no-tests').length;
  return {
    count,
    all: count > 0 && count === summary.tests.length && summary.status === 'passed',
  };
}

import type { RunSummary, TargetTestResult } from '@mainline/core';

/** The name a target's build stands under among its tests: a broken build fails it. */
export const buildTest = '(build)';

/** A target's outcome at a commit, as the loop judges it. */
export interface TargetOutcome {
  readonly target: string;
  readonly red: boolean;
  /** Its status: a test status, or `build-failed`. */
  readonly status: string;
  /** Failing tests (`file > name`, or a file's own failure as `file`), `(build)` for the build. */
  readonly failing: readonly string[];
  /** Tests that passed (same names), so a search can count a pass. */
  readonly passing: readonly string[];
  /** The recorded build and test run it comes from, if it ran. */
  readonly runId?: number;
}

/** Each asked target's outcome from a run's summary. */
export function targetOutcomes(summary: RunSummary): TargetOutcome[] {
  const builds = new Map(summary.builds.map((build) => [build.target, build]));
  return summary.tests.map((test) => {
    const build = builds.get(test.target);
    if (build?.status === 'failed') {
      return {
        target: test.target,
        red: true,
        status: 'build-failed',
        failing: [buildTest],
        passing: [],
      };
    }
    return outcomeOf(test);
  });
}

function outcomeOf(test: TargetTestResult): TargetOutcome {
  const failing = [
    ...test.fileErrors.map((error) => error.file),
    ...test.tests.filter((t) => t.status === 'failed').map((t) => `${t.file} > ${t.name}`),
  ];
  const passing = [
    buildTest,
    ...test.tests
      .filter((t) => t.status === 'passed' || t.status === 'flaky')
      .map((t) => `${t.file} > ${t.name}`),
  ];
  // A target skipped behind a dep's failure is not red itself: the dep is.
  return {
    target: test.target,
    red: test.status === 'failed',
    status: test.status,
    failing,
    passing,
  };
}

import { createRequire } from 'node:module';
import type { RunSummary } from '@mainline/core';
import type { Builder } from 'junit-report-builder';

/**
 * JUnit XML for CI test tabs: one <testsuite> per target, a <testcase> per test (file
 * as classname), and a failed `build` case when the target did not build. Loads
 * junit-report-builder only when a report is asked for.
 */
export async function junitReport(summary: RunSummary): Promise<string> {
  // By require, not import(): the CLI runs from a V8 code cache, where import() cannot work.
  const junit = createRequire(import.meta.url)('junit-report-builder') as Builder;
  const builder = junit.newBuilder().name(`mainline ${summary.command}`);
  const buildOf = new Map(summary.builds.map((build) => [build.target, build]));
  for (const test of summary.tests) {
    const suite = builder.testSuite().name(test.target).time(seconds(test.durationMs));
    const build = buildOf.get(test.target);
    if (build?.status === 'failed') {
      const problems = build.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
      suite.testCase().className(test.target).name('build').failure(problems.join('\n'));
    }
    if (test.status === 'no-tests') {
      // Nothing ran: a skipped case, so a CI tab shows the target and counts no pass.
      suite
        .testCase()
        .className(test.target)
        .name('(no tests)')
        .skipped()
        .property('reason', 'the target has no test file');
      continue;
    }
    if (test.status === 'skipped' || test.status === 'not-run') {
      suite.testCase().className(test.target).name('tests').skipped();
      continue;
    }
    for (const error of test.fileErrors) {
      suite.testCase().className(error.file).name('(file)').error(error.message);
    }
    for (const result of test.tests) {
      const testCase = suite
        .testCase()
        .className(result.file)
        .name(result.name)
        .time(seconds(result.durationMs));
      testCase.file(result.location?.file ?? result.file);
      if (result.status === 'skipped') testCase.skipped();
      if (result.status === 'failed') {
        const at = result.location ? ` (${result.location.file}:${result.location.line})` : '';
        testCase.failure(`${result.message ?? 'failed'}${at}`);
      }
      if (result.status === 'flaky')
        testCase.property('flaky', `passed after ${result.attempts} attempts`);
    }
  }
  return builder.build();
}

/** Milliseconds as seconds to the millisecond (`0.097`, not `0.09662832300000014`). */
function seconds(durationMs: number): number {
  return Math.round(durationMs) / 1000;
}

import type {
  Diagnostic,
  Target,
  TargetBuildResult,
  TargetTestResult,
  TestCaseResult,
} from '@mainline/core';
import type { NightlyReport, NightlyTarget, NightlyTestCase } from './nightly-report.ts';

export type NightlyStatus = NightlyTarget['status'];

/** Build errors kept per target: the first lines say what broke; the store has the rest. */
const messagesKept = 10;

/**
 * One colour for a target's night, from its build and test statuses (as results and the
 * store spell them): a red build or red tests are red, a flaky test makes it flaky, a
 * target not built (a dep failed, the run stopped) is skipped.
 */
export function foldStatus(build: string | undefined, test: string | undefined): NightlyStatus {
  if (build === 'failed' || test === 'failed') return 'red';
  if (build !== 'passed' && build !== 'cached') return 'skipped';
  if (test === 'flaky') return 'flaky';
  if (test === 'no-tests') return 'no-tests';
  if (test === 'skipped' || test === 'not-run') return 'skipped';
  return 'green';
}

/** Every target of BUILD.json, in its order, with its night. */
export function nightlyTargets(
  targets: Iterable<Target>,
  builds: readonly TargetBuildResult[],
  tests: readonly TargetTestResult[],
): NightlyTarget[] {
  const buildOf = new Map(builds.map((build) => [build.target, build]));
  const testOf = new Map(tests.map((test) => [test.target, test]));
  return [...targets].map((target) => {
    const build = buildOf.get(target.name);
    const test = testOf.get(target.name);
    return {
      name: target.name,
      kind: target.kind,
      deps: [...target.deps],
      status: foldStatus(build?.status, test?.status),
      build: {
        status: build?.status ?? 'not-run',
        durationMs: Math.round(build?.durationMs ?? 0),
        messages: errorLines(build?.diagnostics ?? []),
      },
      ...(test === undefined
        ? {}
        : {
            test: {
              status: test.status,
              durationMs: Math.round(test.durationMs),
              tests: test.tests.map(testCase),
              fileErrors: test.fileErrors.map(({ file, message }) => ({ file, message })),
            },
          }),
    };
  });
}

export function countStatuses(targets: readonly NightlyTarget[]): NightlyReport['counts'] {
  const count = (status: NightlyStatus) => targets.filter((t) => t.status === status).length;
  return {
    red: count('red'),
    flaky: count('flaky'),
    green: count('green'),
    skipped: count('skipped'),
    noTests: count('no-tests'),
  };
}

/** A target's time tonight: its build and its tests. */
export function targetDuration(target: NightlyTarget): number {
  return target.build.durationMs + (target.test?.durationMs ?? 0);
}

function errorLines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .slice(0, messagesKept)
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
}

function testCase(test: TestCaseResult): NightlyTestCase {
  return {
    file: test.file,
    name: test.name,
    status: test.status,
    durationMs: Math.round(test.durationMs),
    attempts: test.attempts,
    ...(test.message === undefined ? {} : { message: test.message }),
  };
}

import type { TestCaseResult } from '@mainline/core';
import type { TestCase } from 'vitest/node';
import { locateFailure, type ReportedError } from './locate-failure.ts';
import type { TestFileError } from './test-results.ts';

/**
 * A finished vitest test as mainline's result, or undefined while it is still pending.
 * Passed after a retry is `flaky`; attempts count the first run and every retry.
 * Failed and flaky tests carry the last error's message and where it was raised.
 */
export function toTestCaseResult(
  test: TestCase,
  file: string,
  root: string,
): TestCaseResult | undefined {
  const result = test.result();
  if (result.state === 'pending') return undefined;
  const diagnostic = test.diagnostic();
  const retries = diagnostic?.retryCount ?? 0;
  const base = {
    file,
    name: test.fullName,
    durationMs: diagnostic?.duration ?? 0,
    attempts: result.state === 'skipped' ? 0 : retries + 1,
  };
  if (result.state === 'skipped') return { ...base, status: 'skipped' };
  const flaky = result.state === 'passed' && (diagnostic?.flaky === true || retries > 0);
  const error = result.errors?.at(-1);
  if (result.state === 'passed' && !flaky) return { ...base, status: 'passed' };
  const status = flaky ? 'flaky' : 'failed';
  if (!error) return { ...base, status };
  const declaredAt = test.location;
  const located = locateFailure(error, {
    root,
    testFile: test.module.moduleId,
    ...(declaredAt ? { declaredAt } : {}),
  });
  return { ...base, status, ...located };
}

/** An error of a whole file (or of the run) with its message and location. */
export function toFileError(
  error: ReportedError,
  root: string,
  testFile: string,
  source?: string,
): TestFileError {
  return locateFailure(error, { root, testFile, ...(source === undefined ? {} : { source }) });
}

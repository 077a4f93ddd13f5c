import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { SourceLocation, TestCaseResult } from '@mainline/core';
import type { TestFileError, TestFileResult, VitestTargetResult } from '../vitest/test-results.ts';
import type { JunitCase } from './junit-cases.ts';

/** What one run of a target's test command gave: its test cases, and what went wrong with it. */
export interface CommandAttempt {
  readonly cases: readonly JunitCase[];
  /** Why the run as a whole is red (no report, a bad exit, a time-out...), if it is. */
  readonly problem?: TestFileError;
  readonly durationMs: number;
}

export interface AttemptContext {
  /** Absolute folder the repo-relative paths are relative to. */
  readonly root: string;
  /** Repo-relative folder the command ran in: relative `file` attributes start there. */
  readonly cwd: string;
  readonly target: string;
}

/** A run that needs no retry: no failed test and nothing wrong with the command itself. */
export function attemptPassed(attempt: CommandAttempt): boolean {
  return attempt.problem === undefined && !attempt.cases.some((c) => c.status === 'failed');
}

/**
 * The target's result from its runs (the first, then one per retry while red). A test is
 * judged by the last run: red there is `failed`; green there after red in an earlier run
 * is `flaky`, with the first failure's message. The last run's own problem fails the
 * target, reported under the command's folder (or the file a test names). Each test
 * case's file is its report's `file` attribute, else the first frame of its stack inside
 * the repository (not in node_modules), else the command's folder.
 */
export function commandResult(
  attempts: readonly CommandAttempt[],
  context: AttemptContext,
  interrupted: boolean,
): VitestTargetResult {
  const last = attempts.at(-1);
  const durationMs = attempts.reduce((sum, attempt) => sum + attempt.durationMs, 0);
  if (last === undefined) {
    return { target: context.target, status: 'interrupted', durationMs, files: [] };
  }
  const earlier = new Map<string, { failures: number; first?: TestCaseResult; runs: number }>();
  for (const attempt of attempts.slice(0, -1)) {
    for (const junitCase of attempt.cases) {
      const test = toTestCase(junitCase, context);
      const key = caseKey(junitCase);
      const seen = earlier.get(key) ?? { failures: 0, runs: 0 };
      seen.runs++;
      if (test.status === 'failed') {
        seen.failures++;
        seen.first ??= test;
      }
      earlier.set(key, seen);
    }
  }
  const tests = last.cases.map((junitCase): TestCaseResult => {
    const test = toTestCase(junitCase, context);
    const seen = earlier.get(caseKey(junitCase));
    if (seen === undefined) return test;
    const attemptsOf = seen.runs + 1;
    if (test.status === 'passed' && seen.first !== undefined) {
      const { message, location } = seen.first;
      return {
        ...test,
        status: 'flaky',
        attempts: attemptsOf,
        ...(message ? { message } : {}),
        ...(location ? { location } : {}),
      };
    }
    return { ...test, attempts: attemptsOf };
  });
  const files = byFile(tests, last.problem, context);
  const failed = files.some((file) => file.status === 'failed');
  const status = interrupted
    ? 'interrupted'
    : failed
      ? 'failed'
      : tests.some((test) => test.status === 'flaky')
        ? 'flaky'
        : 'passed';
  return { target: context.target, status, durationMs, files };
}

function caseKey(junitCase: JunitCase): string {
  return `${junitCase.file ?? ''}\0${junitCase.name}`;
}

function byFile(
  tests: readonly TestCaseResult[],
  problem: TestFileError | undefined,
  context: AttemptContext,
): TestFileResult[] {
  const files = new Map<string, TestCaseResult[]>();
  for (const test of tests) {
    const list = files.get(test.file);
    if (list) list.push(test);
    else files.set(test.file, [test]);
  }
  const results: TestFileResult[] = [...files].map(([file, cases]) => ({
    file,
    status: cases.some((test) => test.status === 'failed') ? 'failed' : 'passed',
    durationMs: cases.reduce((sum, test) => sum + test.durationMs, 0),
    tests: cases,
    errors: [],
  }));
  if (problem !== undefined) {
    const folder = context.cwd;
    const index = results.findIndex((result) => result.file === folder);
    const own = results[index];
    if (own === undefined) {
      results.push({ file: folder, status: 'failed', durationMs: 0, tests: [], errors: [problem] });
    } else {
      results[index] = { ...own, status: 'failed', errors: [problem] };
    }
  }
  return results;
}

function toTestCase(junitCase: JunitCase, context: AttemptContext): TestCaseResult {
  const frame = junitCase.details ? ownFrame(junitCase.details, context.root) : undefined;
  const named = junitCase.file ? repoPath(junitCase.file, context) : undefined;
  const file = named ?? frame?.file ?? context.cwd;
  const status = junitCase.status;
  return {
    file,
    name: junitCase.name,
    status,
    durationMs: junitCase.durationMs,
    attempts: 1,
    ...(junitCase.message ? { message: junitCase.message } : {}),
    ...(frame && status === 'failed' ? { location: frame } : {}),
  };
}

/** A report's path, repo-relative, when it is inside the repository. */
function repoPath(path: string, context: AttemptContext): string | undefined {
  const absolute = isAbsolute(path) ? path : resolve(context.root, context.cwd, path);
  const inside = relative(context.root, absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return inside.split(sep).join('/');
}

/** The first `path:line:column` of a stack inside the repository and outside node_modules. */
function ownFrame(details: string, root: string): SourceLocation | undefined {
  // POSIX paths, plain or as file:// URLs (node --test prints those for ES modules).
  const frame = /(?:file:\/\/)?(\/[^\s():]+):(\d+):(\d+)/g;
  for (const match of details.matchAll(frame)) {
    const path = decoded(match[1] as string);
    const inside = relative(root, path);
    if (inside.startsWith('..') || isAbsolute(inside)) continue;
    if (inside.split(sep).includes('node_modules')) continue;
    return { file: inside.split(sep).join('/'), line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

function decoded(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

import type { TestFileResult, VitestTargetResult } from '@mainline/runner';

/**
 * What vitest says about a test written for jest: its globals imported (`@jest/globals`
 * refuses to load outside jest, or is not installed) or used (`jest.mock`, `jest.fn`).
 */
const jestSigns = [
  /@jest\/globals/,
  /\bjest is not defined\b/,
  /Cannot find (?:module|package) '(?:jest-mock|@jest\/[\w-]+)'/,
];

/** vitest's globals (`describe`, `it`, `expect`...) used without being imported or enabled. */
const globalsSign =
  /\b(?:describe|it|test|expect|beforeEach|afterEach|beforeAll|afterAll) is not defined\b/;

/** The BUILD.json entry that runs a target's tests with jest, JUnit written by jest-junit. */
export function jestRunnerSnippet(): string {
  return '"testRunner": { "command": ["npx", "jest", "--ci", "--reporters=default", "--reporters=jest-junit"] }';
}

/**
 * A failure message with what to do when the file needs another runner than vitest, or
 * vitest's globals; the message unchanged otherwise.
 */
export function withRunnerHint(message: string, target: string): string {
  if (jestSigns.some((sign) => sign.test(message))) {
    return `${message}\nthis test file is written for jest, and mainline runs tests with vitest unless told otherwise; to run ${target}'s tests with jest, add to its entry in BUILD.json: ${jestRunnerSnippet()} (with jest and jest-junit installed: npm install -D jest jest-junit)`;
  }
  if (globalsSign.test(message)) {
    return `${message}\nthis test uses vitest's globals without importing them: import them from 'vitest', or set test.globals: true in the repository's vitest.config (mainline reads it)`;
  }
  return message;
}

/**
 * A target's vitest results with the hint on the first failure of each file that shows
 * the signs (a file error, else its first such test): once per file, not per test.
 */
export function hintOtherRunners(result: VitestTargetResult): VitestTargetResult {
  const files = result.files.map((file): TestFileResult => {
    let hinted = false;
    const hint = (message: string): string => {
      if (hinted) return message;
      const withHint = withRunnerHint(message, result.target);
      hinted = withHint !== message;
      return withHint;
    };
    const errors = file.errors.map((error) => ({ ...error, message: hint(error.message) }));
    const tests = file.tests.map((test) =>
      test.status === 'failed' && test.message !== undefined
        ? { ...test, message: hint(test.message) }
        : test,
    );
    return hinted ? { ...file, errors, tests } : file;
  });
  return { ...result, files };
}

import { describe, expect, it } from 'vitest';
import { type CommandAttempt, commandResult } from '../../src/command/command-attempts.ts';
import type { JunitCase } from '../../src/command/junit-cases.ts';

const context = { root: '/repo', cwd: 'libs/a', target: 'libs/a' };
const passed = (name: string, file?: string): JunitCase => ({
  name,
  status: 'passed',
  durationMs: 1,
  ...(file ? { file } : {}),
});
const failed = (name: string, message: string, details = ''): JunitCase => ({
  name,
  status: 'failed',
  durationMs: 1,
  message,
  details,
});
const attempt = (...cases: JunitCase[]): CommandAttempt => ({ cases, durationMs: 10 });

describe('commandResult', () => {
  it('judges each test by the last run: red then green is flaky, red throughout failed', () => {
    const stack = (line: number) =>
      `AssertionError: nope\n    at file:///repo/libs/a/test/math.test.mjs:${line}:7\n    at /repo/node_modules/runner/index.js:1:1`;
    const result = commandResult(
      [
        attempt(
          passed('adds', 'test/math.test.mjs'),
          failed('subtracts', '1 !== 2', stack(6)),
          failed('flaky', 'first run fails', stack(9)),
        ),
        attempt(
          passed('adds', 'test/math.test.mjs'),
          failed('subtracts', '1 !== 2', stack(6)),
          passed('flaky'),
        ),
      ],
      context,
      false,
    );
    expect(result.status).toBe('failed');
    expect(result.durationMs).toBe(20);
    const tests = result.files.flatMap((file) => file.tests);
    expect(tests).toEqual([
      // A relative `file` attribute is relative to the command's folder.
      {
        file: 'libs/a/test/math.test.mjs',
        name: 'adds',
        status: 'passed',
        durationMs: 1,
        attempts: 2,
      },
      {
        file: 'libs/a/test/math.test.mjs',
        name: 'subtracts',
        status: 'failed',
        durationMs: 1,
        attempts: 2,
        message: '1 !== 2',
        location: { file: 'libs/a/test/math.test.mjs', line: 6, column: 7 },
      },
      // Green in the last run, with neither a file attribute nor a stack: the folder.
      {
        file: 'libs/a',
        name: 'flaky',
        status: 'flaky',
        durationMs: 1,
        attempts: 2,
        message: 'first run fails',
        location: { file: 'libs/a/test/math.test.mjs', line: 9, column: 7 },
      },
    ]);
  });

  it("fails on the last run's own problem, and is flaky when only flaky tests were red", () => {
    const problem = { message: 'exited with code 1 though no test in its JUnit report failed' };
    const red = commandResult([{ ...attempt(passed('a')), problem }], context, false);
    expect(red.status).toBe('failed');
    expect(red.files.map((file) => [file.file, file.status, file.errors])).toEqual([
      ['libs/a', 'failed', [problem]],
    ]);
    const flaky = commandResult(
      [attempt(failed('a', 'once')), attempt(passed('a'))],
      context,
      false,
    );
    expect(flaky.status).toBe('flaky');
    expect(commandResult([], context, true).status).toBe('interrupted');
  });
});

import { describe, expect, it } from 'vitest';
import { hintOtherRunners, withRunnerHint } from '../src/other-runner-hint.ts';

describe('a test written for another runner', () => {
  it('says how to run it with jest, or how to get vitest globals', () => {
    for (const message of [
      'Do not import `@jest/globals` outside of the Jest test environment',
      'Failed to load url @jest/globals (resolved id: @jest/globals) in /r/a.test.ts. Does the file exist?',
      'ReferenceError: jest is not defined',
    ]) {
      expect(withRunnerHint(message, 'libs/a')).toContain(
        `${message}\nthis test file is written for jest, and mainline runs tests with vitest unless told otherwise; to run libs/a's tests with jest, add to its entry in BUILD.json: "testRunner": {`,
      );
    }
    expect(withRunnerHint('ReferenceError: describe is not defined', 'libs/a')).toContain(
      "import them from 'vitest', or set test.globals: true",
    );
    expect(withRunnerHint('expected 1 to be 2', 'libs/a')).toBe('expected 1 to be 2');
  });

  it('hints once per file', () => {
    const failed = (name: string) => ({
      file: 'a.test.ts',
      name,
      status: 'failed' as const,
      durationMs: 1,
      attempts: 1,
      message: 'ReferenceError: jest is not defined',
    });
    const result = hintOtherRunners({
      target: 'libs/a',
      status: 'failed',
      durationMs: 2,
      files: [
        {
          file: 'a.test.ts',
          status: 'failed',
          durationMs: 2,
          errors: [],
          tests: [failed('one'), failed('two')],
        },
      ],
    });
    const messages = result.files[0]?.tests.map((test) => test.message);
    expect(messages?.[0]).toContain('written for jest');
    expect(messages?.[1]).toBe('ReferenceError: jest is not defined');
  });
});

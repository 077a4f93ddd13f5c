import type { TestCaseResult } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { type RunOutcome, targetResults } from '../../src/vitest/target-results.ts';
import type { TestFileResult } from '../../src/vitest/test-results.ts';

function test(file: string, status: TestCaseResult['status']): TestCaseResult {
  return { file, name: `${status} test`, status, durationMs: 1, attempts: 1 };
}

function fileResult(file: string, ...statuses: TestCaseResult['status'][]): TestFileResult {
  const failed = statuses.includes('failed');
  return {
    file,
    status: failed ? 'failed' : 'passed',
    durationMs: 10,
    tests: statuses.map((s) => test(file, s)),
    errors: [],
  };
}

function outcome(overrides: Partial<RunOutcome>): RunOutcome {
  return {
    files: [],
    results: new Map(),
    missing: new Set(),
    runErrors: [],
    interrupted: false,
    durationMs: 100,
    ...overrides,
  };
}

describe('targetResults', () => {
  it('groups files by target in request order, a shared file under each of its targets', () => {
    const results = new Map([
      ['a.test.ts', fileResult('a.test.ts', 'passed')],
      ['s.test.ts', fileResult('s.test.ts', 'passed', 'skipped')],
      ['b.test.ts', fileResult('b.test.ts', 'passed')],
    ]);
    const run = targetResults(
      outcome({
        files: [
          { file: 'b.test.ts', target: 'b' },
          { file: 's.test.ts', target: 'a' },
          { file: 'a.test.ts', target: 'a' },
          { file: 's.test.ts', target: 'b' },
          { file: 's.test.ts', target: 'b' },
        ],
        results,
      }),
    );
    expect(run.status).toBe('passed');
    expect(run.durationMs).toBe(100);
    expect(run.targets.map((t) => [t.target, t.files.map((f) => f.file), t.durationMs])).toEqual([
      ['b', ['b.test.ts', 's.test.ts'], 20],
      ['a', ['s.test.ts', 'a.test.ts'], 20],
    ]);
  });

  it('is failed, flaky or passed per target; failed wins over interrupted', () => {
    const results = new Map([
      ['red.test.ts', fileResult('red.test.ts', 'passed', 'failed')],
      ['flaky.test.ts', fileResult('flaky.test.ts', 'passed', 'flaky')],
      ['green.test.ts', fileResult('green.test.ts', 'passed')],
    ]);
    const run = targetResults(
      outcome({
        files: [
          { file: 'red.test.ts', target: 'red' },
          { file: 'gone.test.ts', target: 'red' },
          { file: 'flaky.test.ts', target: 'flaky' },
          { file: 'green.test.ts', target: 'green' },
        ],
        results,
        interrupted: true,
      }),
    );
    expect(run.status).toBe('interrupted');
    expect(run.targets.map((t) => [t.target, t.status])).toEqual([
      ['red', 'failed'],
      ['flaky', 'flaky'],
      ['green', 'passed'],
    ]);
    expect(run.targets[0]?.files[1]).toEqual({
      file: 'gone.test.ts',
      status: 'interrupted',
      durationMs: 0,
      tests: [],
      errors: [],
    });
  });

  it('never lets a file pass silently: missing or unreported files fail', () => {
    const run = targetResults(
      outcome({
        files: [
          { file: 'missing.test.ts', target: 't' },
          { file: 'unreported.test.ts', target: 'u' },
        ],
        missing: new Set(['missing.test.ts']),
      }),
    );
    expect(run.status).toBe('failed');
    expect(run.targets.map((t) => [t.status, t.files[0]?.errors[0]?.message])).toEqual([
      ['failed', 'test file not found: missing.test.ts'],
      ['failed', 'vitest did not report unreported.test.ts: the run ended before it finished'],
    ]);
  });

  it('fails the run on an error no file claims', () => {
    const run = targetResults(outcome({ runErrors: [{ message: 'worker crashed' }] }));
    expect(run).toMatchObject({ status: 'failed', errors: [{ message: 'worker crashed' }] });
  });
});

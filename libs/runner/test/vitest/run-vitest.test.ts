import { readdirSync } from 'node:fs';
import { isMainlineError } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { runVitest, type TestIsolation } from '../../src/vitest/index.ts';
import { eventLog, fixtureRoot, testFile, twoTargetFiles, twoTargets } from './fixtures.ts';

describe('runVitest', () => {
  it('runs the files of two targets in one run and maps each result to its targets', async () => {
    const root = fixtureRoot(twoTargets);
    const { events, onEvent } = eventLog();
    const result = await runVitest({ root, files: twoTargetFiles, retries: 0, onEvent });

    expect(result.status).toBe('passed');
    expect(result.errors).toEqual([]);
    expect(result.targets.map((t) => [t.target, t.status])).toEqual([
      ['libs/a', 'passed'],
      ['libs/b', 'passed'],
    ]);
    const [a, b] = result.targets;
    expect(a?.files.map((f) => [f.file, f.status])).toEqual([
      ['libs/a/test/math.test.ts', 'passed'],
      ['libs/a/test/more.test.ts', 'passed'],
      ['libs/shared/test/shared.test.ts', 'passed'],
    ]);
    expect(b?.files.map((f) => f.file)).toEqual([
      'libs/b/test/b.test.ts',
      'libs/shared/test/shared.test.ts',
    ]);
    const math = a?.files[0];
    expect(math?.tests.map((t) => [t.name, t.status, t.attempts])).toEqual([
      ['math > adds', 'passed', 1],
      ['math > nested > multiplies', 'passed', 1],
      ['math > later', 'skipped', 0],
    ]);
    expect(math?.tests.every((t) => t.file === 'libs/a/test/math.test.ts')).toBe(true);
    expect(math?.durationMs).toBeGreaterThan(0);
    expect(a?.durationMs).toBeGreaterThanOrEqual(math?.durationMs ?? 0);

    // Events: every file starts, then finishes; every test reports with its targets.
    for (const file of Object.keys(twoTargets)) {
      const started = events.findIndex((e) => e.type === 'file-started' && e.file === file);
      const finished = events.findIndex(
        (e) => e.type === 'file-finished' && e.result.file === file,
      );
      expect(started).toBeGreaterThanOrEqual(0);
      expect(finished).toBeGreaterThan(started);
    }
    const shared = events.find((e) => e.type === 'test-finished' && e.test.name === 'is shared');
    expect(shared).toMatchObject({ targets: ['libs/a', 'libs/b'] });
    expect(events.filter((e) => e.type === 'test-finished')).toHaveLength(6);
    // The test's console output is an event naming its file and test, never our stdout.
    expect(events).toContainEqual({
      type: 'output',
      stream: 'stdout',
      text: 'adding\n',
      file: 'libs/a/test/math.test.ts',
      test: 'math > adds',
    });
    // Nothing is written into the folder under test (no node_modules/.vite cache).
    expect(readdirSync(root)).toEqual(['libs']);
  });

  it('reports a failing assertion with its message and the failing line of the test file', async () => {
    const root = fixtureRoot({
      'libs/a/test/helper.ts': `import { expect } from 'vitest';
export function check(n: number): void {
  expect(n).toBe(5);
}
`,
      'libs/a/test/sums.test.ts': testFile(`import { check } from './helper.ts';
describe('sums', () => {
  it('is wrong', () => {
    expect(1 + 1).toBe(3);
  });
  it('fails in a helper', () => {
    check(2);
  });
  it('throws', () => {
    const value: { deep?: { x: number } } = {};
    return value.deep!.x;
  });
});`),
    });
    const exitCode = process.exitCode;
    const sigint = process.listenerCount('SIGINT');
    const result = await runVitest({
      root,
      files: [{ file: 'libs/a/test/sums.test.ts', target: 'libs/a' }],
      retries: 0,
    });

    expect(result.status).toBe('failed');
    expect(result.targets[0]?.status).toBe('failed');
    const file = result.targets[0]?.files[0];
    expect(file?.status).toBe('failed');
    expect(file?.tests).toMatchObject([
      {
        name: 'sums > is wrong',
        status: 'failed',
        attempts: 1,
        message: 'expected 2 to be 3 // Object.is equality',
        location: { file: 'libs/a/test/sums.test.ts', line: 5 },
      },
      {
        name: 'sums > fails in a helper',
        status: 'failed',
        message: 'expected 2 to be 5 // Object.is equality',
        // The failing line of the test file, not of the helper.
        location: { file: 'libs/a/test/sums.test.ts', line: 8 },
      },
      {
        name: 'sums > throws',
        status: 'failed',
        message: expect.stringMatching(/^TypeError: Cannot read properties of undefined/),
        location: { file: 'libs/a/test/sums.test.ts', line: 12 },
      },
    ]);
    // Vitest's Node API would set the exit code and keep a SIGINT listener that exits.
    expect(process.exitCode).toBe(exitCode);
    expect(process.listenerCount('SIGINT')).toBe(sigint);
  });

  it('reports a test that fails, then passes on a retry, as flaky (and failed without retries)', async () => {
    const flaky = testFile(`import { existsSync, readFileSync, writeFileSync } from 'node:fs';
const counter = new URL('./attempts.txt', import.meta.url);
it('passes on its second attempt', () => {
  const attempt = existsSync(counter) ? Number(readFileSync(counter, 'utf8')) + 1 : 1;
  writeFileSync(counter, String(attempt));
  expect(attempt).toBe(2);
});`);
    const files = [{ file: 'libs/a/test/flaky.test.ts', target: 'libs/a' }];

    const retried = await runVitest({
      root: fixtureRoot({ 'libs/a/test/flaky.test.ts': flaky }),
      files,
      retries: 1,
    });
    expect(retried.status).toBe('passed');
    expect(retried.targets[0]?.status).toBe('flaky');
    expect(retried.targets[0]?.files[0]?.status).toBe('passed');
    expect(retried.targets[0]?.files[0]?.tests).toMatchObject([
      {
        name: 'passes on its second attempt',
        status: 'flaky',
        attempts: 2,
        message: 'expected 1 to be 2 // Object.is equality',
        location: { file: 'libs/a/test/flaky.test.ts', line: 7 },
      },
    ]);

    const once = await runVitest({
      root: fixtureRoot({ 'libs/a/test/flaky.test.ts': flaky }),
      files,
      retries: 0,
    });
    expect(once.status).toBe('failed');
    expect(once.targets[0]?.status).toBe('failed');
    expect(once.targets[0]?.files[0]?.tests).toMatchObject([
      { status: 'failed', attempts: 1, message: 'expected 1 to be 2 // Object.is equality' },
    ]);
  });

  it('reports a file that does not load as a failure of that file, with its message and line', async () => {
    const root = fixtureRoot({
      'libs/a/test/syntax.test.ts': testFile(`it('never runs', () => {
  expect(1).toBe(1);
`),
      'libs/a/test/import.test.ts': testFile(`
import { missing } from './missing.ts';
it('never runs', () => expect(missing).toBe(1));`),
      'libs/a/test/throws.test.ts': testFile(`throw new Error('broken at load');`),
      'libs/b/test/fine.test.ts': testFile(`it('still runs', () => expect(1).toBe(1));`),
    });
    const result = await runVitest({
      root,
      files: [
        { file: 'libs/a/test/syntax.test.ts', target: 'libs/a' },
        { file: 'libs/a/test/import.test.ts', target: 'libs/a' },
        { file: 'libs/a/test/throws.test.ts', target: 'libs/a' },
        { file: 'libs/a/test/absent.test.ts', target: 'libs/a' },
        { file: 'libs/b/test/fine.test.ts', target: 'libs/b' },
      ],
      retries: 0,
    });
    expect(result.targets.map((t) => [t.target, t.status])).toEqual([
      ['libs/a', 'failed'],
      ['libs/b', 'passed'],
    ]);
    const [syntax, imports, throws, absent] = result.targets[0]?.files ?? [];
    expect(syntax).toMatchObject({ status: 'failed', tests: [] });
    expect(syntax?.errors[0]?.message).toMatch(/Expected `}` but found `EOF`/);
    expect(syntax?.errors[0]?.location).toMatchObject({
      file: 'libs/a/test/syntax.test.ts',
      line: 4,
    });
    expect(imports?.errors).toMatchObject([
      {
        message: expect.stringContaining("Cannot find module './missing.ts'"),
        location: { file: 'libs/a/test/import.test.ts', line: 3 },
      },
    ]);
    expect(throws?.errors).toMatchObject([
      { message: 'broken at load', location: { file: 'libs/a/test/throws.test.ts', line: 2 } },
    ]);
    expect(absent).toMatchObject({
      file: 'libs/a/test/absent.test.ts',
      status: 'failed',
      errors: [{ message: 'test file not found: libs/a/test/absent.test.ts' }],
    });
  });

  it('fails the file an unhandled rejection came from, after its tests passed', async () => {
    const root = fixtureRoot({
      'libs/a/test/leaky.test.ts': testFile(`it('leaves a rejection behind', async () => {
  void Promise.reject(new Error('late rejection'));
  await new Promise((resolve) => setTimeout(resolve, 50));
});`),
      'libs/b/test/fine.test.ts': testFile(`it('is fine', () => expect(1).toBe(1));`),
    });
    const result = await runVitest({
      root,
      files: [
        { file: 'libs/a/test/leaky.test.ts', target: 'libs/a' },
        { file: 'libs/b/test/fine.test.ts', target: 'libs/b' },
      ],
      retries: 0,
    });
    expect(result.status).toBe('failed');
    expect(result.errors).toEqual([]);
    expect(result.targets.map((t) => [t.target, t.status])).toEqual([
      ['libs/a', 'failed'],
      ['libs/b', 'passed'],
    ]);
    expect(result.targets[0]?.files[0]).toMatchObject({
      status: 'failed',
      tests: [{ status: 'passed' }],
      errors: [
        {
          message: "Unhandled Rejection in 'leaves a rejection behind': late rejection",
          location: { file: 'libs/a/test/leaky.test.ts', line: 3 },
        },
      ],
    });
  });

  it.each<TestIsolation>(['thread', 'process', 'none'])(
    'runs with isolation %s',
    async (isolation) => {
      const root = fixtureRoot(twoTargets);
      const result = await runVitest({ root, files: twoTargetFiles, retries: 0, isolation });
      expect(result.targets.map((t) => t.status)).toEqual(['passed', 'passed']);
    },
  );

  it('resolves bare imports through exact aliases, and tests see NODE_ENV=test', async () => {
    const root = fixtureRoot({
      'libs/lib/src/index.ts': 'export const answer = 42;\n',
      'libs/app/test/app.test.ts': testFile(`import { answer } from '@fx/lib';
it('uses the lib', () => expect(answer).toBe(42));
it('runs as vitest run does', () => expect(process.env.NODE_ENV).toBe('test'));`),
    });
    const nodeEnv = process.env.NODE_ENV;
    const result = await runVitest({
      root,
      files: [{ file: 'libs/app/test/app.test.ts', target: 'libs/app' }],
      retries: 0,
      alias: { '@fx/lib': 'libs/lib/src/index.ts' },
    });
    expect(result.targets[0]?.files[0]?.tests.map((t) => t.status)).toEqual(['passed', 'passed']);
    expect(process.env.NODE_ENV).toBe(nodeEnv);
  });

  it('refuses files outside the root and bad numbers as a caller bug', async () => {
    const root = fixtureRoot({});
    for (const file of ['../x.test.ts', '/abs/x.test.ts', 'a\\x.test.ts', '']) {
      const error = await runVitest({ root, files: [{ file, target: 't' }], retries: 0 }).catch(
        (e: unknown) => e,
      );
      expect(isMainlineError(error) && error.code).toBe('internal');
    }
    const error = await runVitest({ root, files: [], retries: -1 }).catch((e: unknown) => e);
    expect(isMainlineError(error) && error.code).toBe('internal');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempRepo, makeTempDir, runCli, runJson } from '../src/index.ts';

/**
 * A target whose tests another runner runs: node --test with its JUnit reporter (every
 * Node 20 has it; jest with jest-junit goes the same way, see the README). One test
 * passes, one fails, one fails the first time only.
 */
function nodeTestRepo(flag: string) {
  const test = (body: string) =>
    `import { describe, test } from 'node:test';\nimport assert from 'node:assert';\n${body}\n`;
  return createTempRepo({
    files: {
      'BUILD.json': JSON.stringify({
        version: 1,
        targets: {
          'packages/calc': {
            kind: 'lib',
            srcs: ['packages/calc/src/**'],
            tests: ['packages/calc/test/**'],
            testRunner: {
              command: [
                'node',
                '--test',
                '--test-reporter=junit',
                '--test-reporter-destination={junit}',
              ],
            },
          },
        },
      }),
      'packages/calc/src/index.js': 'export const add = (a, b) => a + b;\n',
      'packages/calc/test/add.test.mjs': test(`import { existsSync, writeFileSync } from 'node:fs';
import { add } from '../src/index.js';
describe('add', () => {
  test('adds', () => assert.strictEqual(add(1, 2), 3));
  test('is wrong', () => {
    assert.strictEqual(add(1, 1), 3);
  });
});
test('flaky once', () => {
  if (!existsSync(${JSON.stringify(flag)})) {
    writeFileSync(${JSON.stringify(flag)}, '');
    throw new Error('first run fails');
  }
});`),
    },
  });
}

describe('a test command (BUILD.json testRunner)', () => {
  it('runs in its folder, maps its JUnit cases to the target, retries flaky tests and caches green', async () => {
    const repo = nodeTestRepo(join(makeTempDir('flag'), 'ran-once'));
    const junit = join(repo.dir, 'report.xml');
    const first = await runJson(
      ['test', '--all', '--no-typecheck', '--retries', '1', '--junit', junit],
      repo.dir,
    );
    expect(first.code).toBe(1);
    const [calc] = first.run.tests;
    expect(calc).toMatchObject({ target: 'packages/calc', status: 'failed' });
    const byName = Object.fromEntries((calc?.tests ?? []).map((t) => [t.name, t]));
    expect(byName['add > adds']).toMatchObject({ status: 'passed' });
    expect(byName['add > is wrong']).toMatchObject({
      status: 'failed',
      attempts: 2,
      message: expect.stringContaining('2 !== 3'),
      location: { file: 'packages/calc/test/add.test.mjs', line: 8 },
    });
    expect(byName['flaky once']).toMatchObject({
      status: 'flaky',
      attempts: 2,
      message: 'first run fails',
    });
    expect(readFileSync(junit, 'utf8')).toContain('name="add > is wrong"');

    repo.write({
      'packages/calc/src/index.js':
        'export const add = (a, b) => (a === 1 && b === 1 ? 3 : a + b);\n',
    });
    const fixed = await runCli(['test', '--all', '--no-typecheck'], { cwd: repo.dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toContain('  test  1 target by its test command\n');
    const cached = await runCli(['test', '--all', '--no-typecheck'], { cwd: repo.dir });
    expect(cached.code).toBe(0);
    expect(cached.stderr).toContain('  test  1 target cached\n');
    // Passing cases in node's report name no file: no test file is said to declare none.
    expect(cached.stdout).not.toContain('declares no test');
  });
});

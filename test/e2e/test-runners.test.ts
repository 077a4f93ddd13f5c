import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempRepo, makeTempDir, runCli, runJson } from '../src/index.ts';

/**
 * One repository, three ways to test: vitest under the repository's own config (globals,
 * a setup file, an alias) importing a workspace subpath export; a jest file vitest cannot
 * run; and a target run by its own command, node --test with its JUnit reporter (every
 * Node 20 has it; jest with jest-junit goes the same way, see the README): one test passes,
 * one fails, one fails the first time only.
 */
function testRunnersRepo(flag: string) {
  return createTempRepo({
    files: {
      'BUILD.json': JSON.stringify({
        version: 1,
        globalInputs: ['vitest.config.mjs', 'test-setup.mjs', 'fixtures/**'],
        targets: {
          'libs/a': { kind: 'lib', srcs: ['libs/a/src/**'], tests: ['libs/a/test/**'] },
          'libs/j': { kind: 'lib', srcs: ['libs/j/src/**'], tests: ['libs/j/test/**'] },
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
      'vitest.config.mjs': `export default {
  test: {
    globals: true,
    setupFiles: ['./test-setup.mjs'],
    alias: { '~fixtures': new URL('./fixtures', import.meta.url).pathname },
  },
};
`,
      'test-setup.mjs': "globalThis.fromSetup = 'set up';\n",
      'fixtures/value.mjs': 'export const fixture = 42;\n',
      'libs/a/package.json': JSON.stringify({
        name: '@fx/a',
        exports: { '.': './src/index.ts', './sub': './src/sub.ts' },
      }),
      'libs/a/src/index.ts': "export const main = 'main';\n",
      'libs/a/src/sub.ts': "export const sub = 'sub';\n",
      // No import from 'vitest': the config's globals.
      'libs/a/test/a.test.ts': `import { sub } from '@fx/a/sub';
import { fixture } from '~fixtures/value.mjs';

describe('config', () => {
  it('is honoured', () => {
    expect((globalThis as { fromSetup?: string }).fromSetup).toBe('set up');
    expect(fixture).toBe(42);
    expect(sub).toBe('sub');
  });
});
`,
      'libs/j/src/index.ts': 'export const j = 1;\n',
      'libs/j/test/j.test.ts': `import { jest } from '@jest/globals';

test('mocks', () => {
  const f = jest.fn();
  f();
  expect(f).toHaveBeenCalled();
});
`,
      'packages/calc/src/index.js': 'export const add = (a, b) => a + b;\n',
      'packages/calc/test/add.test.mjs': `import { describe, test } from 'node:test';
import assert from 'node:assert';
import { existsSync, writeFileSync } from 'node:fs';
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
});
`,
    },
  });
}

describe('test runners', () => {
  it("vitest reads the repository's config, jest files say how to run them, a test command's JUnit is read, retried and cached", async () => {
    const repo = testRunnersRepo(join(makeTempDir('flag'), 'ran-once'));
    const junit = join(repo.dir, 'report.xml');
    const args = ['test', '--all', '--no-typecheck', '--retries', '1', '--junit', junit];
    const { code, run } = await runJson(args, repo.dir);
    expect(code).toBe(1);
    const result = (target: string) => run.tests.find((t) => t.target === target);

    // vitest: globals, the setup file and the alias of the config; `@fx/a/sub` from exports.
    expect(result('libs/a')).toMatchObject({
      status: 'passed',
      tests: [{ name: 'config > is honoured' }],
    });
    // A jest file: what to declare.
    expect(result('libs/j')?.status).toBe('failed');
    const [error] = result('libs/j')?.fileErrors ?? [];
    expect(error?.file).toBe('libs/j/test/j.test.ts');
    expect(error?.message).toContain(
      'this test file is written for jest, and mainline runs tests with vitest unless told otherwise; to run libs/j\'s tests with jest, add to its entry in BUILD.json: "testRunner": { "command": ["npx", "jest", "--ci", "--reporters=default", "--reporters=jest-junit"] }',
    );
    // The command: every JUnit case under the target, retried while red.
    expect(result('packages/calc')?.status).toBe('failed');
    const byName = Object.fromEntries(
      (result('packages/calc')?.tests ?? []).map((t) => [t.name, t]),
    );
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
    const fixed = await runCli(['test', 'packages/calc', '--no-typecheck'], { cwd: repo.dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toContain('  test  1 target by its test command\n');
    const cached = await runCli(['test', 'packages/calc', '--no-typecheck'], { cwd: repo.dir });
    expect(cached.code).toBe(0);
    expect(cached.stderr).toContain('  test  1 target cached\n');
    // Passing cases in node's report name no file: no test file is said to declare none.
    expect(cached.stdout).not.toContain('declares no test');
  });
});

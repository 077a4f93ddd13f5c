import { describe, expect, it } from 'vitest';
import { createTempRepo, runJson } from '../src/index.ts';

describe("the repository's own test setup", () => {
  it('vitest reads its config (globals, setup file, alias), subpath exports resolve, jest files say how to run them', async () => {
    const repo = createTempRepo({
      files: {
        'BUILD.json': JSON.stringify({
          version: 1,
          globalInputs: ['vitest.config.mjs', 'test-setup.mjs', 'fixtures/**'],
          targets: {
            'libs/a': { kind: 'lib', srcs: ['libs/a/src/**'], tests: ['libs/a/test/**'] },
            'libs/j': { kind: 'lib', srcs: ['libs/j/src/**'], tests: ['libs/j/test/**'] },
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
      },
    });
    const { code, run } = await runJson(['test', '--all', '--no-typecheck'], repo.dir);
    expect(code).toBe(1);
    const a = run.tests.find((t) => t.target === 'libs/a');
    expect(a).toMatchObject({ status: 'passed', tests: [{ name: 'config > is honoured' }] });
    const j = run.tests.find((t) => t.target === 'libs/j');
    expect(j?.status).toBe('failed');
    const [error] = j?.fileErrors ?? [];
    expect(error?.file).toBe('libs/j/test/j.test.ts');
    expect(error?.message).toContain(
      'this test file is written for jest, and mainline runs tests with vitest unless told otherwise; to run libs/j\'s tests with jest, add to its entry in BUILD.json: "testRunner": { "command": ["npx", "jest", "--ci", "--reporters=default", "--reporters=jest-junit"] }',
    );
  });
});

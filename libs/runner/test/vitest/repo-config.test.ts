import { describe, expect, it } from 'vitest';
import { runVitest } from '../../src/vitest/index.ts';
import { fixtureRoot } from './fixtures.ts';

// Files that pass only under their project's settings: globals and a setup file for one,
// none for the other (it imports from vitest, and its setup never ran).
const files = {
  'vitest.config.mjs': `export default {
  test: {
    projects: [
      { test: { name: 'globals', include: ['libs/a/**/*.test.ts'], globals: true, setupFiles: ['./setup-a.mjs'] } },
      { test: { name: 'plain', include: ['libs/b/**/*.test.ts'] } },
    ],
  },
};
`,
  'setup-a.mjs': "globalThis.setUpFor = 'a';\n",
  'libs/a/test/a.test.ts': `it('has globals and its setup', () => {
  expect((globalThis as { setUpFor?: string }).setUpFor).toBe('a');
});
`,
  'libs/b/test/b.test.ts': `import { expect, it } from 'vitest';
it('has neither', () => {
  expect('describe' in globalThis).toBe(false);
  expect((globalThis as { setUpFor?: string }).setUpFor).toBeUndefined();
});
`,
  // mainline's own setup file runs in the project too: it names the test a killed file ran.
  'libs/b/test/loop.test.ts': `import { it } from 'vitest';
it('loops', () => {
  while (true) {}
});
`,
};

describe("runVitest with the repository's config", () => {
  it('runs each file in the vitest project whose include holds it', async () => {
    const root = fixtureRoot(files);
    const result = await runVitest({
      root,
      retries: 0,
      files: [
        { file: 'libs/a/test/a.test.ts', target: 'libs/a' },
        { file: 'libs/b/test/b.test.ts', target: 'libs/b' },
        { file: 'libs/b/test/loop.test.ts', target: 'libs/loop', limits: { fileMs: 1500 } },
      ],
    });
    expect(result.errors).toEqual([]);
    expect(result.targets.map((t) => [t.target, t.status, t.files[0]?.errors])).toEqual([
      ['libs/a', 'passed', []],
      ['libs/b', 'passed', []],
      ['libs/loop', 'failed', [expect.objectContaining({ reason: 'timeout', test: 'loops' })]],
    ]);
  });
});

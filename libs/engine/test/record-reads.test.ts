import { bundleTestHost, createWorkspaceRepo } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { localExecutor, runPipeline } from '../src/index.ts';

describe('a run that records reads', () => {
  it('gives each tested target the repository files its tests read, in the test host', async () => {
    // libs/b's test reads a fixture no target owns (a non-hermetic test), its package.json
    // (which libs/b owns), and the store in the state folder (never recorded).
    const repo = createWorkspaceRepo({
      'fixtures/expected.txt': '3\n',
      'libs/b/test/b.test.ts': `import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { three } from '@fx/b';

const at = (path: string) => new URL(\`../../../\${path}\`, import.meta.url);
it('is three', async () => {
  expect(String(three)).toBe(readFileSync(at('fixtures/expected.txt'), 'utf8').trim());
  expect(JSON.parse(await readFile(at('libs/b/package.json'), 'utf8')).name).toBe('@fx/b');
  expect(() => readFileSync(at('.mainline/mainline.db'))).not.toThrow();
});
`,
    });
    const testHost = await bundleTestHost(new URL('./test-host-entry.ts', import.meta.url));
    const outcome = await runPipeline({
      kind: 'test',
      command: 'test',
      cwd: repo.dir,
      env: {},
      selection: { names: ['libs/a', 'libs/b'], all: false },
      typecheck: false,
      executor: localExecutor({ testHost, env: process.env }),
      recordReads: true,
    });
    expect(outcome.summary.tests.map((test) => [test.target, test.status, test.reads])).toEqual([
      ['libs/a', 'passed', []],
      ['libs/b', 'passed', ['fixtures/expected.txt', 'libs/b/package.json']],
    ]);
  });
});

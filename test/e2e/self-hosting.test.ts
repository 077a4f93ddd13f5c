import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTempRepo, gitSync, runCli } from '../src/index.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * mainline describes itself in BUILD.json. The project's files (as they are now, not
 * its git history) are copied into a temp repository, so the test never depends on
 * the state of the checkout it runs in.
 */
describe('mainline on its own repository', () => {
  it('a change to libs/graph affects it and exactly its dependents', async () => {
    const repo = createTempRepo();
    const files = gitSync(projectRoot, [
      'ls-files',
      '-z',
      '--cached',
      '--others',
      '--exclude-standard',
    ])
      .split('\0')
      .filter(Boolean);
    for (const file of files) {
      mkdirSync(dirname(join(repo.dir, file)), { recursive: true });
      cpSync(join(projectRoot, file), join(repo.dir, file));
    }
    repo.commit('mainline itself');
    repo.write({ 'libs/graph/src/cycles.ts': '// a change\n' });
    repo.write({ 'libs/core/test/new.test.ts': '// a test-only change\n' });
    repo.commit('change graph');
    // libs/cache, libs/git, libs/nightly, libs/report, libs/store and libs/watch: their tests
    // use test/src (testDeps),
    // which depends on libs/graph through libs/change; their dependents are not affected.

    const result = await runCli(['affected', '--json', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as { affected: { name: string }[] };
    expect(json.affected.map((t) => t.name)).toEqual([
      'libs/adopt',
      'libs/affected',
      'libs/cache',
      'libs/change',
      'libs/core',
      'libs/engine',
      'libs/git',
      'libs/graph',
      'libs/nightly',
      'libs/report',
      'libs/runner',
      'libs/store',
      'libs/trunk',
      'libs/tui',
      'libs/watch',
      'libs/workspace',
      'properties/cli',
      'test',
    ]);
  });
});

import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempRepo, runCli } from '../src/index.ts';

const buildJson = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: 1,
    targets: {
      'libs/core': { kind: 'lib', srcs: ['libs/core/src/**'], tests: ['libs/core/test/**'] },
      'libs/ui': { kind: 'lib', srcs: ['libs/ui/src/**'], deps: ['libs/core'] },
      ...extra,
    },
  });

/**
 * A BUILD.json that passed the checks is kept compiled under .mainline/compiled; runs
 * that find it there must answer exactly as runs that parse the file.
 */
describe('the compiled BUILD.json cache', () => {
  it('gives the same answers from the cache, and survives a broken cache file', async () => {
    const repo = createTempRepo({
      files: {
        'BUILD.json': buildJson(),
        'libs/core/src/a.ts': '1',
        'libs/core/test/a.test.ts': '1',
        'libs/ui/src/a.ts': '1',
      },
    });
    repo.write({ 'libs/core/src/a.ts': '2', 'libs/core/test/a.test.ts': '2' });
    repo.commit('change');
    const first = await runCli(['affected', '--json', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(first.code).toBe(0);
    const folder = join(repo.dir, '.mainline', 'compiled');
    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    const second = await runCli(['affected', '--json', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(second.stdout).toBe(first.stdout);
    const why = await runCli(['why', 'libs/ui', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(why.stdout).toContain('libs/core/src/a.ts changed');

    writeFileSync(join(folder, files[0] as string), 'garbage');
    const third = await runCli(['affected', '--json', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(third.stdout).toBe(first.stdout);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('never serves a changed BUILD.json from the cache of the old one', async () => {
    const repo = createTempRepo({
      files: { 'BUILD.json': buildJson(), 'libs/core/src/a.ts': '1', 'libs/ui/src/a.ts': '1' },
    });
    await runCli(['affected', '--base', 'HEAD'], { cwd: repo.dir });
    repo.write({
      'BUILD.json': buildJson({
        'libs/new': { kind: 'lib', srcs: ['libs/new/**'], deps: ['libs/ui'] },
      }),
      'libs/new/x.ts': '1',
    });
    repo.commit('add a target');
    const result = await runCli(['affected', '--json', '--base', 'HEAD~1'], { cwd: repo.dir });
    const json = JSON.parse(result.stdout) as { affected: { name: string }[] };
    expect(json.affected.map((t) => t.name)).toEqual(['libs/new']);
  });
});

import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceRepo, runCli, runJson } from '../src/index.ts';

/** Bad input is reported clearly, on the right target, never as a crash of the tool. */
describe('mainline build and test on bad input', () => {
  it('fails an import of a target that is not a dep (strict deps), naming the dep to add', async () => {
    const repo = createWorkspaceRepo({
      'properties/app/src/main.ts':
        "import { add } from '@fx/a';\nimport { three } from '@fx/b';\n\nconsole.log(add(three, 1));\n",
    });
    const result = await runCli(['build', 'properties/app'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('properties/app/src/main.ts:1:21');
    expect(result.stdout).toContain('add "libs/a" to the deps of properties/app');
  });

  it('says when the dep strict deps asks for would make a cycle', async () => {
    // libs/a uses libs/b, which depends on libs/a: adding the dep is no way out.
    const repo = createWorkspaceRepo({
      'libs/a/src/cross.ts': "import { three } from '@fx/b';\n\nexport const four = three + 1;\n",
    });
    const result = await runCli(['build', 'libs/a', '--no-typecheck'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "libs/a/src/cross.ts:1:23: error: '@fx/b' belongs to libs/b, which is not a dep of libs/a",
    );
    expect(result.stdout).toContain('libs/b depends on libs/a already');
  });

  it('refuses a --junit file it could not write before running anything', async () => {
    const repo = createWorkspaceRepo();
    const result = await runCli(['test', '--all', '--junit', 'missing/dir/junit.xml'], {
      cwd: repo.dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `mainline: cannot write the JUnit report ${join(repo.dir, 'missing/dir/junit.xml')}`,
    );
    expect(result.stderr).toContain('hint: pass --junit a file in an existing folder');
    expect(result.stderr).not.toContain('mainline test:');
  });

  it('refuses an unknown target with a suggestion, conflicting selections, and a broken or missing BUILD.json', async () => {
    const repo = createWorkspaceRepo();
    const unknown = await runCli(['build', 'libs/bb'], { cwd: repo.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no target named 'libs/bb'");
    expect(unknown.stderr).toContain("did you mean 'libs/b'?");
    const both = await runCli(['test', 'libs/a', '--all'], { cwd: repo.dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--all cannot be used with target names');
    // A broken BUILD.json in the working tree is an error, never a run of no targets.
    repo.write({ 'BUILD.json': '{"version": 1, "targets": {' });
    const broken = await runCli(['test', '--all'], { cwd: repo.dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/BUILD\.json:1:\d+/);
    expect(broken.stdout).toBe('');
    repo.remove('BUILD.json');
    const missing = await runCli(['build', 'libs/a'], { cwd: repo.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no BUILD.json at the root');
  });

  it('reports bad input on the right target, never as a crash of the tool', async () => {
    const repo = createWorkspaceRepo({
      'libs/b/test/broken.test.ts':
        "import { nothing } from './missing-module.ts';\n\nnothing();\n",
    });
    repo.write({
      'BUILD.json': readFileSync(join(repo.dir, 'BUILD.json'), 'utf8').replace(
        'properties/app/src/main.ts',
        'properties/app/src/gone.ts',
      ),
    });
    const { code, run } = await runJson(['test', '--all', '--no-typecheck'], repo.dir);
    expect(code).toBe(1);
    const app = run.builds.find((build) => build.target === 'properties/app');
    expect(app).toMatchObject({ status: 'failed' });
    expect(app?.diagnostics[0]?.message).toContain('the entry of properties/app does not exist');
    const b = run.tests.find((test) => test.target === 'libs/b');
    expect(b?.status).toBe('failed');
    expect(b?.fileErrors[0]).toMatchObject({ file: 'libs/b/test/broken.test.ts' });
    expect(b?.tests).toContainEqual(
      expect.objectContaining({ name: 'is three', status: 'passed' }),
    );
  });

  it('builds on when the cache folder is a file, and rebuilds a corrupted cache entry', async () => {
    const repo = createWorkspaceRepo();
    const state = join(repo.dir, '.mainline');
    const first = await runJson(['build', 'libs/a', '--no-typecheck'], repo.dir);
    expect(first.code).toBe(0);
    // A file where the cache folder belongs: moved aside (kept), and the cache starts over.
    rmSync(join(state, 'cache'), { recursive: true, force: true });
    writeFileSync(join(state, 'cache'), 'not a folder');
    rmSync(join(state, 'out'), { recursive: true, force: true });
    const healed = await runCli(['build', 'libs/a', '--no-typecheck'], { cwd: repo.dir });
    expect(healed.code).toBe(0);
    expect(healed.stderr).toMatch(/cache was not a folder: moved it aside to .*cache\.damaged-/);
    rmSync(join(state, 'out'), { recursive: true, force: true });
    expect(
      (await runJson(['build', 'libs/a', '--no-typecheck'], repo.dir)).run.builds[0]?.status,
    ).toBe('cached');
    // Outputs in place under their key are up to date without a cache entry (as in make
    // or Bazel); without either, the target is built.
    rmSync(join(state, 'cache'), { recursive: true });
    expect(
      (await runJson(['build', 'libs/a', '--no-typecheck'], repo.dir)).run.builds[0]?.status,
    ).toBe('cached');
    rmSync(join(state, 'out'), { recursive: true, force: true });
    expect(
      (await runJson(['build', 'libs/a', '--no-typecheck'], repo.dir)).run.builds[0]?.status,
    ).toBe('passed');
    // Damage every stored blob: the next build finds the entry corrupt and builds again.
    const cas = join(state, 'cache', 'cas');
    for (const folder of readdirSync(cas)) {
      for (const blob of readdirSync(join(cas, folder)))
        writeFileSync(join(cas, folder, blob), 'garbage');
    }
    rmSync(join(state, 'out'), { recursive: true, force: true });
    const again = await runJson(['build', 'libs/a', '--no-typecheck'], repo.dir);
    expect(again.code).toBe(0);
    expect(again.run.builds[0]?.status).toBe('passed');
  });
});

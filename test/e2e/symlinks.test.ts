import { readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeFingerprints } from '@mainline/affected';
import { loadChange, loadSnapshot } from '@mainline/change';
import { GitRepo } from '@mainline/git';
import { describe, expect, it } from 'vitest';
import { createWorkspaceRepo, makeTempDir, runCli, runJson, type TempRepo } from '../src/index.ts';

const secret = 'OUTSIDE-SECRET';

/** A file outside any repository, exporting what libs/b's sources could use. */
function outsideFile(): string {
  const file = join(makeTempDir('outside'), 'outside.ts');
  writeFileSync(file, `export const leaked: string = '${secret}';\n`);
  return file;
}

/** Every file under `.mainline/out` and `.mainline/cache` that holds `text`. */
function stateFilesHolding(repo: TempRepo, text: string): string[] {
  const found: string[] = [];
  for (const folder of ['out', 'cache']) {
    const dir = join(repo.dir, '.mainline', folder);
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      if (readFileSync(path, 'utf8').includes(text)) found.push(path);
    }
  }
  return found;
}

const statuses = (results: readonly { target: string; status: string }[]) =>
  Object.fromEntries(results.map((result) => [result.target, result.status]));

/** A symlinked source is its link text to mainline, never what it points to. */
describe('symbolic links', () => {
  it('fail the target whose source links outside the repository, in the working tree and committed', async () => {
    const outside = outsideFile();
    const repo = createWorkspaceRepo();
    symlinkSync(outside, join(repo.dir, 'libs/b/src/x.ts'));
    const message = `libs/b/src/x.ts is a symbolic link to ${outside}, outside the repository`;

    const build = await runJson(['build', '--all'], repo.dir);
    expect(build.code).toBe(1);
    // The target is red on the link; its dependent is skipped, the others are unaffected.
    expect(statuses(build.run.builds)).toEqual({
      'libs/a': 'passed',
      'libs/b': 'failed',
      'properties/app': 'skipped',
    });
    expect(build.run.builds.find((b) => b.target === 'libs/b')?.diagnostics).toEqual([
      {
        severity: 'error',
        file: 'libs/b/src/x.ts',
        line: 1,
        column: 1,
        message,
        hint: expect.stringContaining('copy the file into the repository'),
      },
    ]);
    expect(stateFilesHolding(repo, secret)).toEqual([]);

    // The outside file turns into a type error: the same red, never a cached green.
    writeFileSync(outside, `export const leaked: number = '${secret}';\n`);
    const test = await runCli(['test', 'libs/b'], { cwd: repo.dir });
    expect(test.code).toBe(1);
    expect(test.stdout).toContain(`libs/b/src/x.ts:1:1: error: ${message}`);
    expect(test.stderr).toContain('test  libs/b  skipped (its build failed)');
    expect(test.stderr).toContain('build libs/b  FAILED');

    // Committed, the link is read from the commit's own checkout by the pre-push check.
    const parent = repo.head();
    const sha = repo.commit('link outside');
    const push = await runCli(['prepush', 'origin', 'url'], {
      cwd: repo.dir,
      input: `refs/heads/main ${sha} refs/heads/main ${parent}\n`,
    });
    expect(push.code).toBe(1);
    expect(push.stderr).toContain(`libs/b/src/x.ts:1:1: error: ${message}`);
    const committed = await runCli(['build', 'libs/b', '--no-typecheck'], { cwd: repo.dir });
    expect(committed.code).toBe(1);
    expect(committed.stdout).toContain(message);
    expect(stateFilesHolding(repo, secret)).toEqual([]);
  });

  it('fail a bundle that imports through a folder link out, at the import', async () => {
    const outside = outsideFile();
    const folder = join(outside, '..');
    const repo = createWorkspaceRepo({
      'properties/app/src/main.ts':
        "import { three } from '@fx/b';\nimport { leaked } from '../../../vendor/outside.ts';\n\nconsole.log(three, leaked);\n",
    });
    symlinkSync(folder, join(repo.dir, 'vendor'));
    const build = await runCli(['build', 'properties/app', '--no-typecheck'], { cwd: repo.dir });
    expect(build.code).toBe(1);
    expect(build.stdout).toContain(
      `properties/app/src/main.ts:2:24: error: vendor/outside.ts leads to ${folder} through vendor -> ${folder}, outside the repository`,
    );
    expect(stateFilesHolding(repo, secret)).toEqual([]);
  });

  it('inside the repository, lead only to files the target or its deps own', async () => {
    const repo = createWorkspaceRepo({ 'shared/util.ts': 'export const util = 1;\n' });
    // A link to a dep's source, and one to its own: their content is fingerprinted.
    symlinkSync('../../a/src/index.ts', join(repo.dir, 'libs/b/src/from-a.ts'));
    symlinkSync('index.ts', join(repo.dir, 'libs/b/src/alias.ts'));
    const green = await runJson(['build', 'libs/b'], repo.dir);
    expect(green.code).toBe(0);
    const fromA = join(repo.dir, '.mainline/out/libs/b/src/from-a.js');
    expect(readFileSync(fromA, 'utf8')).toContain('return x + y;');
    // What the link leads to changes: libs/b is built again, never served from the cache.
    writeFileSync(
      join(repo.dir, 'libs/a/src/index.ts'),
      'export function add(x: number, y: number): number {\n  return y + x;\n}\n',
    );
    const rebuilt = await runJson(['build', 'libs/b', '--no-typecheck'], repo.dir);
    expect(statuses(rebuilt.run.builds)).toEqual({ 'libs/a': 'passed', 'libs/b': 'passed' });
    expect(readFileSync(fromA, 'utf8')).toContain('return y + x;');

    // A link to a file no target of its build owns: nothing would see that file change.
    symlinkSync('../../../shared/util.ts', join(repo.dir, 'libs/b/src/util.ts'));
    const red = await runCli(['build', 'libs/b', '--no-typecheck'], { cwd: repo.dir });
    expect(red.code).toBe(1);
    expect(red.stdout).toContain(
      'libs/b/src/util.ts:1:1: error: libs/b/src/util.ts is a symbolic link to ../../../shared/util.ts (shared/util.ts), which is not in the srcs of libs/b or of its deps',
    );
    expect(red.stdout).toContain(
      'add "shared/util.ts" to the srcs of libs/b (or of a dep) in BUILD.json',
    );
  });

  it('are fingerprinted by their text: the file they point to never moves a fingerprint', async () => {
    const outside = outsideFile();
    const repo = createWorkspaceRepo();
    symlinkSync(outside, join(repo.dir, 'libs/a/src/x.ts'));
    repo.commit('link outside');
    const git = await GitRepo.open(repo.dir);
    const fingerprintsAt = async (treeish: string) =>
      computeFingerprints(await loadSnapshot(git, treeish)).full;
    const committed = await fingerprintsAt('HEAD');
    const affectedNow = async () =>
      (await loadChange({ cwd: repo.dir, env: {}, uncommitted: true })).report;

    // The outside file changes: the working tree's snapshot is the commit's, to the byte.
    writeFileSync(outside, `export const leaked: number = 42;\n`);
    const tree = await git.worktreeTree();
    expect(tree).toBe(repo.git('rev-parse', 'HEAD^{tree}'));
    expect(await fingerprintsAt(tree)).toEqual(committed);
    expect((await affectedNow()).affected).toEqual([]);

    // The link text changes: the fingerprints move, and the fast path agrees.
    rmSync(join(repo.dir, 'libs/a/src/x.ts'));
    symlinkSync(`${outside}.other`, join(repo.dir, 'libs/a/src/x.ts'));
    const moved = await fingerprintsAt(await git.worktreeTree());
    const changed = [...moved].filter(([name, fp]) => committed.get(name) !== fp).map(([n]) => n);
    expect(changed).toEqual(['libs/a', 'libs/b', 'properties/app']);
    const report = await affectedNow();
    expect(report.changedFiles).toEqual([{ path: 'libs/a/src/x.ts', status: 'M' }]);
    expect(report.affected.map((target) => target.name)).toEqual(changed);
  });
});

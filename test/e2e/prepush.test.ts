import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createWorkspaceRepo,
  gitPush,
  helperGitEnv,
  makeTempDir,
  runCli,
  startCli,
  type TempRepo,
} from '../src/index.ts';

/** `git push` for real, through the installed hook; exit code and stderr. */
function push(repo: TempRepo, ...args: string[]): { code: number; stderr: string } {
  return gitPush(repo.dir, ...args);
}

async function repoWithRemote(files: Record<string, string> = {}): Promise<TempRepo> {
  const repo = createWorkspaceRepo(files);
  const bare = makeTempDir('remote');
  execFileSync('git', ['init', '--quiet', '--bare', bare], { env: helperGitEnv() });
  repo.git('remote', 'add', 'origin', bare);
  repo.git('push', '--quiet', 'origin', 'main');
  expect((await runCli(['hook', 'install'], { cwd: repo.dir })).code).toBe(0);
  return repo;
}

const redTest =
  "import { expect, it } from 'vitest';\n\nit('is red', () => {\n  expect(1).toBe(2);\n});\n";

describe('the pre-push hook', () => {
  it('blocks a red push, lets a green one through, and serves a repeated push from cache', async () => {
    const repo = await repoWithRemote();
    repo.write({ 'libs/b/test/red.test.ts': redTest });
    repo.commit('a red test');
    const blocked = push(repo, 'origin', 'main');
    expect(blocked.code).not.toBe(0);
    expect(blocked.stderr).toContain('libs/b/test/red.test.ts:4  is red');
    expect(blocked.stderr).toContain('push blocked, refs/heads/main is red');
    expect(blocked.stderr).toContain('git push --no-verify');
    repo.remove('libs/b/test/red.test.ts');
    repo.commit('fix');
    const green = push(repo, 'origin', 'main');
    expect(green).toEqual({ code: 0, stderr: '' });
    // The same commits under a new name: a new branch, compared with origin/main.
    repo.git('fetch', '--quiet', 'origin');
    repo.write({ 'libs/b/src/extra.ts': 'export const extra = 1;\n' });
    repo.commit('extra');
    const first = push(repo, 'origin', 'HEAD:refs/heads/topic');
    expect(first.code).toBe(0);
    const again = push(repo, 'origin', 'HEAD:refs/heads/topic-copy', 'HEAD:refs/heads/topic-two');
    expect(again.code).toBe(0);
    const deleted = push(repo, 'origin', '--delete', 'topic-copy');
    expect(deleted.code).toBe(0);
  });

  it('still blocks a red push when nobody reads its output (a closed pipe)', async () => {
    const repo = await repoWithRemote();
    repo.write({ 'libs/b/test/red.test.ts': redTest });
    const sha = repo.commit('a red test');
    const running = startCli(['prepush', 'origin', 'url'], {
      cwd: repo.dir,
      input: `refs/heads/main ${sha} refs/heads/main ${repo.git('rev-parse', 'origin/main')}\n`,
    });
    // As `git push 2>&1 | head -1` does once head has its line.
    running.child.stdout.destroy();
    running.child.stderr.destroy();
    expect((await running.result).code).toBe(1);
    expect(repo.git('worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('removes the worktree a killed check left behind at the next check', async () => {
    const repo = await repoWithRemote();
    repo.write({
      'libs/a/test/slow.test.ts':
        "import { it } from 'vitest';\n\nit('takes long', async () => {\n  await new Promise((resolve) => setTimeout(resolve, 60_000));\n}, 90_000);\n",
    });
    const slow = repo.commit('a slow test');
    const trunk = repo.git('rev-parse', 'origin/main');
    const worktrees = () => repo.git('worktree', 'list').split('\n').length;
    const killed = startCli(['prepush', 'origin', 'url'], {
      cwd: repo.dir,
      input: `refs/heads/main ${slow} refs/heads/main ${trunk}\n`,
    });
    await expect.poll(worktrees, { timeout: 30_000, interval: 100 }).toBe(2);
    killed.child.kill('SIGKILL');
    await killed.result;
    expect(worktrees()).toBe(2);

    repo.remove('libs/a/test/slow.test.ts');
    repo.write({ 'libs/b/src/extra.ts': 'export const extra = 1;\n' });
    const next = repo.commit('no slow test');
    const result = await runCli(['prepush', 'origin', 'url'], {
      cwd: repo.dir,
      input: `refs/heads/main ${next} refs/heads/main ${trunk}\n`,
    });
    expect(result.code).toBe(0);
    expect(worktrees()).toBe(1);
  });

  it('prints what it tested: cached, deleted, several refs in one push', async () => {
    const repo = await repoWithRemote();
    repo.write({ 'libs/a/src/more.ts': 'export const more = 2;\n' });
    const sha = repo.commit('more');
    const input = [
      `refs/heads/main ${sha} refs/heads/main ${repo.git('rev-parse', 'origin/main')}`,
      // What git sends for `git push origin :gone`.
      `(delete) ${'0'.repeat(40)} refs/heads/gone ${sha}`,
      '',
    ].join('\n');
    const first = await runCli(['prepush', 'origin', 'url'], { cwd: repo.dir, input });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`refs/heads/main at ${sha.slice(0, 10)}: passed`);
    expect(first.stderr).toContain('refs/heads/gone: deleted, nothing to test');
    const second = await runCli(['prepush', 'origin', 'url'], { cwd: repo.dir, input });
    expect(second.stderr).toContain('already green (cached)');
    expect(existsSync(join(repo.dir, '.mainline/mainline.db'))).toBe(true);
  });

  it('tests a branch behind the remote trunk merged onto its tip, and reports a conflict', async () => {
    const repo = await repoWithRemote();
    const fork = repo.head();
    // Someone else moves trunk: libs/a's add now adds one more.
    repo.write({
      'libs/a/src/index.ts':
        'export function add(x: number, y: number): number {\n  return x + y + 1;\n}\n',
    });
    repo.commit('trunk moves');
    repo.git('push', '--quiet', '--no-verify', 'origin', 'main');
    repo.git('checkout', '--quiet', '-b', 'feature', fork);
    repo.write({
      'libs/b/src/index.ts':
        "import { add } from '@fx/a';\n\nexport const three: number = add(1, 2);\nexport const four = 4;\n",
    });
    const sha = repo.commit('feature work');
    const input = `refs/heads/feature ${sha} refs/heads/feature ${'0'.repeat(40)}\n`;
    const merged = await runCli(['prepush', 'origin', 'url'], { cwd: repo.dir, input });
    // On trunk's latest libs/a, libs/b's test (three is 3) fails: caught before the push.
    expect(merged.code).toBe(1);
    expect(merged.stderr).toContain('refs/heads/feature merged onto main at');
    expect(merged.stderr).toContain('expected 4 to be 3');
    repo.write({
      'libs/a/src/index.ts':
        'export function add(x: number, y: number): number {\n  return y + x;\n}\n',
    });
    const conflicting = repo.commit('conflicting edit');
    const conflict = await runCli(['prepush', 'origin', 'url'], {
      cwd: repo.dir,
      input: `refs/heads/feature ${conflicting} refs/heads/feature ${'0'.repeat(40)}\n`,
    });
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain(
      'does not merge cleanly onto the remote trunk: libs/a/src/index.ts',
    );
  });

  it('lets tests make git repositories of their own without touching the outer one', async () => {
    const gitTest = [
      "import { execFileSync } from 'node:child_process';",
      "import { mkdtempSync } from 'node:fs';",
      "import { tmpdir } from 'node:os';",
      "import { join } from 'node:path';",
      "import { expect, it } from 'vitest';",
      '',
      "it('makes a repository', () => {",
      "  const dir = mkdtempSync(join(tmpdir(), 'inner-'));",
      "  execFileSync('git', ['init', '--quiet', '-b', 'inner'], { cwd: dir });",
      "  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '--allow-empty', '-m', 'inner'], { cwd: dir });",
      "  expect(execFileSync('git', ['branch', '--show-current'], { cwd: dir, encoding: 'utf8' }).trim()).toBe('inner');",
      '});',
      '',
    ].join('\n');
    const repo = await repoWithRemote();
    repo.write({ 'libs/a/test/git.test.ts': gitTest });
    const before = repo.head();
    repo.commit('a test that uses git');
    // As when pushing from inside another tool's hook: GIT_DIR names the outer repository.
    const outer = { GIT_DIR: join(repo.dir, '.git'), GIT_WORK_TREE: repo.dir };
    const result = gitPush({ cwd: repo.dir, env: outer }, 'origin', 'main');
    expect(result).toEqual({ code: 0, stderr: '' });
    expect(repo.git('rev-list', '--count', `${before}..main`)).toBe('1');
    expect(repo.git('branch', '--list', 'inner')).toBe('');
  });

  it('under a time budget checks the targets nearest to the change first, and says what was not checked', async () => {
    const repo = await repoWithRemote();
    // libs/a changes (its source and a slow test); libs/b (fast tests) depends on it and
    // properties/app on libs/b. In one run libs/b's tests would pass while libs/a's hang;
    // nearest first, the budget goes to libs/a and the rest is reported unchecked.
    repo.write({
      'libs/a/src/index.ts':
        'export function add(x: number, y: number): number {\n  return y + x;\n}\n',
      'libs/a/test/slow.test.ts':
        "import { it } from 'vitest';\n\nit('takes long', async () => {\n  await new Promise((resolve) => setTimeout(resolve, 60_000));\n}, 90_000);\n",
    });
    const sha = repo.commit('a slow test');
    const input = `refs/heads/main ${sha} refs/heads/main ${repo.git('rev-parse', 'origin/main')}\n`;
    const result = await runCli(['prepush', 'origin', 'url', '--budget', '8'], {
      cwd: repo.dir,
      input,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'the 8s budget ran out; not checked: libs/a, libs/b, properties/app',
    );
  });

  it('blocks a push whose BUILD.json is invalid, with the way out', async () => {
    const repo = await repoWithRemote();
    repo.write({ 'BUILD.json': '{"version": 1, "targets": {' });
    repo.commit('broken BUILD.json');
    const blocked = push(repo, 'origin', 'main');
    expect(blocked.code).not.toBe(0);
    expect(blocked.stderr).toMatch(/refs\/heads\/main: .*BUILD\.json/);
    expect(blocked.stderr).toContain('push blocked, refs/heads/main is red');
    expect(blocked.stderr).toContain('git push --no-verify');
  });
});

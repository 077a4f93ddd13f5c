import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMainlineError, type MainlineError } from '@mainline/core';
import { GitRepo } from '@mainline/git';
import { createTempRepo, makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';

async function rejection(promise: Promise<unknown>): Promise<MainlineError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isMainlineError(error)) throw new Error(`expected a MainlineError, got ${String(error)}`);
  return error;
}

describe('GitRepo.open', () => {
  it('finds the work tree root from a subdirectory', async () => {
    const repo = createTempRepo({ files: { 'libs/a/src/x.ts': 'x' } });
    const opened = await GitRepo.open(join(repo.dir, 'libs/a/src'));
    expect(opened.root).toBe(repo.dir);
  });

  it('refuses a folder outside any repository, with a hint', async () => {
    const error = await rejection(GitRepo.open(makeTempDir('plain')));
    expect(error.code).toBe('notGitRepo');
    expect(error.hint).toMatch(/-C DIR/);
  });

  it('refuses a folder that does not exist', async () => {
    const error = await rejection(GitRepo.open(join(makeTempDir('gone'), 'missing')));
    expect(error.code).toBe('notGitRepo');
  });

  it('refuses the .git folder itself (not a work tree)', async () => {
    const repo = createTempRepo({ commit: true });
    const error = await rejection(GitRepo.open(join(repo.dir, '.git')));
    expect(error.code).toBe('notGitRepo');
  });
});

describe('resolveCommit', () => {
  it('resolves branches, HEAD~n and detached HEAD to full shas', async () => {
    const repo = createTempRepo({ files: { 'a.txt': '1' } });
    const first = repo.head();
    repo.write({ 'a.txt': '2' });
    const second = repo.commit('second');
    repo.git('checkout', '--quiet', '--detach', first);
    const git = await GitRepo.open(repo.dir);
    expect(await git.resolveCommit('HEAD')).toBe(first);
    expect(await git.resolveCommit('main')).toBe(second);
    expect(await git.resolveCommit('main~1')).toBe(first);
    expect(await git.resolveCommit(second.slice(0, 8))).toBe(second);
  });

  it('peels an annotated tag to its commit', async () => {
    const repo = createTempRepo({ files: { 'a.txt': '1' } });
    repo.git('tag', '-a', 'v1', '-m', 'release');
    const git = await GitRepo.open(repo.dir);
    expect(await git.resolveCommit('v1')).toBe(repo.head());
  });

  it('names an unknown ref in the error and hints at fetching', async () => {
    const repo = createTempRepo({ files: { 'a.txt': '1' } });
    const error = await rejection((await GitRepo.open(repo.dir)).resolveCommit('no-such-branch'));
    expect(error.code).toBe('unknownRef');
    expect(error.message).toContain("'no-such-branch'");
    expect(error.hint).toMatch(/git fetch/);
  });

  it('treats refs that look like options as refs', async () => {
    const repo = createTempRepo({ files: { 'a.txt': '1' } });
    const sha = repo.head();
    repo.git('update-ref', 'refs/heads/--all', sha);
    const git = await GitRepo.open(repo.dir);
    expect(await git.resolveCommit('--all')).toBe(sha);
    for (const ref of ['-x', '--output=/tmp/pwned', '--upload-pack=touch /tmp/pwned', '-h']) {
      const error = await rejection(git.resolveCommit(ref));
      expect(error.code).toBe('unknownRef');
      expect(error.message).toContain(ref);
    }
  });

  it('rejects a blob or tree name as a commit', async () => {
    const repo = createTempRepo({ files: { 'a.txt': '1' } });
    const git = await GitRepo.open(repo.dir);
    expect((await rejection(git.resolveCommit('HEAD:a.txt'))).code).toBe('unknownRef');
    expect((await rejection(git.resolveCommit('HEAD^{tree}'))).code).toBe('unknownRef');
  });

  it('reports HEAD of a repository without commits as unknown', async () => {
    const repo = createTempRepo();
    const error = await rejection((await GitRepo.open(repo.dir)).resolveCommit('HEAD'));
    expect(error.code).toBe('unknownRef');
  });
});

describe('resolveCommits and configGet', () => {
  it('resolves several refs in one batch, undefined for missing ones, option-like names included', async () => {
    const repo = createTempRepo({ files: { 'a.txt': '1' } });
    const git = await GitRepo.open(repo.dir);
    const head = repo.head();
    expect(
      await git.resolveCommits(['refs/heads/main', 'refs/remotes/origin/main', '--all', 'HEAD']),
    ).toEqual([head, undefined, undefined, head]);
    // A tree is not a commit.
    expect(await git.resolveCommits(['HEAD^{tree}'])).toEqual([undefined]);
  });

  it('probes a range while opening, once, from a subfolder too', async () => {
    const repo = createTempRepo({ files: { 'sub/a.txt': '1', 'BUILD.json': '{}' } });
    const fork = repo.head();
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.write({ 'sub/a.txt': '2' });
    const head = repo.commit('on feature');
    repo.git('checkout', '--quiet', 'main');
    repo.write({ 'other.txt': 'x' });
    const trunk = repo.commit('on main');
    const probe = { base: 'main', head: 'feature', paths: ['BUILD.json', 'sub/a.txt'] };
    const git = await GitRepo.open(join(repo.dir, 'sub'), { probe });
    expect(git.root).toBe(repo.dir);
    expect(git.takeProbedRange()).toEqual({
      base: trunk,
      head,
      mergeBase: fork,
      objects: new Map([
        ['BUILD.json', repo.git('rev-parse', 'feature:BUILD.json')],
        ['sub/a.txt', repo.git('rev-parse', 'feature:sub/a.txt')],
      ]),
    });
    // Answered once only: later questions see the repository as it is then.
    expect(git.takeProbedRange()).toBeUndefined();
  });

  it('drops a probe git cannot answer plainly, and still opens', async () => {
    const repo = createTempRepo({ files: { 'a.txt': '1' } });
    const first = repo.head();
    repo.git('checkout', '--quiet', '--orphan', 'unrelated');
    repo.write({ 'a.txt': '2' });
    repo.commit('no common history');
    repo.git('checkout', '--quiet', 'main');
    const cases = [
      { base: 'nope', head: 'HEAD', paths: [] }, // unknown ref
      { base: 'HEAD', head: 'HEAD', paths: ['missing.txt'] }, // missing path
      { base: '--all', head: 'HEAD', paths: [] }, // option-like: never asked
      { base: 'HEAD~1..HEAD', head: 'HEAD', paths: [] }, // range syntax: never asked
      { base: 'unrelated', head: 'main', paths: [] }, // no merge-base
    ];
    for (const probe of cases) {
      const git = await GitRepo.open(repo.dir, { probe });
      expect(git.root).toBe(repo.dir);
      expect(git.takeProbedRange()).toBeUndefined();
      expect(await git.resolveCommits(['HEAD'])).toEqual([first]);
    }
  });

  it('drops a probe of a criss-cross history (several merge-bases)', async () => {
    const repo = createTempRepo({ files: { 'a.txt': '0' } });
    repo.git('checkout', '--quiet', '-b', 'b');
    repo.write({ 'b.txt': '1' });
    const b1 = repo.commit('b1');
    repo.git('checkout', '--quiet', 'main');
    repo.write({ 'a.txt': '1' });
    const a1 = repo.commit('a1');
    repo.git('merge', '--quiet', '--no-edit', b1);
    repo.git('checkout', '--quiet', 'b');
    repo.git('merge', '--quiet', '--no-edit', a1);
    expect(repo.git('merge-base', '--all', 'main', 'b').split('\n')).toHaveLength(2);
    const git = await GitRepo.open(repo.dir, { probe: { base: 'main', head: 'b', paths: [] } });
    expect(git.takeProbedRange()).toBeUndefined();
  });

  it('reads the config while opening when asked, answering once', async () => {
    const repo = createTempRepo({ commit: true });
    repo.git('config', 'mainline.trunk', 'develop');
    const git = await GitRepo.open(repo.dir, { readConfig: ['mainline.trunk'] });
    repo.git('config', 'mainline.trunk', 'trunk');
    expect(await git.configGet('mainline.trunk')).toBe('develop');
    expect(await git.configGet('mainline.trunk')).toBe('trunk');
  });

  it('explains an unknown ref in an empty repository', async () => {
    const repo = createTempRepo();
    const git = await GitRepo.open(repo.dir);
    await expect(git.resolveCommit('HEAD')).rejects.toMatchObject({
      code: 'unknownRef',
      message: expect.stringContaining('no commits yet'),
    });
  });

  it('reads config values, case-insensitive in section and name, last one wins', async () => {
    const repo = createTempRepo({ commit: true });
    repo.git('config', 'mainline.trunk', 'develop');
    repo.git('config', 'branch.Feature.remote', 'upstream');
    repo.git('config', 'mainline.multi', 'one');
    repo.git('config', '--add', 'mainline.multi', 'two');
    repo.git('config', 'mainline.spaced', ' a = b \n c');
    const git = await GitRepo.open(repo.dir);
    expect(await git.configGet('mainline.trunk')).toBe('develop');
    expect(await git.configGet('MainLine.Trunk')).toBe('develop');
    expect(await git.configGet('branch.Feature.remote')).toBe('upstream');
    expect(await git.configGet('branch.feature.remote')).toBeUndefined();
    expect(await git.configGet('mainline.multi')).toBe('two');
    expect(await git.configGet('mainline.spaced')).toBe(' a = b \n c');
    expect(await git.configGet('mainline.unset')).toBeUndefined();
  });
});

describe('isShallow', () => {
  it('is false for a normal repository', async () => {
    const repo = createTempRepo({ files: { 'a.txt': '1' } });
    mkdirSync(join(repo.dir, 'sub'));
    expect(await (await GitRepo.open(join(repo.dir, 'sub'))).isShallow()).toBe(false);
  });
});

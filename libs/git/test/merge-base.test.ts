import { GitRepo } from '@mainline/git';
import { cloneTemp, createTempRepo, tempRepoAt } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';

describe('mergeBase', () => {
  it('finds the fork point of two branches', async () => {
    const repo = createTempRepo({ files: { 'a.txt': '1' } });
    const fork = repo.head();
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.write({ 'b.txt': 'feature' });
    const feature = repo.commit('feature work');
    repo.git('checkout', '--quiet', 'main');
    repo.write({ 'c.txt': 'trunk' });
    const main = repo.commit('trunk work');
    const git = await GitRepo.open(repo.dir);
    expect(await git.mergeBase(main, feature)).toBe(fork);
    expect(await git.mergeBase('main', 'feature')).toBe(fork);
    expect(await git.mergeBase(fork, main)).toBe(fork);
  });

  it("reports unrelated histories (an orphan branch) as 'noMergeBase'", async () => {
    const repo = createTempRepo({ files: { 'a.txt': '1' } });
    repo.git('checkout', '--quiet', '--orphan', 'orphan');
    repo.git('rm', '-r', '--quiet', '--cached', '.');
    repo.write({ 'z.txt': 'unrelated' });
    repo.remove('a.txt');
    repo.commit('orphan root');
    const git = await GitRepo.open(repo.dir);
    await expect(git.mergeBase('main', 'orphan')).rejects.toMatchObject({ code: 'noMergeBase' });
  });

  it('names the unknown side', async () => {
    const repo = createTempRepo({ files: { 'a.txt': '1' } });
    const git = await GitRepo.open(repo.dir);
    await expect(git.mergeBase('main', 'nope')).rejects.toMatchObject({
      code: 'unknownRef',
      message: expect.stringContaining("'nope'"),
    });
    await expect(git.mergeBase('--all', 'main')).rejects.toMatchObject({ code: 'unknownRef' });
  });

  it("reports missing history in a shallow clone as 'shallowClone', hinting --unshallow", async () => {
    const origin = createTempRepo({ files: { 'a.txt': '1' } });
    origin.write({ 'a.txt': '2' });
    origin.commit('second');
    origin.git('checkout', '--quiet', '-b', 'feature');
    origin.write({ 'b.txt': 'feature' });
    origin.commit('feature 1');
    origin.write({ 'b.txt': 'feature 2' });
    origin.commit('feature 2');
    origin.git('checkout', '--quiet', 'main');
    origin.write({ 'a.txt': '3' });
    origin.commit('third');

    const clone = tempRepoAt(cloneTemp(origin.dir, { depth: 1, noSingleBranch: true }));
    const git = await GitRepo.open(clone.dir);
    expect(await git.isShallow()).toBe(true);
    const error = git.mergeBase('origin/main', 'origin/feature');
    await expect(error).rejects.toMatchObject({
      code: 'shallowClone',
      hint: expect.stringMatching(/git fetch --unshallow[\s\S]*fetch-depth: 0/),
    });
    // A commit cut off by the shallow history gets the same advice, not "unknown ref".
    await expect(git.resolveCommit('origin/main~1')).rejects.toMatchObject({
      code: 'shallowClone',
      hint: expect.stringContaining('--unshallow'),
    });

    clone.git('fetch', '--quiet', '--unshallow');
    expect(await git.isShallow()).toBe(false);
    expect(await git.mergeBase('origin/main', 'origin/feature')).toBe(
      origin.git('merge-base', 'main', 'feature'),
    );
  });
});

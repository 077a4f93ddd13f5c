import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { GitRepo } from '@mainline/git';
import { createTempRepo } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';

describe('worktreeTree', () => {
  it('captures staged, unstaged and untracked files but not ignored ones', async () => {
    const repo = createTempRepo({
      files: {
        '.gitignore': 'dist/\n*.log\n',
        'staged.ts': 'v1',
        'unstaged.ts': 'v1',
        'deleted.ts': 'gone soon',
        'same.ts': 'same',
      },
    });
    const head = repo.head();
    repo.write({ 'staged.ts': 'v2', 'new-staged.ts': 'n' });
    repo.git('add', 'staged.ts', 'new-staged.ts');
    repo.write({
      'unstaged.ts': 'v2',
      'untracked dir/naïve.ts': 'u',
      'dist/out.js': 'ignored',
      'debug.log': 'ignored',
    });
    repo.remove('deleted.ts');
    const status = () =>
      repo.git('--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=all');
    const statusBefore = status();
    const index = join(repo.dir, '.git/index');
    const indexBefore = readFileSync(index);
    const indexMtime = statSync(index).mtimeMs;

    const git = await GitRepo.open(repo.dir);
    const tree = await git.worktreeTree();
    expect(readFileSync(index).equals(indexBefore)).toBe(true);
    expect(statSync(index).mtimeMs).toBe(indexMtime);
    expect(status()).toBe(statusBefore);

    const changes = await git.diff(head, tree);
    expect([...changes].sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual([
      { status: 'D', path: 'deleted.ts' },
      { status: 'A', path: 'new-staged.ts' },
      { status: 'M', path: 'staged.ts' },
      { status: 'M', path: 'unstaged.ts' },
      { status: 'A', path: 'untracked dir/naïve.ts' },
    ]);
    expect(await git.readFile(tree, 'unstaged.ts')).toBe('v2');
    // Listing the working tree gives the paths of that same snapshot, hashing nothing.
    const listed = [...(await git.listFiles(tree)).keys()].sort();
    expect((await git.worktreePaths()).sort()).toEqual(listed);
  });

  it('equals the HEAD tree when the work tree is clean, and is stable', async () => {
    const repo = createTempRepo({ files: { 'a.ts': 'a', 'b/c.ts': 'c' } });
    const git = await GitRepo.open(repo.dir);
    const tree = await git.worktreeTree();
    expect(tree).toBe(repo.git('rev-parse', 'HEAD^{tree}'));
    expect(await git.worktreeTree()).toBe(tree);
  });

  it('re-reads racily clean files: an edit in the same instant as the index write', async () => {
    // Set up what git's racy-clean check exists for: the index file and a.ts have the
    // same mtime, and a.ts was then rewritten (same size, same mtime). Only the
    // timestamps tell git to compare content, so the copied index must keep them.
    const repo = createTempRepo({ commit: true });
    const instant = new Date('2024-01-01T00:00:00Z');
    const file = join(repo.dir, 'a.ts');
    repo.git('config', 'core.trustctime', 'false');
    repo.write({ 'a.ts': 'one' });
    utimesSync(file, instant, instant);
    repo.git('add', 'a.ts');
    utimesSync(join(repo.dir, '.git/index'), instant, instant);
    repo.write({ 'a.ts': 'two' });
    utimesSync(file, instant, instant);
    expect(repo.git('--no-optional-locks', 'status', '--porcelain')).toBe('AM a.ts');

    const git = await GitRepo.open(repo.dir);
    expect(await git.readFile(await git.worktreeTree(), 'a.ts')).toBe('two');
  });

  it('works in a repository without commits or index', async () => {
    const repo = createTempRepo();
    repo.write({ 'first.ts': 'x' });
    const git = await GitRepo.open(repo.dir);
    const files = await git.listFiles(await git.worktreeTree());
    expect([...files.keys()]).toEqual(['first.ts']);
    expect(repo.git('status', '--porcelain')).toBe('?? first.ts');
  });

  it('works from a linked worktree, leaving its own index alone', async () => {
    const repo = createTempRepo({ files: { 'a.ts': 'a' } });
    const linked = join(repo.dir, '..', `${repo.dir.split('/').pop()}-linked`);
    repo.git('worktree', 'add', '--quiet', linked);
    try {
      const git = await GitRepo.open(linked);
      expect(git.root).toBe(linked);
      const tree = await git.worktreeTree();
      expect(tree).toBe(repo.git('rev-parse', 'HEAD^{tree}'));
    } finally {
      repo.git('worktree', 'remove', '--force', linked);
    }
  });
});

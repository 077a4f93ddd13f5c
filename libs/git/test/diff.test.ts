import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { FileChange } from '@mainline/core';
import { GitRepo } from '@mainline/git';
import { createTempRepo } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';

const byPath = (changes: readonly FileChange[]): FileChange[] =>
  [...changes].sort((a, b) => a.path.localeCompare(b.path));

/** diff, and diffCommits for the same two commits, which must agree with it. */
async function bothDiffs(git: GitRepo, base: string, head: string): Promise<FileChange[]> {
  const changes = await git.diff(base, head);
  expect(await git.diffCommits(base, head)).toEqual(changes);
  return changes;
}

describe('diff', () => {
  it('reports added, modified and deleted files', async () => {
    const repo = createTempRepo({
      files: {
        'libs/a/src/keep.ts': 'keep',
        'libs/a/src/edit.ts': 'v1',
        'libs/a/src/drop.ts': 'x',
      },
    });
    const base = repo.head();
    repo.write({ 'libs/a/src/edit.ts': 'v2', 'libs/b/src/new.ts': 'new' });
    repo.remove('libs/a/src/drop.ts');
    const head = repo.commit('change');
    const changes = await bothDiffs(await GitRepo.open(repo.dir), base, head);
    expect(byPath(changes)).toEqual([
      { status: 'D', path: 'libs/a/src/drop.ts' },
      { status: 'M', path: 'libs/a/src/edit.ts' },
      { status: 'A', path: 'libs/b/src/new.ts' },
    ]);
  });

  it('is empty when nothing changed', async () => {
    const repo = createTempRepo({ files: { 'a.txt': 'a' } });
    const git = await GitRepo.open(repo.dir);
    expect(await bothDiffs(git, repo.head(), repo.head())).toEqual([]);
  });

  it('reports a rename with its old path, across folders', async () => {
    const content = 'export const answer = 42;\n'.repeat(20);
    const repo = createTempRepo({ files: { 'libs/a/src/thing.ts': content } });
    const base = repo.head();
    repo.rename('libs/a/src/thing.ts', 'libs/b/src/thing.ts');
    const head = repo.commit('move');
    expect(await bothDiffs(await GitRepo.open(repo.dir), base, head)).toEqual([
      { status: 'R', path: 'libs/b/src/thing.ts', oldPath: 'libs/a/src/thing.ts' },
    ]);
  });

  it('reports a rename with small edits as a rename', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `export const v${i} = ${i};`);
    const repo = createTempRepo({ files: { 'old.ts': lines.join('\n') } });
    const base = repo.head();
    repo.remove('old.ts');
    repo.write({ 'new.ts': [...lines, 'export const extra = 1;'].join('\n') });
    const head = repo.commit('move and edit');
    expect(await bothDiffs(await GitRepo.open(repo.dir), base, head)).toEqual([
      { status: 'R', path: 'new.ts', oldPath: 'old.ts' },
    ]);
  });

  it('keeps paths with spaces, quotes, newlines and non-ASCII characters exact', async () => {
    const paths = [
      'libs/a/src/naïve file.ts',
      '日本.ts',
      'with "quotes".ts',
      'tab\there.ts',
      'new\nline.ts',
      'back\\slash.ts',
    ];
    const repo = createTempRepo({ files: { 'README.md': 'r' } });
    const base = repo.head();
    repo.write(Object.fromEntries(paths.map((path) => [path, path])));
    const head = repo.commit('odd names');
    const changes = await bothDiffs(await GitRepo.open(repo.dir), base, head);
    expect(changes.map((change) => change.path).sort()).toEqual([...paths].sort());
    expect(changes.every((change) => change.status === 'A')).toBe(true);
  });

  it('renames of non-ASCII paths keep both names exact', async () => {
    const content = 'const x = 1;\n'.repeat(10);
    const repo = createTempRepo({ files: { 'libs/a/src/naïve file.ts': content } });
    const base = repo.head();
    repo.rename('libs/a/src/naïve file.ts', 'libs/a/src/日本 file.ts');
    const head = repo.commit('rename');
    expect(await bothDiffs(await GitRepo.open(repo.dir), base, head)).toEqual([
      { status: 'R', path: 'libs/a/src/日本 file.ts', oldPath: 'libs/a/src/naïve file.ts' },
    ]);
  });

  it('reports a file that became a symlink as a type change', async () => {
    const repo = createTempRepo({ files: { 'target.ts': 't', 'link.ts': 'plain file' } });
    const base = repo.head();
    repo.remove('link.ts');
    symlinkSync('target.ts', join(repo.dir, 'link.ts'));
    const head = repo.commit('symlink');
    expect(await bothDiffs(await GitRepo.open(repo.dir), base, head)).toEqual([
      { status: 'T', path: 'link.ts' },
    ]);
  });

  it('ignores user diff settings that would change the output', async () => {
    const repo = createTempRepo({ files: { 'a.txt': 'a\n' } });
    const base = repo.head();
    repo.write({ 'a.txt': 'b\n', 'dir/b.txt': 'b' });
    const head = repo.commit('edit');
    for (const [key, value] of [
      ['color.ui', 'always'],
      ['color.diff', 'always'],
      ['core.quotePath', 'true'],
      ['diff.renames', 'copies'],
      ['diff.noprefix', 'true'],
      ['diff.relative', 'true'],
      ['diff.external', 'false'],
    ] as const) {
      repo.git('config', key, value);
    }
    expect(byPath(await (await GitRepo.open(`${repo.dir}/dir`)).diff(base, head))).toEqual([
      { status: 'M', path: 'a.txt' },
      { status: 'A', path: 'dir/b.txt' },
    ]);
  });

  it('compares trees as well as commits, and names an unknown side', async () => {
    const repo = createTempRepo({ files: { 'a.txt': 'a' } });
    const base = repo.head();
    repo.write({ 'a.txt': 'b' });
    const head = repo.commit('edit');
    const git = await GitRepo.open(repo.dir);
    const headTree = repo.git('rev-parse', `${head}^{tree}`);
    expect(await git.diff(base, headTree)).toEqual([{ status: 'M', path: 'a.txt' }]);
    await expect(git.diff(base, 'nope')).rejects.toMatchObject({
      code: 'unknownRef',
      message: expect.stringContaining("'nope'"),
    });
    await expect(git.diff('--all', head)).rejects.toMatchObject({ code: 'unknownRef' });
  });
});

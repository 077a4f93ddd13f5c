// `fs.promises` loads on first use: importing node:fs/promises would compile it (and
// readline) at start-up of every command, for the one that snapshots the working tree.
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeInside } from '@mainline/core';
import type { GitRunner } from './git-runner.ts';

/**
 * The tree sha of the working tree as `git add -A && git write-tree` would record it,
 * computed in a throw-away copy of the index so the real index, the working tree and
 * `git status` stay exactly as they were. Copying the index (rather than starting
 * empty) keeps the stat cache, so only files changed since the last `git add` or
 * checkout are hashed again.
 */
export async function worktreeTree(git: GitRunner, realIndexPath: string): Promise<string> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'mainline-index-'));
  try {
    const tempIndex = join(dir, 'index');
    await copyIndex(realIndexPath, tempIndex);
    const env = { GIT_INDEX_FILE: tempIndex };
    // simple-git waits 50 ms after a git that printed nothing; --verbose makes `add`
    // print what it stages, so only an already clean tree pays that wait.
    await git.text(['add', '--all', '--verbose'], { env });
    return (await git.text(['write-tree'], { env })).trim();
  } finally {
    removeInside(tmpdir(), dir);
  }
}

async function copyIndex(from: string, to: string): Promise<void> {
  const original = await fs.stat(from, { bigint: true }).catch((error: unknown) => {
    if (isNotFound(error)) return undefined; // a repository before its first `git add`
    throw error;
  });
  if (original === undefined) return;
  await fs.copyFile(from, to);
  // git treats an entry whose mtime is not older than the index file as "racily clean"
  // and re-reads its content. The copy must not look newer than the original, or a
  // file edited in the same instant as the last index write would pass as unchanged.
  // One microsecond earlier, truncated, absorbs the rounding of a float seconds value.
  const seconds = (ns: bigint): number => Number(ns / 1000n - 1n) / 1e6;
  await fs.utimes(to, seconds(original.atimeNs), seconds(original.mtimeNs));
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

import { copyFileSync, mkdtempSync, statSync, utimesSync } from 'node:fs';
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
 *
 * `git add` is started before this returns its promise (the index is copied
 * synchronously, in about a millisecond): the caller can work while git does.
 */
export async function worktreeTree(git: GitRunner, realIndexPath: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mainline-index-'));
  try {
    const tempIndex = join(dir, 'index');
    copyIndex(realIndexPath, tempIndex);
    const env = { GIT_INDEX_FILE: tempIndex };
    // Spawned directly: through simple-git these two took 60 to 80 ms longer on a
    // 7,000-file tree, and every run of the engine starts with them.
    await git.spawnText(['add', '--all'], env);
    return (await git.spawnText(['write-tree'], env)).trim();
  } finally {
    removeInside(tmpdir(), dir);
  }
}

function copyIndex(from: string, to: string): void {
  // Undefined: a repository before its first `git add`.
  const original = statSync(from, { bigint: true, throwIfNoEntry: false });
  if (original === undefined) return;
  copyFileSync(from, to);
  // git treats an entry whose mtime is not older than the index file as "racily clean"
  // and re-reads its content. The copy must not look newer than the original, or a
  // file edited in the same instant as the last index write would pass as unchanged.
  // One microsecond earlier, truncated, absorbs the rounding of a float seconds value.
  const seconds = (ns: bigint): number => Number(ns / 1000n - 1n) / 1e6;
  utimesSync(to, seconds(original.atimeNs), seconds(original.mtimeNs));
}

import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { isProcessAlive, MainlineError, removeInside } from '@mainline/core';
import type { GitRepo } from '@mainline/git';

const prefix = 'mainline-prepush-';
const leftover = /^mainline-prepush-(\d+)-/;

/** A folder for a temporary worktree, named after this process (see removeLeftovers). */
export function scratchFolder(): string {
  return mkdtempSync(join(tmpdir(), `${prefix}${process.pid}-`));
}

/** Deletes a folder scratchFolder made; refuses (`unsafePath`) any other. */
export function removeScratchFolder(folder: string): void {
  const root = scratchRoot(folder);
  if (root === undefined) {
    throw new MainlineError('unsafePath', `refused to delete ${folder}: mainline did not make it`, {
      hint: 'mainline only deletes its own mainline-prepush-* folders in the OS temp folder',
    });
  }
  removeInside(root, folder);
}

/**
 * The OS temp folder holding `folder` when it is one scratchFolder makes
 * (`mainline-prepush-<pid>-*` right in it, as given or through its real path).
 */
function scratchRoot(folder: string): string | undefined {
  if (!leftover.test(basename(folder))) return undefined;
  const temp = tmpdir();
  return [temp, realpathOrSelf(temp)].find((root) => resolve(root) === resolve(dirname(folder)));
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Removes the temporary worktrees of pre-push checks that were killed before they could
 * (their process is gone): `git worktree list` would show them forever otherwise.
 */
export async function removeLeftovers(repo: GitRepo): Promise<void> {
  for (const folder of await repo.linkedWorktrees()) {
    const pid = Number(leftover.exec(basename(folder))?.[1]);
    // A worktree of the same name elsewhere is someone's own: never removed.
    if (!pid || isProcessAlive(pid) || scratchRoot(folder) === undefined) continue;
    await repo.removeWorktree(folder).catch(() => undefined);
    removeScratchFolder(folder);
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { GitRepo } from '@mainline/git';

const prefix = 'mainline-prepush-';
const leftover = /^mainline-prepush-(\d+)-/;

/** A folder for a temporary worktree, named after this process (see removeLeftovers). */
export function scratchFolder(): string {
  return mkdtempSync(join(tmpdir(), `${prefix}${process.pid}-`));
}

/**
 * Removes the temporary worktrees of pre-push checks that were killed before they could
 * (their process is gone): `git worktree list` would show them forever otherwise.
 */
export async function removeLeftovers(repo: GitRepo): Promise<void> {
  for (const folder of await repo.linkedWorktrees()) {
    const pid = Number(leftover.exec(basename(folder))?.[1]);
    if (!pid || isAlive(pid)) continue;
    await repo.removeWorktree(folder).catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

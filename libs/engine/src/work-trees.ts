import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { GitRepo } from '@mainline/git';
import { removeLeftovers, removeScratchFolder, scratchFolder } from './scratch-worktree.ts';

/** A work tree holding one commit while it is built and tested. */
export interface CheckedOut {
  readonly dir: string;
  release(): Promise<void>;
}

/**
 * Where a commit is checked out to be built and tested: a scratch worktree for the pre-push
 * check, the trunk loop's own clone for the trunk. Never a person's working tree.
 */
export interface WorkTrees {
  checkout(commit: string): Promise<CheckedOut>;
}

/**
 * A new temporary worktree of `repo` per commit, deleted after; tests import third-party
 * packages, so it links the repository's own node_modules. Worktrees a killed check left
 * behind are removed first.
 */
export function scratchWorkTrees(repo: GitRepo): WorkTrees {
  return {
    async checkout(commit) {
      await removeLeftovers(repo);
      const dir = scratchFolder();
      await repo.addWorktree(dir, commit);
      const modules = join(repo.root, 'node_modules');
      if (existsSync(modules)) symlinkSync(modules, join(dir, 'node_modules'), 'dir');
      return {
        dir,
        async release() {
          await repo.removeWorktree(dir).catch(() => undefined);
          removeScratchFolder(dir);
        },
      };
    },
  };
}

import { MainlineError, WORKTREE } from '@mainline/core';
import type { GitRepo } from '@mainline/git';

export interface RangeRequest {
  readonly base?: string;
  readonly head?: string;
  /** Compare against the working tree (staged, unstaged and untracked files). */
  readonly uncommitted?: boolean;
}

export interface ResolvedRange {
  /** The merge-base commit the change is measured from. */
  readonly base: string;
  /** A commit sha, or WORKTREE. */
  readonly head: string;
  /** What git reads head from: the commit, or a tree of the working tree. */
  readonly headTreeish: string;
}

/** Where the trunk branch name comes from: `MAINLINE_TRUNK`, then `git config mainline.trunk`. */
export async function trunkBranch(repo: GitRepo, env: NodeJS.ProcessEnv): Promise<string> {
  return env.MAINLINE_TRUNK || (await repo.configGet('mainline.trunk')) || 'main';
}

/**
 * Resolves the compared range with merge-base semantics, like `git diff base...head`:
 * commits that landed on the base side since the fork point are not part of the change.
 * Without --base the base is the trunk branch (local, else origin's); with
 * --uncommitted alone it is HEAD, so only uncommitted work is compared (as `nx affected`).
 */
export async function resolveRange(
  repo: GitRepo,
  request: RangeRequest,
  env: NodeJS.ProcessEnv,
): Promise<ResolvedRange> {
  if (request.uncommitted && request.head !== undefined) {
    throw new MainlineError('usage', '--uncommitted and --head cannot be used together', {
      hint: '--uncommitted compares the working tree; drop --head, or commit and use --head.',
    });
  }
  const baseRef = async (): Promise<string> =>
    request.base ?? (request.uncommitted ? 'HEAD' : await trunkRef(repo, env));
  // Independent git calls run concurrently: each is a process start on the hot path.
  const [headCommit, baseCommit, worktree] = await Promise.all([
    repo.resolveCommit(request.uncommitted ? 'HEAD' : (request.head ?? 'HEAD')),
    baseRef().then((ref) => repo.resolveCommit(ref)),
    request.uncommitted ? repo.worktreeTree() : undefined,
  ]);
  const base = await repo.mergeBase(baseCommit, headCommit);
  if (worktree === undefined) return { base, head: headCommit, headTreeish: headCommit };
  return { base, head: WORKTREE, headTreeish: worktree };
}

async function trunkRef(repo: GitRepo, env: NodeJS.ProcessEnv): Promise<string> {
  const trunk = await trunkBranch(repo, env);
  for (const ref of [`refs/heads/${trunk}`, `refs/remotes/origin/${trunk}`]) {
    if (await repo.refExists(ref)) return ref;
  }
  throw new MainlineError(
    'unknownRef',
    `trunk branch '${trunk}' not found (locally or on origin)`,
    {
      hint: 'pass --base REF, fetch the trunk (git fetch origin main), or name it: git config mainline.trunk NAME',
    },
  );
}

import { MainlineError, WORKTREE } from '@mainline/core';
import type { GitRepo, RangeProbe } from '@mainline/git';
import { readSettings } from '@mainline/workspace';

export interface RangeRequest {
  readonly base?: string;
  readonly head?: string;
  /** Compare against the working tree (staged, unstaged and untracked files). */
  readonly uncommitted?: boolean;
  /**
   * With `uncommitted` and no `base`: compare from the trunk's merge-base rather than
   * from HEAD (what build and test select by: everything not on trunk yet).
   */
  readonly uncommittedFromTrunk?: boolean;
}

export interface ResolvedRange {
  /** The merge-base commit the change is measured from. */
  readonly base: string;
  /** A commit sha, or WORKTREE. */
  readonly head: string;
  /** What git reads head from: the commit, or a tree of the working tree. */
  readonly headTreeish: string;
  /** Blob ids at head already known (from the probe), by path. */
  readonly headObjects?: ReadonlyMap<string, string>;
}

/**
 * The trunk branch's name: `MAINLINE_TRUNK`, then `git config mainline.trunk` (a person's
 * own), then the team's `trunk.branch` in mainline.json, else `main`. (The front door
 * guesses `MAINLINE_TRUNK`, else `main`: any other name costs one more git process.)
 */
export async function trunkBranch(repo: GitRepo, env: NodeJS.ProcessEnv): Promise<string> {
  return (
    env.MAINLINE_TRUNK ||
    (await repo.configGet('mainline.trunk')) ||
    readSettings(repo.root).trunk?.branch ||
    defaultTrunk
  );
}

const defaultTrunk = 'main';

/** The trunk branch, local first, else origin's; a full name (`origin/main`) as given. */
function trunkCandidates(trunk: string): string[] {
  return [`refs/heads/${trunk}`, `refs/remotes/origin/${trunk}`, trunk];
}

/**
 * The range asked of git while the repository is opened (see GitRepo's probe): the
 * head, and the base or the trunk's local branch under its default or MAINLINE_TRUNK
 * name, with `paths` at head. Undefined for the working tree.
 */
export function rangeProbe(
  request: RangeRequest,
  env: NodeJS.ProcessEnv,
  paths: readonly string[],
): RangeProbe | undefined {
  if (request.uncommitted) return undefined;
  const base = request.base ?? `refs/heads/${env.MAINLINE_TRUNK || defaultTrunk}`;
  return { base, head: request.head ?? 'HEAD', paths };
}

/**
 * Resolves the compared range with merge-base semantics, like `git diff base...head`:
 * commits that landed on the base side since the fork point are not part of the change.
 * Without --base the base is the trunk branch (local, else origin's); with
 * --uncommitted alone it is HEAD, so only uncommitted work is compared (as `nx affected`).
 * Every git call here is a process start on the hot path of `affected`: the probed range
 * answers when it can; otherwise refs are resolved in one batch, and the trunk's
 * configured name is read while the default one resolves.
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
  const useTrunk =
    request.base === undefined && (!request.uncommitted || request.uncommittedFromTrunk === true);
  const guessedTrunk = env.MAINLINE_TRUNK || defaultTrunk;
  // The config was read while the repository opened (see loadChange).
  const trunkName = useTrunk ? trunkBranch(repo, env) : undefined;
  const probed = repo.takeProbedRange();
  if (probed !== undefined && (!useTrunk || (await trunkName) === guessedTrunk)) {
    const { mergeBase: base, head, objects } = probed;
    return { base, head, headTreeish: head, headObjects: objects };
  }
  const headRef = request.uncommitted ? 'HEAD' : (request.head ?? 'HEAD');
  const baseRefs = useTrunk ? trunkCandidates(guessedTrunk) : [request.base ?? 'HEAD'];
  const refs = [headRef, ...baseRefs];
  const [resolved, trunk, worktree] = await Promise.all([
    repo.resolveCommits(refs),
    trunkName,
    request.uncommitted ? repo.worktreeTree() : undefined,
  ]);
  // An unresolved ref is resolved again alone, which throws the precise error for it.
  const headCommit = resolved[0] ?? (await repo.resolveCommit(headRef));
  let baseCommit = resolved.slice(1).find((sha) => sha !== undefined);
  if (trunk !== undefined && trunk !== guessedTrunk) {
    baseCommit = (await repo.resolveCommits(trunkCandidates(trunk))).find(
      (sha) => sha !== undefined,
    );
  }
  if (baseCommit === undefined && trunk !== undefined) throw trunkMissing(trunk);
  baseCommit ??= await repo.resolveCommit(baseRefs[0] as string);
  const base = await repo.mergeBase(baseCommit, headCommit);
  if (worktree === undefined) return { base, head: headCommit, headTreeish: headCommit };
  return { base, head: WORKTREE, headTreeish: worktree };
}

function trunkMissing(trunk: string): MainlineError {
  return new MainlineError(
    'unknownRef',
    `trunk branch '${trunk}' not found (locally or on origin)`,
    {
      hint: `pass --base REF, fetch it (git fetch origin ${trunk}), or name the trunk: MAINLINE_TRUNK=NAME or git config mainline.trunk NAME (e.g. master)`,
    },
  );
}

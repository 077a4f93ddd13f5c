import type { AffectedTarget } from '@mainline/core';
import { loadChange } from '@mainline/change';
import type { Suspect } from '@mainline/culprit';
import type { CommitInfo, GitRepo } from '@mainline/git';

/**
 * The suspects of a breakage: the commits after its last green commit, up to its first red
 * one, that affect the target (the affected engine prunes the rest: a commit that does not
 * affect it cannot change its result), each with its graph distance to the target.
 */
export async function suspectsOf(
  repo: GitRepo,
  env: NodeJS.ProcessEnv,
  breakage: { readonly target: string; readonly lastGreen: string; readonly firstRed: string },
): Promise<Suspect[]> {
  const line = await repo.firstParentLine(breakage.lastGreen, breakage.firstRed);
  const infos = await repo.commitInfos(line);
  const suspects: Suspect[] = [];
  for (const info of infos) {
    const distance = await distanceOf(repo, env, info, breakage.target);
    if (distance !== undefined) suspects.push({ id: info.sha, distance });
  }
  return suspects;
}

/** How far a commit's changes are from the target: undefined when it does not affect it. */
async function distanceOf(
  repo: GitRepo,
  env: NodeJS.ProcessEnv,
  commit: CommitInfo,
  target: string,
): Promise<number | undefined> {
  const parent = commit.parents[0];
  if (parent === undefined) return 0; // the root commit makes everything
  const change = await loadChange({ cwd: repo.root, env, base: parent, head: commit.sha });
  return distances(change.report.affected).get(target);
}

/**
 * Graph distance of each affected target from the change: 0 for a target the change
 * touches itself (its files, its entry, a package it imports), else one more than the
 * nearest affected dep it is affected through.
 */
export function distances(affected: readonly AffectedTarget[]): Map<string, number> {
  const distance = new Map<string, number>();
  for (const target of affected) {
    if (target.reasons.some((reason) => reason.type !== 'dep')) distance.set(target.name, 0);
  }
  // Each pass settles the next ring out; at most one pass per ring.
  for (let changed = true; changed; ) {
    changed = false;
    for (const target of affected) {
      for (const reason of target.reasons) {
        if (reason.type !== 'dep') continue;
        const through = distance.get(reason.target);
        if (through === undefined) continue;
        const known = distance.get(target.name);
        if (known === undefined || through + 1 < known) {
          distance.set(target.name, through + 1);
          changed = true;
        }
      }
    }
  }
  return distance;
}

import { join } from 'node:path';
import { trunkBranch } from '@mainline/change';
import { type GitRepo, OwnClone } from '@mainline/git';
import type { Store } from '@mainline/store';
import { cloneWorkTrees } from '@mainline/trunk';
import { readSettings } from '@mainline/workspace';

/** Where the night runs: a work tree, the commit it holds, and the environment to run in. */
export interface NightPlace {
  readonly dir: string;
  readonly commit: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The remote trunk tip, checked out in a clone of mainline's own under the state folder
 * (`nightly/clone`, made like the trunk loop's and kept between nights, with `npm ci` when
 * the lockfile changed), never in the person's working tree. Not the loop's clone itself:
 * a loop running as a service holds that one, and would move it under the night.
 */
export async function trunkTip(
  repo: GitRepo,
  state: string,
  store: Store,
  env: NodeJS.ProcessEnv,
): Promise<NightPlace> {
  const remote = readSettings(repo.root).trunk?.remote ?? 'origin';
  const branch = await trunkBranch(repo, env);
  const url = await OwnClone.remoteUrl(repo.root, remote, env);
  // What git and mainline read in the clone stay in the person's state folder.
  const inState = { ...env, MAINLINE_HOME: state };
  const clone = await OwnClone.at(join(state, 'nightly', 'clone'), url, inState);
  const tip = await clone.fetch(branch);
  await cloneWorkTrees(clone, store.trunk, inState, 'nightly-installed-lockfile').checkout(tip);
  return { dir: clone.dir, commit: tip, env: inState };
}

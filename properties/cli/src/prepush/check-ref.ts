import { loadChange } from '@mainline/change';
import type { AffectedTarget, RunEvent, RunSummary } from '@mainline/core';
import {
  type Executor,
  type PipelineRequest,
  scratchWorkTrees,
  testCommit,
} from '@mainline/engine';
import type { GitRepo } from '@mainline/git';
import { isZeroOid, type PushedRef } from './push-lines.ts';
import { wavesByDistance } from './waves.ts';

export type RefOutcome =
  | { readonly kind: 'deleted' }
  | { readonly kind: 'nothing-affected'; readonly tested: string }
  | { readonly kind: 'cached'; readonly tested: string; readonly targets: readonly string[] }
  | { readonly kind: 'ran'; readonly tested: string; readonly summary: RunSummary }
  | { readonly kind: 'conflict'; readonly tested: string; readonly paths: readonly string[] };

export interface RefContext {
  readonly repo: GitRepo;
  readonly env: NodeJS.ProcessEnv;
  readonly executor: Executor;
  /** The remote trunk tip the push lands on (`refs/remotes/<remote>/<trunk>`), if known. */
  readonly trunkTip: string | undefined;
  readonly trunkName: string;
  readonly concurrency: number;
  readonly signal: AbortSignal;
  readonly emit: (event: RunEvent) => void;
  /** Under a time budget: check the targets nearest to the change first (see wavesByDistance). */
  readonly nearestFirst: boolean;
  /** The remote cache, when one is set up (see remote-cache.ts). */
  readonly sharedCache?: PipelineRequest['sharedCache'];
}

/**
 * Tests what one pushed ref affects. An update is compared with what the remote had; a
 * new branch with its merge-base on the remote trunk. When the branch is behind the
 * remote trunk, the pushed commit is merged onto the trunk tip first (in git's object
 * store, not in any work tree), so upstream libs are trunk's latest. Keys are computed
 * from the commit itself: when every affected build and test is cached, nothing is
 * checked out; otherwise a temporary worktree holds the snapshot while it runs.
 */
export async function checkRef(ref: PushedRef, context: RefContext): Promise<RefOutcome> {
  if (isZeroOid(ref.localOid)) return { kind: 'deleted' };
  const { repo, trunkTip } = context;
  const known = !isZeroOid(ref.remoteOid) && (await repo.resolveCommits([ref.remoteOid]))[0];
  const base = known ? ref.remoteOid : trunkTip;
  const behind =
    trunkTip !== undefined && (await repo.mergeBase(trunkTip, ref.localOid)) !== trunkTip;
  let snapshot = ref.localOid;
  let tested = `${ref.localRef} at ${ref.localOid.slice(0, 10)}`;
  if (behind && trunkTip !== undefined) {
    const merged = await repo.mergeTree(trunkTip, ref.localOid);
    tested = `${ref.localRef} merged onto ${context.trunkName} at ${trunkTip.slice(0, 10)}`;
    if ('conflicts' in merged) return { kind: 'conflict', tested, paths: merged.conflicts };
    snapshot = await repo.commitTree(merged.tree, [trunkTip, ref.localOid], `mainline: ${tested}`);
  }
  const affected =
    base === undefined ? undefined : await affectedTargets(context, base, ref.localOid);
  if (affected?.length === 0) return { kind: 'nothing-affected', tested };
  const selection =
    affected === undefined
      ? { names: [], all: true }
      : { names: affected.map((target) => target.name) };
  const outcome = await testCommit({
    kind: 'prepush',
    argv: ['prepush', ref.localRef],
    repo,
    commit: snapshot,
    workTrees: scratchWorkTrees(repo),
    env: context.env,
    selection,
    executor: context.executor,
    concurrency: context.concurrency,
    signal: context.signal,
    emit: context.emit,
    ...(context.sharedCache ? { sharedCache: context.sharedCache } : {}),
    ...(context.nearestFirst && affected !== undefined ? { waves: wavesByDistance(affected) } : {}),
  });
  return outcome.kind === 'cached'
    ? { kind: 'cached', tested, targets: outcome.targets }
    : { kind: 'ran', tested, summary: outcome.summary };
}

async function affectedTargets(
  context: RefContext,
  base: string,
  head: string,
): Promise<readonly AffectedTarget[]> {
  const change = await loadChange({ cwd: context.repo.root, env: context.env, base, head });
  return change.report.affected;
}

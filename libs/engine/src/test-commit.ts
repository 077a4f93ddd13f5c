import type { RunSummary } from '@mainline/core';
import type { GitRepo } from '@mainline/git';
import { stateDir } from '@mainline/state';
import { allCached } from './all-cached.ts';
import { prepareKeys } from './prepare-keys.ts';
import { type PipelineRequest, runPipeline } from './run-pipeline.ts';
import { runWaves } from './run-waves.ts';
import type { WorkTrees } from './work-trees.ts';

export interface CommitTestRequest
  extends Omit<PipelineRequest, 'cwd' | 'at' | 'commit' | 'command'> {
  readonly repo: GitRepo;
  /** The commit to build and test (it may be one made for the check, say a merge). */
  readonly commit: string;
  readonly workTrees: WorkTrees;
  /** Run the selected targets in these waves, in turn (the nearest to a change first). */
  readonly waves?: readonly (readonly string[])[];
}

export type CommitTestOutcome =
  /** Every build and test of the selection was cached: nothing was checked out. */
  | { readonly kind: 'cached'; readonly targets: readonly string[] }
  /** `runId`: the recorded run (the last one, with waves). */
  | { readonly kind: 'ran'; readonly summary: RunSummary; readonly runId: number | undefined };

/**
 * Builds and tests a selection at a commit. Keys come from the commit itself: when every
 * build and test is cached (and tests may be reused), nothing is checked out; otherwise
 * the commit is checked out in a work tree of `workTrees` and run there, the results
 * recorded in the repository's own state folder.
 */
export async function testCommit(request: CommitTestRequest): Promise<CommitTestOutcome> {
  const { repo, commit, workTrees, waves, ...rest } = request;
  const state = request.state ?? stateDir(repo.root, request.env);
  if (!request.rerunTests) {
    const keys = await prepareKeys({ ...rest, cwd: repo.root, state, at: commit });
    if (await allCached(keys, request.strictFlakes ?? false)) {
      return { kind: 'cached', targets: keys.selected.asked };
    }
  }
  const tree = await workTrees.checkout(commit);
  try {
    const run = { ...rest, command: 'test' as const, cwd: tree.dir, state, commit };
    if (waves) return { kind: 'ran', summary: await runWaves(waves, run), runId: undefined };
    const { summary, runId } = await runPipeline(run);
    return { kind: 'ran', summary, runId };
  } finally {
    await tree.release();
  }
}

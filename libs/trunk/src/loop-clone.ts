import { join } from 'node:path';
import { testCommit, type WorkTrees } from '@mainline/engine';
import { GitRepo, OwnClone } from '@mainline/git';
import type { TrunkRecords } from '@mainline/store';
import { cloneWorkTrees } from './clone-work-trees.ts';
import { type TargetOutcome, targetOutcomes } from './target-outcome.ts';
import type { TrunkOptions } from './trunk-options.ts';

/** The loop's own clone under the state folder, and how it tests commits there. */
export interface LoopClone {
  /** The options with the env the clone's runs read (MAINLINE_HOME: the state folder). */
  readonly options: TrunkOptions;
  readonly clone: OwnClone;
  readonly repo: GitRepo;
  readonly run: Runner;
}

export interface Runner {
  /** The targets at a commit, cached results used (a batch of trunk). */
  batch(commit: string, targets: readonly string[]): Promise<TargetOutcome[] | 'cached'>;
  /** One target at a commit, its tests run again (a search step, a check at the tip). */
  rerun(commit: string, target: string): Promise<TargetOutcome>;
}

/**
 * Opens (or makes) `<state>/trunk/clone`, pointed at the URL of the remote the person's
 * checkout (`options.cwd`) names; the loop's passes and a person's revert both work there.
 */
export async function openLoopClone(
  state: string,
  records: TrunkRecords,
  given: TrunkOptions,
): Promise<LoopClone> {
  // What git reads in the clone (compiled BUILD.json files, fingerprints) stays in this state.
  const options = { ...given, env: { ...given.env, MAINLINE_HOME: state } };
  const origin = await GitRepo.open(options.cwd, { env: options.env });
  const url = await OwnClone.remoteUrl(origin.root, options.remote, options.env);
  const clone = await OwnClone.at(join(state, 'trunk', 'clone'), url, options.env);
  const repo = await GitRepo.open(clone.dir, { env: options.env });
  const workTrees = cloneWorkTrees(clone, records, options.env);
  return { options, clone, repo, run: runner(repo, state, workTrees, options) };
}

function runner(repo: GitRepo, state: string, workTrees: WorkTrees, options: TrunkOptions): Runner {
  const common = {
    repo,
    workTrees,
    state,
    env: options.env,
    executor: options.executor,
    typecheck: options.typecheck,
    signal: options.signal,
    emit: (event: Parameters<NonNullable<Parameters<typeof testCommit>[0]['emit']>>[0]) =>
      options.emit({ type: 'run', event }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.sharedCache === undefined ? {} : { sharedCache: options.sharedCache }),
  };
  return {
    async batch(commit, targets) {
      const outcome = await testCommit({
        ...common,
        kind: 'trunk',
        argv: ['trunk', commit],
        commit,
        selection: { names: targets },
      });
      if (outcome.kind === 'cached') return 'cached';
      const runId = outcome.runId;
      return targetOutcomes(outcome.summary).map((o) =>
        runId === undefined ? o : { ...o, runId },
      );
    },
    async rerun(commit, target) {
      options.executor.prepareTests?.();
      const outcome = await testCommit({
        ...common,
        kind: 'culprit',
        argv: ['trunk', 'culprit', target, commit],
        commit,
        selection: { names: [target] },
        rerunTests: true,
      });
      const found =
        outcome.kind === 'ran'
          ? targetOutcomes(outcome.summary).find((result) => result.target === target)
          : undefined;
      const runId = outcome.kind === 'ran' ? outcome.runId : undefined;
      const result = found ?? { target, red: false, status: 'passed', failing: [], passing: [] };
      return runId === undefined ? result : { ...result, runId };
    },
  };
}

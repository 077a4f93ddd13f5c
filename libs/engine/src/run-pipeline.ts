import { availableParallelism } from 'node:os';
import { type ArtifactCache, openLocalCache } from '@mainline/cache';
import type {
  RunCommand,
  RunEvent,
  RunEventBody,
  RunStatus,
  RunSummary,
  TargetBuildResult,
  TargetTestResult,
} from '@mainline/core';
import type { TestLimits } from '@mainline/runner';
import { ensureStateFolder, reportMovedAside } from '@mainline/state';
import type { RunKind } from '@mainline/store';
import { buildTargets } from './build-targets.ts';
import { checkedPackages } from './checked-packages.ts';
import type { Executor } from './executor.ts';
import { type PreparedRun, prepareRun, type RunRequest } from './prepare-run.ts';
import { storeRecorder } from './run-recorder.ts';
import { ReadAhead } from './read-ahead.ts';
import { RunStore } from './run-store.ts';
import { testTargets } from './test-targets.ts';

export interface PipelineRequest extends RunRequest {
  /** What the run is recorded as: the command, or what ran it (prepush, watch, trunk...). */
  readonly kind: RunKind;
  /** What it does: build, or build then test. */
  readonly command: RunCommand;
  readonly executor: Executor;
  /** Default: the local cache of the state folder. */
  readonly cache?: ArtifactCache;
  /**
   * The cache is shared with other machines (the remote cache): test passes go in it, and
   * a test key the store has no pass for is looked up in it before its tests run.
   */
  readonly shareTests?: boolean;
  /**
   * The repository's shared cache, once its root is known (the CLI reads its settings
   * there): when given one, it is the run's `cache` with `shareTests`.
   */
  readonly sharedCache?: (where: { root: string; state: string }) => ArtifactCache | undefined;
  /** The commit the snapshot is, when it is one: recorded with the run and on its events. */
  readonly commit?: string;
  readonly argv?: readonly string[];
  /** Targets built at once; default: the cores. */
  readonly concurrency?: number;
  /** Start nothing new after the first failure. */
  readonly failFast?: boolean;
  /** Reruns of a failed test; one that then passes is flaky. */
  readonly retries?: number;
  /** A flaky test fails its target. */
  readonly strictFlakes?: boolean;
  /** Run every test again, never take a result from an earlier run (a culprit search). */
  readonly rerunTests?: boolean;
  /**
   * Record the repository files each target's vitest files read through `node:fs`, given
   * back as `reads` on its test result (the nightly's audit); off by default.
   */
  readonly recordReads?: boolean;
  /** Build every target again: no cache lookup, no outputs in place (results still stored). */
  readonly freshBuilds?: boolean;
  /** Test time limits over every target's own (the command line's). */
  readonly testLimits?: TestLimits;
  /** Heap limit of each test worker, in MiB (default: Node's). */
  readonly testMemoryMb?: number;
  readonly signal?: AbortSignal;
  readonly emit?: (event: RunEvent) => void;
}

export interface PipelineOutcome {
  readonly runId: number;
  readonly summary: RunSummary;
}

/**
 * A build or test run from start to end: snapshot and selection, a run row in the store,
 * builds (cached by key), then tests (cached by key), every result recorded as it comes,
 * every event stamped with the run, the time and the commit. The run is recorded
 * `interrupted` when the signal fired, whatever else happened.
 */
export async function runPipeline(request: PipelineRequest): Promise<PipelineOutcome> {
  const started = performance.now();
  const signal = request.signal ?? new AbortController().signal;
  const concurrency = request.concurrency ?? availableParallelism();
  const runStore = new RunStore();
  let readAhead: ReadAhead | undefined;
  let run: PreparedRun;
  try {
    run = await prepareRun(request, (state, memo) => {
      runStore.open(state);
      // A snapshot of the work tree leaves time to read ahead; a commit's keys come at once.
      if (request.at === undefined) readAhead = ReadAhead.during(state, memo, runStore.opened);
    });
    ensureStateFolder(run.state, 'tmp');
  } catch (error) {
    runStore.close();
    throw error;
  }
  const [store, runId] = runStore.start(run.state, {
    kind: request.kind,
    argv: request.argv ?? [request.kind],
    treeSha: run.tree,
    ...(request.commit ? { headSha: request.commit } : {}),
  });
  const listener = request.emit;
  const emit = (event: RunEventBody): void =>
    listener?.({
      ...event,
      runId,
      time: Date.now(),
      ...(request.commit ? { commit: request.commit } : {}),
    });
  try {
    const recorder = storeRecorder(store, runId, readAhead);
    let status: RunStatus | undefined;
    let builds: TargetBuildResult[] = [];
    let tests: TargetTestResult[] = [];
    try {
      const packages = checkedPackages(run, request.at === undefined);
      // A tree no run checked before has its package.json files checked up front.
      if (!run.packagesChecked) await packages();
      emit({
        type: 'run-started',
        command: request.command,
        targets: run.selected.asked,
        builds: run.selected.builds,
        concurrency,
      });
      const common = { concurrency, signal };
      const shared = request.sharedCache?.({ root: run.root, state: run.state });
      const cache =
        shared ?? request.cache ?? openLocalCache(run.state, { onRepair: reportMovedAside });
      builds = await buildTargets({
        run,
        packages,
        executor: request.executor,
        cache,
        recorder,
        ...(readAhead ? { readAhead } : {}),
        options: {
          ...common,
          failFast: request.failFast ?? false,
          typecheck: request.typecheck ?? true,
          fresh: request.freshBuilds ?? false,
        },
        emit,
      });
      if (request.command === 'test') {
        const byTarget = new Map(builds.map((build) => [build.target, build]));
        tests = await testTargets(
          {
            run,
            packages,
            executor: request.executor,
            recorder,
            options: {
              ...common,
              retries: request.retries ?? 0,
              strictFlakes: request.strictFlakes ?? false,
              rerun: request.rerunTests ?? false,
              ...(request.recordReads ? { recordReads: true } : {}),
              ...(request.testLimits ? { limits: request.testLimits } : {}),
              ...(request.testMemoryMb ? { memoryMb: request.testMemoryMb } : {}),
            },
            emit,
            ...(shared || request.shareTests ? { shared: cache } : {}),
          },
          byTarget,
        );
      }
      status = statusOf(signal, builds, tests);
    } finally {
      // Thrown out of the run: interrupted when asked to stop, else the tool failed.
      recorder.finish(status ?? (signal.aborted ? 'interrupted' : 'error'));
    }
    const summary: RunSummary = {
      command: request.command,
      status,
      durationMs: performance.now() - started,
      builds,
      tests,
    };
    emit({ type: 'run-finished', summary });
    return { runId, summary };
  } finally {
    store.close();
  }
}

function statusOf(
  signal: AbortSignal,
  builds: readonly TargetBuildResult[],
  tests: readonly TargetTestResult[],
): RunStatus {
  if (signal.aborted) return 'interrupted';
  const red = [...builds, ...tests].some((result) => result.status === 'failed');
  return red ? 'failed' : 'passed';
}

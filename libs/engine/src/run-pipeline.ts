import { openLocalCache } from '@mainline/cache';
import type {
  RunCommand,
  RunEvent,
  RunStatus,
  RunSummary,
  TargetBuildResult,
  TargetTestResult,
} from '@mainline/core';
import { type TestLimits, workspacePackages } from '@mainline/runner';
import { ensureStateFolder } from '@mainline/state';
import { reportMovedAside } from '@mainline/state';
import { openStateStoreFor } from '@mainline/state';
import { buildTargets } from './build-targets.ts';
import { prepareRun, type RunRequest } from './prepare-run.ts';
import { storeRecorder } from './run-recorder.ts';
import { testTargets } from './test-targets.ts';

export interface PipelineRequest extends RunRequest {
  readonly command: RunCommand;
  readonly argv: readonly string[];
  readonly concurrency: number;
  readonly failFast: boolean;
  readonly retries: number;
  readonly strictFlakes: boolean;
  /** Test time limits over every target's own (the command line's). */
  readonly testLimits?: TestLimits;
  /** Heap limit of each test worker, in MiB (default: Node's). */
  readonly testMemoryMb?: number;
  readonly signal: AbortSignal;
  readonly emit: (event: RunEvent) => void;
}

export interface PipelineOutcome {
  readonly runId: number;
  readonly summary: RunSummary;
}

/**
 * A build or test run from start to end: snapshot and selection, a run row in the store,
 * builds (cached by key), then tests (cached by key), every result recorded as it comes.
 * The run is recorded `interrupted` when the signal fired, whatever else happened.
 */
export async function runPipeline(request: PipelineRequest): Promise<PipelineOutcome> {
  const started = performance.now();
  const run = await prepareRun(request);
  ensureStateFolder(run.state, 'tmp');
  const [store, runId] = openStateStoreFor(run.state, (opened) => {
    opened.recoverAbandonedRuns();
    return opened.startRun({ kind: request.command, argv: request.argv, headSha: run.tree }).id;
  });
  try {
    const recorder = storeRecorder(store, runId);
    let status: RunStatus | undefined;
    let builds: TargetBuildResult[] = [];
    let tests: TargetTestResult[] = [];
    try {
      const packages = await workspacePackages(run.root, run.workspace);
      request.emit({
        type: 'run-started',
        command: request.command,
        targets: run.selected.asked,
        builds: run.selected.builds,
        concurrency: request.concurrency,
      });
      const common = { concurrency: request.concurrency, signal: request.signal };
      builds = await buildTargets({
        run,
        packages,
        cache: openLocalCache(run.state, { onRepair: reportMovedAside }),
        recorder,
        options: { ...common, failFast: request.failFast, typecheck: request.typecheck },
        emit: request.emit,
      });
      if (request.command === 'test') {
        const byTarget = new Map(builds.map((build) => [build.target, build]));
        tests = await testTargets(
          {
            run,
            packages,
            recorder,
            options: {
              ...common,
              retries: request.retries,
              strictFlakes: request.strictFlakes,
              ...(request.testLimits ? { limits: request.testLimits } : {}),
              ...(request.testMemoryMb ? { memoryMb: request.testMemoryMb } : {}),
            },
            emit: request.emit,
          },
          byTarget,
        );
      }
      status = statusOf(request.signal, builds, tests);
    } finally {
      // Thrown out of the run: interrupted when asked to stop, else the tool failed.
      recorder.finish(status ?? (request.signal.aborted ? 'interrupted' : 'error'));
    }
    const summary: RunSummary = {
      command: request.command,
      status,
      durationMs: performance.now() - started,
      builds,
      tests,
    };
    request.emit({ type: 'run-finished', summary });
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

import { join } from 'node:path';
import { Writable } from 'node:stream';
import { MainlineError } from '@mainline/core';
import type { TestProject, Vitest } from 'vitest/node';
import { FileWatch } from './file-watch.ts';
import { loadVitest } from './load-vitest.ts';
import { planRun, type RunPlan } from './plan-run.ts';
import { guardProcess } from './process-guard.ts';
import { clearRecordedReads, readsIn, recorderBounds, recorderSource } from './read-recorder.ts';
import { safeEmit } from './safe-emit.ts';
import { withScratch } from './scratch.ts';
import { runEnd } from './target-results.ts';
import type {
  TestFileError,
  VitestRunEvent,
  VitestRunRequest,
  VitestRunResult,
} from './test-results.ts';
import { ResultReporter } from './vitest-reporter.ts';
import { isolationPools, vitestSetup } from './vitest-options.ts';
import { watchedPool } from './watched-pool.ts';
import { channelKey, writeSetupFile, writeTestTimeout } from './worker-channel.ts';

/**
 * Runs the vitest files of many targets in one vitest run, through vitest's Node API in
 * this process (its workers are threads or child processes, each watched: a file past its
 * time limit has its worker killed, a worker that dies fails its file), and maps every
 * file's results back to its targets. Prints nothing: progress and the tests' own output
 * arrive as events. Red tests, files that do not load, time out or crash, and an aborted
 * run are results; only a bad request ('internal') or a vitest that cannot load or start
 * ('testRunFailed') throw.
 */
export async function runVitest(request: VitestRunRequest): Promise<VitestRunResult> {
  const plan = planRun(request);
  if (plan.files.length === 0 || request.signal?.aborted) {
    return runIn(request, plan, '');
  }
  return withScratch(request.scratchDir, (scratch) => runIn(request, plan, scratch));
}

async function runIn(
  request: VitestRunRequest,
  plan: RunPlan,
  scratch: string,
): Promise<VitestRunResult> {
  const started = performance.now();
  const emit = safeEmit(request.onEvent);
  const recording = request.recordReads && scratch !== '' ? request.recordReads : undefined;
  const finish = runEnd(
    request.files,
    plan.missing,
    started,
    request.recordReads ? readsIn(scratch, plan.root) : undefined,
  );
  if (plan.files.length === 0 || request.signal?.aborted) {
    return finish(new Map(), [], request.signal?.aborted === true);
  }
  const api = await loadVitest();
  const reporter = new ResultReporter({
    root: plan.root,
    files: plan.byModuleId,
    targets: plan.targets,
    emit,
  });
  const watch = new FileWatch({
    plan,
    channel: scratch,
    emit,
    finishedTests: (file) => reporter.finishedTests(file),
  });
  for (const [file, limits] of plan.limits) {
    if (limits.testMs !== plan.defaults.testMs) {
      writeTestTimeout(scratch, join(plan.root, file), limits.testMs);
    }
  }
  const pool = watchedPool(
    api,
    { kind: isolationPools[request.isolation ?? 'thread'].kind, memoryMb: request.workerMemoryMb },
    watch,
  );
  const setupFile = writeSetupFile(scratch, recording ? recorderFor(request, plan, scratch) : '');
  const { options, viteOverrides } = vitestSetup(request, { plan, pool, setupFile }, reporter);
  const guard = guardProcess();
  let vitest: Vitest;
  try {
    vitest = await api.createVitest('test', options, viteOverrides, {
      stdout: outputStream('stdout', emit),
      stderr: outputStream('stderr', emit),
    });
  } catch (cause) {
    guard.dropAddedListeners();
    guard.restore();
    throw new MainlineError('testRunFailed', `vitest could not start: ${String(cause)}`, {
      hint: `vitest's root was ${plan.root}`,
      cause,
    });
  }
  guard.dropAddedListeners();
  reporter.onInit(vitest);
  withSetupFile(vitest, setupFile);
  vitest.provide(channelKey, scratch);
  try {
    const { interrupted, errors } = await runUntilDone(vitest, plan, request.signal);
    const results = new Map([...reporter.results, ...watch.failures]);
    return finish(results, explained([...reporter.runErrors, ...errors], watch), interrupted);
  } finally {
    await vitest.close().catch(() => undefined);
    guard.dropAddedListeners();
    guard.restore();
  }
}

/** The recording part of the setup file; what an earlier run of these files recorded is forgotten. */
function recorderFor(request: VitestRunRequest, plan: RunPlan, scratch: string): string {
  const runFolders = [scratch, ...(request.cacheDir === undefined ? [] : [request.cacheDir])];
  clearRecordedReads(
    scratch,
    plan.files.map((file) => join(plan.root, file)),
  );
  return recorderSource(recorderBounds(plan.root, request.recordReads ?? {}, runFolders));
}

/**
 * Runs every planned file. Aborting cancels the run (no new file starts) and closes
 * vitest at once, which kills the workers still busy: a test stuck in a loop cannot hold
 * an abort up.
 */
async function runUntilDone(
  vitest: Vitest,
  plan: RunPlan,
  signal: AbortSignal | undefined,
): Promise<{ interrupted: boolean; errors: TestFileError[] }> {
  let interrupted = false;
  let stopping: Promise<unknown> = Promise.resolve();
  const onAbort = () => {
    interrupted = true;
    // 'keyboard-input' is vitest's reason for a person's Ctrl-C: workers skip what is left.
    stopping = Promise.allSettled([vitest.cancelCurrentRun('keyboard-input'), vitest.close()]);
  };
  if (signal?.aborted) return { interrupted: true, errors: [] };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const specifications = plan.files.map((file) => {
      const path = join(plan.root, file);
      return projectOf(vitest, path).createSpecification(path);
    });
    await vitest.runTestSpecifications(specifications);
    return { interrupted, errors: [] };
  } catch (error) {
    if (interrupted) return { interrupted, errors: [] };
    const parts = error instanceof AggregateError ? (error.errors as unknown[]) : [error];
    const messages = parts.map((part) => (part instanceof Error ? part.message : String(part)));
    return { interrupted, errors: messages.map((message) => ({ message })) };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await stopping;
  }
}

/**
 * The project a file runs in: with `test.projects` in the repository's config, the first
 * whose include holds it (as `vitest run` would), else the root project.
 */
function projectOf(vitest: Vitest, path: string): TestProject {
  const root = vitest.getRootProject();
  if (vitest.projects.length === 1 && vitest.projects[0] === root) return root;
  return vitest.projects.find((project) => project.matchesTestGlob(path)) ?? root;
}

/**
 * Every project runs mainline's setup file first: the repository's projects have configs
 * of their own, which the plugin that adds it to the root config does not reach.
 */
function withSetupFile(vitest: Vitest, setupFile: string): void {
  for (const project of vitest.projects) {
    const files = project.config.setupFiles;
    if (!files.includes(setupFile)) files.unshift(setupFile);
  }
}

/**
 * vitest reports each watched worker that was killed or died as an error of the whole run
 * too (`[vitest-pool]: Worker mainline-threads emitted error.`, as an unhandled error or in
 * the AggregateError the run ends with): the files they ran already say why. Any other
 * error, or more of those than files failed that way, stays an error of the run.
 */
function explained(errors: readonly TestFileError[], watch: FileWatch): TestFileError[] {
  const workerError = /\[vitest-pool\]: Worker mainline-\w+ emitted error\./;
  const workerErrors = errors.filter((error) => workerError.test(error.message));
  const others = errors.filter((error) => !workerError.test(error.message));
  // Each dead worker may be reported twice (unhandled, then in the AggregateError).
  return workerErrors.length > 2 * watch.failures.size ? [...errors] : others;
}

/** A stream for vitest's logger: whatever it (or a worker's raw stdout) writes, as events. */
function outputStream(
  stream: 'stdout' | 'stderr',
  emit: (event: VitestRunEvent) => void,
): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      emit({ type: 'output', stream, text: String(chunk) });
      done();
    },
  });
}

import { join } from 'node:path';
import { Writable } from 'node:stream';
import { MainlineError } from '@mainline/core';
import type { Vitest } from 'vitest/node';
import { loadVitest } from './load-vitest.ts';
import { planRun, type RunPlan } from './plan-run.ts';
import { guardProcess } from './process-guard.ts';
import { targetResults } from './target-results.ts';
import type {
  TestFileError,
  TestFileResult,
  VitestRunEvent,
  VitestRunRequest,
  VitestRunResult,
} from './test-results.ts';
import { ResultReporter } from './vitest-reporter.ts';
import { vitestSetup } from './vitest-options.ts';

/**
 * Runs the vitest files of many targets in one vitest run, through vitest's Node API in
 * this process (its workers are threads or child processes), and maps every file's
 * results back to its targets. Prints nothing: progress and the tests' own output arrive
 * as events. Red tests, files that do not load and an aborted run are results; only a
 * bad request ('internal') or a vitest that cannot load or start ('testRunFailed') throw.
 */
export async function runVitest(request: VitestRunRequest): Promise<VitestRunResult> {
  const started = performance.now();
  const plan = planRun(request);
  const emit = safeEmit(request.onEvent);
  const finish = (
    results: ReadonlyMap<string, TestFileResult>,
    runErrors: readonly TestFileError[],
    interrupted: boolean,
  ) =>
    targetResults({
      files: request.files,
      results,
      missing: plan.missing,
      runErrors,
      interrupted,
      durationMs: performance.now() - started,
    });
  if (plan.files.length === 0 || request.signal?.aborted) {
    return finish(new Map(), [], request.signal?.aborted === true);
  }
  const { createVitest } = await loadVitest();
  const reporter = new ResultReporter({
    root: plan.root,
    files: plan.byModuleId,
    targets: plan.targets,
    emit,
  });
  const { options, viteOverrides } = vitestSetup(request, plan.root, plan.files, reporter);
  const guard = guardProcess();
  let vitest: Vitest;
  try {
    vitest = await createVitest('test', options, viteOverrides, {
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
  try {
    const { interrupted, errors } = await runUntilDone(vitest, plan, request.signal);
    return finish(reporter.results, [...reporter.runErrors, ...errors], interrupted);
  } finally {
    await vitest.close().catch(() => undefined);
    guard.dropAddedListeners();
    guard.restore();
  }
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
    const project = vitest.getRootProject();
    const specifications = plan.files.map((file) =>
      project.createSpecification(join(plan.root, file)),
    );
    await vitest.runTestSpecifications(specifications);
    return { interrupted, errors: [] };
  } catch (error) {
    if (interrupted) return { interrupted, errors: [] };
    return { interrupted, errors: [{ message: `vitest failed: ${String(error)}` }] };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await stopping;
  }
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

/** A listener that throws must not break vitest's reporting (and lose results). */
function safeEmit(
  onEvent: ((event: VitestRunEvent) => void) | undefined,
): (event: VitestRunEvent) => void {
  if (!onEvent) return () => undefined;
  return (event) => {
    try {
      onEvent(event);
    } catch {
      // The caller's problem; the run goes on.
    }
  };
}

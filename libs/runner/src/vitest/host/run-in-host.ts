import { join } from 'node:path';
import { type ErrorCode, errorCodes, MainlineError } from '@mainline/core';
import { planRun } from '../plan-run.ts';
import { readsIn } from '../read-recorder.ts';
import { safeEmit } from '../safe-emit.ts';
import { withScratch } from '../scratch.ts';
import { runEnd } from '../target-results.ts';
import type {
  TestFileError,
  TestFileResult,
  VitestRunEvent,
  VitestRunRequest,
  VitestRunResult,
} from '../test-results.ts';
import { runningTest } from '../worker-channel.ts';
import type { HostRequest } from './host-messages.ts';
import { TestHostPool } from './host-pool.ts';
import { type RoundOutcome, runRound, type TestHost } from './host-round.ts';

/**
 * runVitest in a test host: a child process of its own (`serveTestHost`), so that a test
 * that kills its process, aborts it or exhausts its memory ends the host, never mainline.
 * Same request, same result. When the host dies, the files it had finished keep their
 * results and the others run again in a new host; the file it was running is the one that
 * killed it: it fails with reason `crashed`. When several files were running, each of
 * them runs again alone, one host at a time, so the one that kills its host again is
 * named, and only it.
 */
export async function runVitestInHost(
  request: VitestRunRequest,
  host: TestHost | TestHostPool,
): Promise<VitestRunResult> {
  const started = performance.now();
  const plan = planRun(request);
  return withScratch(request.scratchDir, async (scratch) => {
    const pool = host instanceof TestHostPool ? host : new TestHostPool(host);
    const run = new HostRun(request, pool, plan.root, scratch);
    const { results, runErrors, interrupted } = await run.run(plan.files);
    // The host recorded reads in this scratch folder: a file it died in keeps what it read.
    const reads = request.recordReads ? readsIn(scratch, plan.root) : undefined;
    return runEnd(request.files, plan.missing, started, reads)(results, runErrors, interrupted);
  });
}

class HostRun {
  readonly results = new Map<string, TestFileResult>();
  readonly runErrors: TestFileError[] = [];
  interrupted = false;
  readonly #emit: (event: VitestRunEvent) => void;

  constructor(
    readonly request: VitestRunRequest,
    readonly hosts: TestHostPool,
    readonly root: string,
    readonly scratch: string,
  ) {
    this.#emit = safeEmit(request.onEvent);
  }

  async run(files: readonly string[]): Promise<this> {
    /** Files that were running together when a host died: each runs again alone. */
    let suspects: readonly string[] = [];
    for (;;) {
      const left = files.filter((file) => !this.results.has(file));
      if (left.length === 0) return this;
      if (this.request.signal?.aborted) {
        this.interrupted = true;
        return this;
      }
      const alone = suspects.length > 0;
      const round = await runRound(
        this.hosts.host,
        this.#requestFor(alone ? suspects : left, alone),
        {
          ...(this.request.signal ? { signal: this.request.signal } : {}),
          emit: this.#emit,
          child: this.hosts.take(),
        },
      );
      for (const [file, result] of round.finished) this.results.set(file, result);
      const { end } = round;
      if (end.kind === 'error') {
        const code = end.code in errorCodes ? (end.code as ErrorCode) : 'testRunFailed';
        throw new MainlineError(
          code,
          end.message,
          end.hint === undefined ? {} : { hint: end.hint },
        );
      }
      if (end.kind === 'result') {
        for (const target of end.result.targets) {
          for (const file of target.files) {
            if (file.status !== 'interrupted') this.results.set(file.file, file);
          }
        }
        this.runErrors.push(...end.result.errors);
        this.interrupted = end.result.status === 'interrupted';
        if (this.interrupted) return this;
        suspects = [];
        continue;
      }
      // Killed after an abort it did not answer in time: not a crash of a test.
      if (this.request.signal?.aborted) continue;
      const running = [...round.started].filter((file) => !this.results.has(file));
      if (running.length === 1 || (alone && running.length > 0)) {
        this.#blame(running[0] as string, round, end.how);
        suspects = suspects.filter((file) => !this.results.has(file));
      } else if (running.length > 1) {
        suspects = running;
      } else if (round.finished.size === 0) {
        throw new MainlineError(
          'testRunFailed',
          `the test process ${end.how} before running any test`,
          { hint: end.output.trim() || 'run with --debug for more' },
        );
      }
    }
  }

  #requestFor(files: readonly string[], alone: boolean): HostRequest {
    const wanted = new Set(files);
    const { signal: _signal, onEvent: _onEvent, ...rest } = this.request;
    return {
      ...rest,
      files: this.request.files.filter((entry) => wanted.has(entry.file)),
      scratchDir: this.scratch,
      ...(alone ? { maxWorkers: 1 } : {}),
    };
  }

  /** The file that was running when its host died killed it: it fails, `crashed`. */
  #blame(file: string, round: RoundOutcome, how: string): void {
    const test = runningTest(this.scratch, join(this.root, file));
    const error: TestFileError = {
      message: `crashed: the process running it ${how}, ${test ? `in test '${test}'` : 'while loading the file or in a hook'}`,
      reason: 'crashed',
      ...(test ? { test } : {}),
    };
    const result: TestFileResult = {
      file,
      status: 'failed',
      durationMs: 0,
      tests: round.tests.get(file) ?? [],
      errors: [error],
    };
    this.results.set(file, result);
    const targets = this.request.files.filter((f) => f.file === file).map((f) => f.target);
    this.#emit({ type: 'file-finished', targets, result });
  }
}

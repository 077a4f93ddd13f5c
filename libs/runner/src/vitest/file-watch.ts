import type { TestCaseResult } from '@mainline/core';
import type { RunPlan } from './plan-run.ts';
import type { TestFileError, TestFileResult, VitestRunEvent } from './test-results.ts';
import type { PoolWatch, WorkerFailure } from './watched-pool.ts';
import { runningTest } from './worker-channel.ts';

/**
 * The run's side of its watched workers: each file's limit, a `file-started` event when a
 * worker is handed a file, and, when a file's worker is killed or dies, the file's result:
 * failed, with the reason, the test that was running, and the tests it finished before.
 */
export class FileWatch implements PoolWatch {
  readonly #plan: RunPlan;
  readonly #channel: string;
  readonly #emit: (event: VitestRunEvent) => void;
  readonly #finishedTests: (file: string) => readonly TestCaseResult[];
  readonly #startedAt = new Map<string, number>();
  readonly #failed = new Map<string, TestFileResult>();

  constructor(options: {
    readonly plan: RunPlan;
    /** The scratch folder the workers write the running test's name to. */
    readonly channel: string;
    readonly emit: (event: VitestRunEvent) => void;
    /** The tests of a file reported finished so far. */
    readonly finishedTests: (file: string) => readonly TestCaseResult[];
  }) {
    this.#plan = options.plan;
    this.#channel = options.channel;
    this.#emit = options.emit;
    this.#finishedTests = options.finishedTests;
  }

  /** Files whose worker was killed or died, with their results. */
  get failures(): ReadonlyMap<string, TestFileResult> {
    return this.#failed;
  }

  limitMs(moduleId: string): number {
    return this.#plan.limits.get(this.#file(moduleId))?.fileMs ?? this.#plan.defaults.fileMs;
  }

  started(moduleIds: readonly string[]): void {
    for (const moduleId of moduleIds) {
      const file = this.#file(moduleId);
      this.#startedAt.set(file, performance.now());
      this.#emit({ type: 'file-started', file, targets: this.#targets(file) });
    }
  }

  failed(moduleIds: readonly string[], failure: WorkerFailure): void {
    for (const moduleId of moduleIds) {
      const file = this.#file(moduleId);
      const test = runningTest(this.#channel, moduleId);
      const error: TestFileError = {
        message: `${failure.message}, ${test ? `in test '${test}'` : 'while loading the file or in a hook'}`,
        reason: failure.reason,
        ...(test ? { test } : {}),
      };
      const result: TestFileResult = {
        file,
        status: 'failed',
        durationMs: performance.now() - (this.#startedAt.get(file) ?? performance.now()),
        tests: this.#finishedTests(file),
        errors: [error],
      };
      this.#failed.set(file, result);
      this.#emit({ type: 'file-finished', targets: this.#targets(file), result });
    }
  }

  #file(moduleId: string): string {
    return this.#plan.byModuleId.get(moduleId) ?? moduleId;
  }

  #targets(file: string): readonly string[] {
    return this.#plan.targets.get(file) ?? [];
  }
}

import type { SourceLocation, TestCaseResult } from '@mainline/core';
import type { ReadRecording } from './read-recorder.ts';

/** One test file to run, and the target it belongs to (a file may belong to several). */
export interface TestFileRequest {
  /** Relative to `root`, with `/` separators. */
  readonly file: string;
  readonly target: string;
  /** This target's limits, over the request's; a file of several targets gets the lowest. */
  readonly limits?: TestLimits;
}

/** Time limits of tests, in milliseconds. */
export interface TestLimits {
  /** Per test (vitest's `testTimeout`): a test still running then fails, its file goes on. */
  readonly testMs?: number;
  /**
   * Per file, wall clock from when a worker is handed the file: a file still running then
   * has its worker killed, even in a synchronous loop, and fails with reason `timeout`.
   */
  readonly fileMs?: number;
}

/**
 * How test files are kept apart; every mode runs all files in one vitest run, and each
 * worker is watched: its file's time limit is enforced and its death is the file's result.
 * - `thread`: a fresh worker thread per file (vitest's `threads` pool): the default, what
 *   `vitest run` isolates, and faster than processes here;
 * - `process`: a fresh child process per file (vitest's default `forks` pool): for tests
 *   that need `process.chdir`, signals or native addons that break in threads;
 * - `none`: files share reused workers and their module cache (`isolate: false`): the
 *   fastest, for suites known not to leak state between files.
 */
export type TestIsolation = 'thread' | 'process' | 'none';

export interface VitestRunRequest {
  /** The repository or snapshot folder the files live in; vitest's root. */
  readonly root: string;
  readonly files: readonly TestFileRequest[];
  /** Reruns of a failed test (vitest `retry`); one that then passes is `flaky`. */
  readonly retries: number;
  /** Workers at once (default: vitest's, the cores minus one). */
  readonly maxWorkers?: number;
  readonly isolation?: TestIsolation;
  /**
   * The heap limit of each worker, in MiB (default: Node's own). A worker over it dies
   * alone and its file fails with reason `crashed`.
   */
  readonly workerMemoryMb?: number;
  /** Default limits (see defaultTestLimits) of files whose request gives none. */
  readonly limits?: TestLimits;
  /**
   * A folder of this run's own (created if missing, emptied of what the run wrote): the
   * workers' setup file and the files through which they say which test is running.
   * Default: a new temporary folder, deleted afterwards.
   */
  readonly scratchDir?: string;
  /**
   * Bare import specifiers resolved to files (absolute, or relative to `root`), matched
   * exactly: how a test reaches a workspace lib's sources without an install.
   */
  readonly alias?: Readonly<Record<string, string>>;
  /**
   * Where vitest may keep its results cache (test durations, used to start slow files
   * first). Without it nothing is written under `root`.
   */
  readonly cacheDir?: string;
  /**
   * The repository's vitest config file (relative to `root`, or absolute), whose aliases,
   * setup files, globals, environment and plugins apply; default: vitest.config.* or
   * vite.config.* at `root`, if any; `false`: none.
   */
  readonly config?: string | false;
  /**
   * Record the repository files each test file reads through `node:fs` (see
   * read-recorder.ts): they come back as `reads` on its file and target results. Off by
   * default: a run that does not ask pays nothing.
   */
  readonly recordReads?: ReadRecording;
  /** Aborting cancels the run and kills its workers; the result is `interrupted`. */
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: VitestRunEvent) => void;
}

/**
 * A failure not tied to one test: a file that did not load, a hook that threw, or its
 * worker was killed past the file's time limit (`timeout`) or died (`crashed`: out of
 * memory, killed by a signal, exited). `test` names the test running then, when known.
 */
export interface TestFileError {
  readonly message: string;
  readonly location?: SourceLocation;
  readonly reason?: 'timeout' | 'crashed';
  readonly test?: string;
}

/** `interrupted`: the run was aborted before the file finished. */
export type TestFileStatus = 'passed' | 'failed' | 'skipped' | 'interrupted';

export interface TestFileResult {
  /** Relative to `root`. */
  readonly file: string;
  readonly status: TestFileStatus;
  readonly durationMs: number;
  /** In the order vitest reported them. */
  readonly tests: readonly TestCaseResult[];
  readonly errors: readonly TestFileError[];
  /**
   * With `recordReads`: the repository files it read through `node:fs` (relative to
   * `root`, sorted), outside node_modules, the ignored folders and the run's own.
   */
  readonly reads?: readonly string[];
}

/** `flaky`: green, with at least one test that failed and then passed on a retry. */
export type TargetRunStatus = 'passed' | 'failed' | 'flaky' | 'interrupted';

export interface VitestTargetResult {
  readonly target: string;
  readonly status: TargetRunStatus;
  /** The sum of its files' durations. */
  readonly durationMs: number;
  /** In request order. */
  readonly files: readonly TestFileResult[];
  /** With `recordReads`: what its files read, together, sorted. */
  readonly reads?: readonly string[];
}

export interface VitestRunResult {
  /** `failed` when a target failed or the run itself reported an error. */
  readonly status: 'passed' | 'failed' | 'interrupted';
  /** Wall time of the whole run, vitest's start-up included. */
  readonly durationMs: number;
  /** In order of first appearance in the request. */
  readonly targets: readonly VitestTargetResult[];
  /** Errors of the run that no file claims (vitest's "unhandled errors"). */
  readonly errors: readonly TestFileError[];
}

/** Progress of a run, as it happens. */
export type VitestRunEvent =
  | { readonly type: 'file-started'; readonly file: string; readonly targets: readonly string[] }
  | {
      readonly type: 'test-finished';
      readonly targets: readonly string[];
      readonly test: TestCaseResult;
    }
  | {
      readonly type: 'file-finished';
      readonly targets: readonly string[];
      readonly result: TestFileResult;
    }
  /**
   * What tests printed (console or raw stdout/stderr writes), never on our own stdout;
   * `file` and `test` when vitest knows whose output it is.
   */
  | {
      readonly type: 'output';
      readonly stream: 'stdout' | 'stderr';
      readonly text: string;
      readonly file?: string;
      readonly test?: string;
    };

import type { Diagnostic } from './errors.ts';

/** What a build or test run was asked to do. */
export type RunCommand = 'build' | 'test';

/**
 * A target's build: `cached` when its outputs came from the cache, `skipped` when a dep
 * failed, `not-run` when the run stopped first (fail-fast or interrupted).
 */
export type BuildStatus = 'passed' | 'failed' | 'cached' | 'skipped' | 'not-run';

/**
 * A target's tests; `flaky` is green, with at least one test that failed then passed;
 * `no-tests`: it has no test file (and no test runner of its own): nothing ran, so
 * nothing passed.
 */
export type TestStatus =
  | 'passed'
  | 'failed'
  | 'flaky'
  | 'cached'
  | 'skipped'
  | 'not-run'
  | 'no-tests';

export interface SourceLocation {
  /** Repo-relative. */
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

export interface TargetBuildResult {
  readonly target: string;
  readonly status: BuildStatus;
  readonly durationMs: number;
  /** Compile errors, type errors and strict-deps violations, with their locations. */
  readonly diagnostics: readonly Diagnostic[];
  /** For `skipped`: the dep whose failure stopped this build. */
  readonly failedDep?: string;
}

export interface TestCaseResult {
  /** Repo-relative test file. */
  readonly file: string;
  /** Suite names and the test name, joined by ` > `. */
  readonly name: string;
  readonly status: 'passed' | 'failed' | 'flaky' | 'skipped';
  readonly durationMs: number;
  /** Runs it took: more than one when it was retried. */
  readonly attempts: number;
  /** For failed and flaky tests: the (last) assertion message and where it failed. */
  readonly message?: string;
  readonly location?: SourceLocation;
}

export interface TestFileFailure {
  readonly file: string;
  readonly message: string;
  readonly reason?: 'timeout' | 'crashed';
  readonly test?: string;
}

export interface TargetTestResult {
  readonly target: string;
  readonly status: TestStatus;
  readonly durationMs: number;
  readonly tests: readonly TestCaseResult[];
  /**
   * A test file that failed as a whole, with why: it did not load, a hook threw, or it ran
   * past its time limit (`reason: 'timeout'`) or its worker died (`reason: 'crashed'`),
   * then `test` names the test that was running, when known.
   */
  readonly fileErrors: readonly TestFileFailure[];
  /** What is not red but should be looked at: a test file that declares no test. */
  readonly warnings?: readonly { readonly file: string; readonly message: string }[];
  readonly failedDep?: string;
  /**
   * Only when the run recorded reads (the nightly's audit): the repository files its test
   * files read through `node:fs` as they ran, repo-relative and sorted, outside
   * node_modules and the state folder. A cached result has none.
   */
  readonly reads?: readonly string[];
}

/** What happened in a run (see RunEvent). */
export type RunEventBody =
  | {
      readonly type: 'run-started';
      readonly command: RunCommand;
      /** The targets asked for (to test, or to build). */
      readonly targets: readonly string[];
      /** Everything that gets built: the asked targets and their deps. */
      readonly builds: readonly string[];
      readonly concurrency: number;
    }
  | { readonly type: 'build-started'; readonly target: string }
  | { readonly type: 'build-finished'; readonly result: TargetBuildResult }
  | {
      readonly type: 'tests-started';
      readonly targets: readonly string[];
      /** Files of the one vitest run. */
      readonly files: number;
      /** Those of `targets` whose own test command (BUILD.json testRunner) runs instead. */
      readonly commands?: readonly string[];
    }
  | { readonly type: 'test-finished'; readonly result: TargetTestResult }
  | { readonly type: 'run-finished'; readonly summary: RunSummary };

/** Which run an event belongs to and when it happened: every event carries it. */
export interface RunEventStamp {
  readonly runId: number;
  /** Milliseconds since the epoch. */
  readonly time: number;
  /** The commit the run tests; absent for the working tree. */
  readonly commit?: string;
}

/** The run as a stream: the engine emits these, reporters render them. */
export type RunEvent = RunEventBody & RunEventStamp;

/**
 * Whether a recorded outcome counts as green: passed, or flaky unless flakes are strict.
 * The one rule every reuse of an earlier result follows.
 */
export function isGreen(status: string | undefined, strictFlakes: boolean): boolean {
  return status === 'passed' || (status === 'flaky' && !strictFlakes);
}

export type RunStatus = 'passed' | 'failed' | 'interrupted';

export interface RunSummary {
  readonly command: RunCommand;
  readonly status: RunStatus;
  readonly durationMs: number;
  readonly builds: readonly TargetBuildResult[];
  readonly tests: readonly TargetTestResult[];
}

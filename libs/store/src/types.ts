import type { TestCaseResult } from '@mainline/core';

/** What started a run: the command, or the loop that runs it. */
/**
 * What a run was for: `build` and `test` (the commands), `prepush`, `watch`, `nightly`,
 * `trunk` (the trunk loop testing new commits), `culprit` (a culprit search step) and
 * `revert` (a revert checked before it is pushed), `merge` (the results of a CI matrix's
 * shards, merged by `mainline results merge`).
 */
export const runKinds = [
  'build',
  'test',
  'nightly',
  'prepush',
  'watch',
  'trunk',
  'culprit',
  'revert',
  'merge',
] as const;
export type RunKind = (typeof runKinds)[number];

/**
 * A stored run's status: core's `RunStatus` (how a run ended: `interrupted` by Ctrl-C or a
 * killed process), plus `running` until then and `error` when it could not do its job.
 */
export const storedRunStatuses = ['running', 'passed', 'failed', 'interrupted', 'error'] as const;
export type StoredRunStatus = (typeof storedRunStatuses)[number];
export type FinishedRunStatus = Exclude<StoredRunStatus, 'running'>;
export const finishedRunStatuses: readonly FinishedRunStatus[] = storedRunStatuses.filter(
  (status): status is FinishedRunStatus => status !== 'running',
);

export const phases = ['build', 'test'] as const;
export type Phase = (typeof phases)[number];

/**
 * Every value of core's `BuildStatus` and `TestStatus`. `cached`: not run, the result
 * recorded earlier for the same cache key was reused (`cachedFromRunId` says where from).
 * `flaky`: green, with a test that failed then passed. `skipped`: a dep failed. `not-run`:
 * the run stopped first. `no-tests`: the target has no test file, so nothing was tested.
 */
export const targetStatuses = [
  'passed',
  'failed',
  'flaky',
  'cached',
  'skipped',
  'not-run',
  'no-tests',
] as const;
export type TargetStatus = (typeof targetStatuses)[number];

/** core's `TestCaseResult['status']`. */
export const testCaseStatuses = ['passed', 'failed', 'flaky', 'skipped'] as const;
export type TestCaseStatus = (typeof testCaseStatuses)[number];

/** Times are milliseconds since the epoch, as `Date.now()` gives them. */
export interface Run {
  readonly id: number;
  readonly kind: RunKind;
  readonly status: StoredRunStatus;
  readonly startedAt: number;
  /** Undefined while `running`. For a recovered run: its last recorded activity. */
  readonly finishedAt: number | undefined;
  readonly baseSha: string | undefined;
  /** The commit tested; undefined for the working tree. */
  readonly headSha: string | undefined;
  /** The tree of the snapshot tested (a commit's, or the working tree's). */
  readonly treeSha: string | undefined;
  /** The command line, e.g. `['test', '--affected']`. */
  readonly argv: readonly string[];
  readonly pid: number;
  readonly host: string;
  /** Why it ended as it did, when the caller (or recovery) said so. */
  readonly message: string | undefined;
}

export interface NewRun {
  readonly kind: RunKind;
  readonly argv: readonly string[];
  readonly baseSha?: string;
  /** The commit tested, when the snapshot is one. */
  readonly headSha?: string;
  readonly treeSha?: string;
}

export interface RunEnd {
  readonly status: FinishedRunStatus;
  readonly message?: string;
}

export interface RunQuery {
  readonly kind?: RunKind;
  readonly status?: StoredRunStatus;
  /** Only runs with a smaller id (paging back through history). */
  readonly beforeId?: number;
  /** Default 50. */
  readonly limit?: number;
}

export interface TargetResult {
  readonly id: number;
  readonly runId: number;
  readonly target: string;
  readonly phase: Phase;
  readonly status: TargetStatus;
  /** The fingerprint the result holds for; undefined when the caller had none. */
  readonly cacheKey: string | undefined;
  /** For `cached` results: the run whose result was reused. */
  readonly cachedFromRunId: number | undefined;
  readonly durationMs: number;
  readonly message: string | undefined;
  readonly recordedAt: number;
}

export interface NewTargetResult {
  readonly target: string;
  readonly phase: Phase;
  readonly status: TargetStatus;
  readonly cacheKey?: string;
  readonly cachedFromRunId?: number;
  readonly durationMs: number;
  readonly message?: string;
}

/** A test across runs: its target, its file (repo-relative) and its full name. */
export interface TestId {
  readonly target: string;
  readonly file: string;
  /** The full name, suites included, e.g. `parser > reads an empty file`. */
  readonly name: string;
}

/** A recorded test case: core's `TestCaseResult`, with its run and target. */
export interface TestResult extends TestCaseResult {
  readonly id: number;
  readonly runId: number;
  readonly target: string;
}

/** Outcomes of one test over its most recent results, newest first. */
export interface TestFlakiness {
  readonly test: TestId;
  /** Results counted (at most the `lastResults` asked for). */
  readonly results: number;
  readonly passed: number;
  readonly failed: number;
  /** Failed, then passed on a retry in the same run. */
  readonly flaky: number;
  readonly skipped: number;
  /** Outcomes newest first, e.g. `['passed', 'flaky', 'failed']`. */
  readonly recent: readonly TestCaseStatus[];
}

export interface FlakyTest extends TestId {
  /** How many results in the window were `flaky`. */
  readonly flakyResults: number;
  readonly lastFlakyRunId: number;
}

export interface FlakyTestQuery {
  /** Only runs started at or after this time. Default: all. */
  readonly since?: number;
  /** Default 50. */
  readonly limit?: number;
}

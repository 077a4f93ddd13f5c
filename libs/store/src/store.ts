import type { TestCaseResult } from '@mainline/core';
import type { Connection } from './connection.ts';
import { dataVersion, type RunCounts, runCounts } from './dashboard-reads.ts';
import { flakyTests, testFlakiness } from './flaky.ts';
import type { MigrationOutcome } from './migrate.ts';
import type { ProcessIdentity } from './process-identity.ts';
import {
  latestResultByKey,
  recordTargetResult,
  recordTargetResults,
  recordTestResults,
  targetResults,
  testResults,
} from './results.ts';
import {
  latestResultsByKeys,
  latestTestOutcomes,
  type TargetKey,
  type TestOutcome,
} from './results-by-keys.ts';
import { finishRun, getRun, listRuns, recoverAbandonedRuns, startRun } from './runs.ts';
import { type RecentDurations, recentDurations } from './recent-durations.ts';
import { TrunkRecords } from './trunk-records.ts';
import type {
  FlakyTest,
  FlakyTestQuery,
  NewRun,
  NewTargetResult,
  Phase,
  Run,
  RunEnd,
  RunQuery,
  TargetResult,
  TestFlakiness,
  TestId,
  TestResult,
} from './types.ts';

/**
 * The results store: one open `mainline.db`. Every write is its own short transaction,
 * committed (and so kept through a kill -9) when the method returns. Made by `openStore`.
 */
export class Store {
  constructor(
    private readonly conn: Connection,
    private readonly me: ProcessIdentity,
    /** The schema versions before and after opening (equal when nothing was migrated). */
    readonly migration: MigrationOutcome,
    /** What a failed statement throws instead: damage moves the file aside (see open.ts). */
    private readonly onError: (error: unknown) => unknown = (error) => error,
  ) {}

  /** Set when damage closed the connection: every later call throws it again. */
  private broken: unknown;

  /** Runs one public call; its failure goes through onError. */
  private use<T>(call: () => T): T {
    if (this.broken !== undefined) throw this.broken;
    try {
      return call();
    } catch (error) {
      const thrown = this.onError(error);
      if (!this.conn.db.open) this.broken = thrown;
      throw thrown;
    }
  }

  #trunk: TrunkRecords | undefined;

  /** What the trunk loop keeps: commits, results, breakages, searches, decisions. */
  get trunk(): TrunkRecords {
    this.#trunk ??= new TrunkRecords(this.conn, (call) => this.use(call));
    return this.#trunk;
  }

  /** The database file. */
  get file(): string {
    return this.conn.file;
  }

  /** Records a new `running` run owned by this process. */
  startRun(run: NewRun): Run {
    return this.use(() => startRun(this.conn, run, this.me));
  }

  /** Records how a run ended (Ctrl-C: `interrupted`). */
  finishRun(runId: number, end: RunEnd): Run {
    return this.use(() => finishRun(this.conn, runId, end));
  }

  /** Marks `interrupted` the runs left `running` by processes of this host that are gone. */
  recoverAbandonedRuns(): Run[] {
    return this.use(() => recoverAbandonedRuns(this.conn, this.me));
  }

  getRun(runId: number): Run | undefined {
    return this.use(() => getRun(this.conn, runId));
  }

  /** Runs, newest first. */
  listRuns(query?: RunQuery): Run[] {
    return this.use(() => listRuns(this.conn, query));
  }

  recordTargetResult(runId: number, result: NewTargetResult): TargetResult {
    return this.use(() => recordTargetResult(this.conn, runId, result));
  }

  /** Records several targets' outcomes in one transaction, in order. */
  recordTargetResults(runId: number, results: readonly NewTargetResult[]): number {
    return this.use(() => recordTargetResults(this.conn, runId, results));
  }

  /** Records a target's test cases (core's `TargetTestResult.tests`) in one transaction. */
  recordTestResults(runId: number, target: string, tests: readonly TestCaseResult[]): number {
    return this.use(() => recordTestResults(this.conn, runId, target, tests));
  }

  targetResults(runId: number): TargetResult[] {
    return this.use(() => targetResults(this.conn, runId));
  }

  testResults(runId: number, target?: string): TestResult[] {
    return this.use(() => testResults(this.conn, runId, target));
  }

  /** The latest passed, failed or flaky result for this cache key: reuse it instead of rerunning. */
  latestResultByKey(target: string, phase: Phase, cacheKey: string): TargetResult | undefined {
    return this.use(() => latestResultByKey(this.conn, target, phase, cacheKey));
  }

  /** latestResultByKey for many keys at once, in their order. */
  latestResultsByKeys(phase: Phase, wanted: readonly TargetKey[]): (TargetResult | undefined)[] {
    return this.use(() => latestResultsByKeys(this.conn, phase, wanted));
  }

  /** latestResultsByKeys of the test phase, each with the test cases it ran. */
  latestTestOutcomes(wanted: readonly TargetKey[]): (TestOutcome | undefined)[] {
    return this.use(() => latestTestOutcomes(this.conn, wanted));
  }

  testFlakiness(test: TestId, lastResults?: number): TestFlakiness {
    return this.use(() => testFlakiness(this.conn, test, lastResults));
  }

  flakyTests(query?: FlakyTestQuery): FlakyTest[] {
    return this.use(() => flakyTests(this.conn, query));
  }

  /** Changes when another connection commits to the file: poll it to see others' writes. */
  dataVersion(): number {
    return this.use(() => dataVersion(this.conn));
  }

  /** Each run's target results counted by phase and status, in one query. */
  runCounts(runIds: readonly number[]): Map<number, RunCounts> {
    return this.use(() => runCounts(this.conn, runIds));
  }

  /** Each target's most recent passing build and test durations (see recent-durations.ts). */
  recentDurations(perTarget = 5): RecentDurations {
    return this.use(() => recentDurations(this.conn, perTarget));
  }

  /** Closes the database (checkpointing the WAL when this was the last connection). */
  close(): void {
    this.conn.close();
  }
}

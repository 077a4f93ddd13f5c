export type { RunCounts } from './dashboard-reads.ts';
export type { RecentDurations } from './recent-durations.ts';
export type { StoreRepair } from './damaged-file.ts';
export type { MigrationOutcome } from './migrate.ts';
export { type OpenStoreOptions, openStore, storeFileName } from './open.ts';
export type { TargetKey, TestOutcome } from './results-by-keys.ts';
export type { Store } from './store.ts';
export {
  type FinishedRunStatus,
  type FlakyTest,
  type FlakyTestQuery,
  finishedRunStatuses,
  type NewRun,
  type NewTargetResult,
  type Phase,
  phases,
  type Run,
  type RunEnd,
  type RunKind,
  type RunQuery,
  runKinds,
  type StoredRunStatus,
  storedRunStatuses,
  type TargetResult,
  type TargetStatus,
  type TestCaseStatus,
  type TestFlakiness,
  type TestId,
  type TestResult,
  targetStatuses,
  testCaseStatuses,
} from './types.ts';
export type {
  Breakage,
  BreakageState,
  Decision,
  FlakeRate,
  MarkedTest,
  NewDecision,
  SearchRunRecord,
  TestMark,
  TrunkCommit,
  TrunkResult,
} from './trunk-rows.ts';
export { testMarks } from './trunk-rows.ts';
export type { TrunkRecords } from './trunk-records.ts';

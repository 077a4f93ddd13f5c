import { MainlineError, type TestCaseResult } from '@mainline/core';
import {
  type Phase,
  phases,
  type Run,
  type RunKind,
  type StoredRunStatus,
  runKinds,
  storedRunStatuses,
  type TargetResult,
  type TargetStatus,
  type TestResult,
  type TestCaseStatus,
  targetStatuses,
  testCaseStatuses,
} from './types.ts';

/** Rows as SQLite returns them (column names as in migrations.ts). */
export interface RunRow {
  id: number;
  kind: string;
  status: string;
  started_at: number;
  finished_at: number | null;
  base_sha: string | null;
  head_sha: string | null;
  tree_sha: string | null;
  argv: string;
  pid: number;
  host: string;
  process_key: string;
  message: string | null;
}

export interface TargetResultRow {
  id: number;
  run_id: number;
  target: string;
  phase: string;
  status: string;
  cache_key: string | null;
  cached_from_run_id: number | null;
  duration_ms: number;
  message: string | null;
  recorded_at: number;
}

export interface TestResultRow {
  id: number;
  run_id: number;
  target: string;
  file: string;
  name: string;
  status: string;
  duration_ms: number;
  attempts: number;
  message: string | null;
  location_file: string | null;
  location_line: number | null;
  location_column: number | null;
}

export function toRun(row: RunRow): Run {
  return {
    id: row.id,
    kind: oneOf<RunKind>(runKinds, row.kind, 'runs.kind'),
    status: oneOf<StoredRunStatus>(storedRunStatuses, row.status, 'runs.status'),
    startedAt: row.started_at,
    finishedAt: row.finished_at ?? undefined,
    baseSha: row.base_sha ?? undefined,
    headSha: row.head_sha ?? undefined,
    treeSha: row.tree_sha ?? undefined,
    argv: parseArgv(row.argv),
    pid: row.pid,
    host: row.host,
    message: row.message ?? undefined,
  };
}

export function toTargetResult(row: TargetResultRow): TargetResult {
  return {
    id: row.id,
    runId: row.run_id,
    target: row.target,
    phase: oneOf<Phase>(phases, row.phase, 'target_results.phase'),
    status: oneOf<TargetStatus>(targetStatuses, row.status, 'target_results.status'),
    cacheKey: row.cache_key ?? undefined,
    cachedFromRunId: row.cached_from_run_id ?? undefined,
    durationMs: row.duration_ms,
    message: row.message ?? undefined,
    recordedAt: row.recorded_at,
  };
}

export function toTestResult(row: TestResultRow): TestResult {
  return {
    id: row.id,
    runId: row.run_id,
    target: row.target,
    file: row.file,
    name: row.name,
    status: oneOf<TestCaseStatus>(testCaseStatuses, row.status, 'test_results.status'),
    durationMs: row.duration_ms,
    attempts: row.attempts,
    ...(row.message === null ? {} : { message: row.message }),
    ...(row.location_file === null || row.location_line === null
      ? {}
      : {
          location: {
            file: row.location_file,
            line: row.location_line,
            ...(row.location_column === null ? {} : { column: row.location_column }),
          },
        }),
  };
}

/** target_results.tests: the JSON text recordTestResults wrote, checked as it is read. */
export function toTestCases(text: string | null): TestCaseResult[] | undefined {
  if (text === null) return undefined;
  const cases: unknown = JSON.parse(text);
  if (!Array.isArray(cases)) throw new Error('target_results.tests is not a JSON array');
  for (const test of cases as TestCaseResult[]) {
    oneOf<TestCaseStatus>(testCaseStatuses, test.status, 'target_results.tests');
  }
  return cases as TestCaseResult[];
}

/** A value read from a column; anything else means the file was altered. */
export function oneOf<T extends string>(values: readonly T[], value: string, column: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new Error(`unexpected value '${value}' in ${column}`);
}

/** A caller's argument: typed already, checked again for untyped callers. */
export function checkArg<T extends string>(values: readonly T[], value: T, name: string): T {
  if ((values as readonly string[]).includes(value)) return value;
  throw new MainlineError('internal', `invalid ${name} '${value}': expected ${values.join(', ')}`);
}

function parseArgv(text: string): readonly string[] {
  const parsed: unknown = JSON.parse(text);
  if (Array.isArray(parsed) && parsed.every((arg) => typeof arg === 'string')) return parsed;
  throw new Error('runs.argv is not a JSON array of strings');
}

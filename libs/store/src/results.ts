import type { TestCaseResult } from '@mainline/core';
import type { Connection } from './connection.ts';
import { unknownRun } from './errors.ts';
import {
  checkArg,
  type TargetResultRow,
  type TestResultRow,
  toTargetResult,
  toTestResult,
} from './rows.ts';
import {
  type NewTargetResult,
  type Phase,
  phases,
  type TargetResult,
  type TestResult,
  targetStatuses,
  testCaseStatuses,
} from './types.ts';

const targetColumns =
  'id, run_id, target, phase, status, cache_key, cached_from_run_id, duration_ms, message, recorded_at';

const insertColumns =
  '(run_id, target, phase, status, cache_key, cached_from_run_id, duration_ms, message, recorded_at)';

/** Appends one target's outcome to a run, in its own transaction. */
export function recordTargetResult(
  conn: Connection,
  runId: number,
  result: NewTargetResult,
): TargetResult {
  checkResult(result);
  return conn.write(() => {
    requireRuns(conn, runId, [result]);
    const row: Omit<TargetResultRow, 'id'> = {
      run_id: runId,
      target: result.target,
      phase: result.phase,
      status: result.status,
      cache_key: result.cacheKey ?? null,
      cached_from_run_id: result.cachedFromRunId ?? null,
      duration_ms: wholeMs(result.durationMs),
      message: result.message ?? null,
      recorded_at: conn.now(),
    };
    const { lastInsertRowid } = conn
      .statement(`INSERT INTO target_results ${insertColumns} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        row.run_id,
        row.target,
        row.phase,
        row.status,
        row.cache_key,
        row.cached_from_run_id,
        row.duration_ms,
        row.message,
        row.recorded_at,
      );
    return toTargetResult({ id: Number(lastInsertRowid), ...row });
  });
}

/**
 * Appends several targets' outcomes to a run, in order, in one transaction and one
 * statement: a fully cached run of 1,000 targets records 2,000 results, and a commit each
 * cost 0.4 s, a statement each 0.06 s. Returns how many.
 */
export function recordTargetResults(
  conn: Connection,
  runId: number,
  results: readonly NewTargetResult[],
): number {
  for (const result of results) checkResult(result);
  return conn.write(() => {
    requireRuns(conn, runId, results);
    const rows = results.map((result) => [
      result.target,
      result.phase,
      result.status,
      result.cacheKey ?? null,
      result.cachedFromRunId ?? null,
      wholeMs(result.durationMs),
      result.message ?? null,
    ]);
    conn
      .statement(
        `INSERT INTO target_results ${insertColumns}
         SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4,
           value ->> 5, value ->> 6, ?
         FROM json_each(?) ORDER BY key`,
      )
      .run(runId, conn.now(), JSON.stringify(rows));
    return results.length;
  });
}

function checkResult(result: NewTargetResult): void {
  checkArg(phases, result.phase, 'phase');
  checkArg(targetStatuses, result.status, 'target status');
}

/** The run, and every run a result says it was cached from, exist: else `storeUnknownRun`. */
function requireRuns(conn: Connection, runId: number, results: readonly NewTargetResult[]): void {
  const runs = new Set([runId]);
  for (const { cachedFromRunId } of results) {
    if (cachedFromRunId !== undefined) runs.add(cachedFromRunId);
  }
  for (const run of runs) requireRun(conn, run);
}

/** Appends a target's test cases to a run, all in one transaction. Returns how many. */
export function recordTestResults(
  conn: Connection,
  runId: number,
  target: string,
  results: readonly TestCaseResult[],
): number {
  for (const result of results) checkArg(testCaseStatuses, result.status, 'test status');
  return conn.write(() => {
    requireRun(conn, runId);
    const addTest = conn.statement(
      'INSERT INTO tests (target, file, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const findTest = conn.statement<{ id: number }>(
      'SELECT id FROM tests WHERE target = ? AND file = ? AND name = ?',
    );
    const insert = conn.statement(
      `INSERT INTO test_results
         (run_id, test_id, status, duration_ms, attempts, message,
          location_file, location_line, location_column)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const cases = results.map(storedCase);
    for (const result of cases) {
      addTest.run(target, result.file, result.name);
      const test = findTest.get(target, result.file, result.name);
      if (test === undefined) throw new Error(`test ${result.name} vanished`);
      const { location } = result;
      insert.run(
        runId,
        test.id,
        result.status,
        result.durationMs,
        result.attempts,
        result.message ?? null,
        location?.file ?? null,
        location?.line ?? null,
        location?.column ?? null,
      );
    }
    // The same cases on the target's test result, for a later run that reuses it whole.
    conn
      .statement(
        `UPDATE target_results SET tests = ? WHERE run_id = ? AND target = ? AND phase = 'test'`,
      )
      .run(JSON.stringify(cases), runId, target);
    return results.length;
  });
}

/** A run's target results in the order they were recorded. */
export function targetResults(conn: Connection, runId: number): TargetResult[] {
  return conn.guard(() =>
    conn
      .statement<TargetResultRow>(
        `SELECT ${targetColumns} FROM target_results WHERE run_id = ? ORDER BY id`,
      )
      .all(runId)
      .map(toTargetResult),
  );
}

/** A run's test results in the order they were recorded, optionally of one target only. */
export function testResults(conn: Connection, runId: number, target?: string): TestResult[] {
  const columns = `r.id, r.run_id, t.target, t.file, t.name, r.status, r.duration_ms,
      r.attempts, r.message, r.location_file, r.location_line, r.location_column`;
  // One target's results are reached through its tests (tests by target, then
  // (test_id, run_id)): scanning the run's rows instead made a cached 1,000-target run
  // quadratic.
  const sql =
    target === undefined
      ? `SELECT ${columns} FROM test_results r JOIN tests t ON t.id = r.test_id
         WHERE r.run_id = ? ORDER BY r.id`
      : // CROSS JOIN fixes SQLite's join order: the target's tests first.
        `SELECT ${columns} FROM tests t CROSS JOIN test_results r ON r.test_id = t.id
         WHERE t.target = ? AND r.run_id = ? ORDER BY r.id`;
  return conn.guard(() => {
    const statement = conn.statement<TestResultRow>(sql);
    const rows = target === undefined ? statement.all(runId) : statement.all(target, runId);
    return rows.map(toTestResult);
  });
}

/**
 * The latest outcome recorded for this target, phase and cache key: `passed`, `failed`
 * or `flaky`, never a `cached` or `skipped` one (those ran nothing). Any run counts, even
 * one that was interrupted later: the result itself was complete when recorded.
 */
export function latestResultByKey(
  conn: Connection,
  target: string,
  phase: Phase,
  cacheKey: string,
): TargetResult | undefined {
  return conn.guard(() => {
    const row = conn
      .statement<TargetResultRow>(
        `SELECT ${targetColumns} FROM target_results
         WHERE target = ? AND phase = ? AND cache_key = ? AND status IN ('passed', 'failed', 'flaky')
         ORDER BY id DESC LIMIT 1`,
      )
      .get(target, phase, cacheKey);
    return row === undefined ? undefined : toTargetResult(row);
  });
}

function requireRun(conn: Connection, runId: number): void {
  const found = conn.statement('SELECT 1 FROM runs WHERE id = ?').get(runId);
  if (found === undefined) throw unknownRun(runId, conn.file);
}

/** A test case as the store keeps it: whole numbers, and only the fields it has. */
function storedCase(result: TestCaseResult): TestCaseResult {
  const { location } = result;
  const line = wholeNumber(location?.line);
  const column = wholeNumber(location?.column);
  return {
    file: result.file,
    name: result.name,
    status: result.status,
    durationMs: wholeMs(result.durationMs),
    attempts: Number.isFinite(result.attempts) ? Math.max(1, Math.trunc(result.attempts)) : 1,
    ...(result.message === undefined ? {} : { message: result.message }),
    ...(location === undefined || line === undefined
      ? {}
      : { location: { file: location.file, line, ...(column === undefined ? {} : { column }) } }),
  };
}

function wholeNumber(value: number | undefined): number | undefined {
  return value === undefined || !Number.isFinite(value) ? undefined : Math.trunc(value);
}

/** Durations are stored as whole, non-negative milliseconds. */
function wholeMs(ms: number): number {
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : 0;
}

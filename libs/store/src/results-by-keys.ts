import type { Connection } from './connection.ts';
import { type TargetResultRow, type TestResultRow, toTargetResult, toTestResult } from './rows.ts';
import type { Phase, TargetResult, TestResult } from './types.ts';

/** A target and one of its cache keys. */
export interface TargetKey {
  readonly target: string;
  readonly cacheKey: string;
}

/** A target's results in one run. */
export interface TargetRun {
  readonly runId: number;
  readonly target: string;
}

// The list goes in as one JSON parameter: one statement for a fully cached run's 1,000
// targets instead of 1,000 (each a round trip through the driver).
const targetColumns = `t.id, t.run_id, t.target, t.phase, t.status, t.cache_key,
  t.cached_from_run_id, t.duration_ms, t.message, t.recorded_at`;

/** latestResultByKey for each of `wanted`, in their order, in one query. */
export function latestResultsByKeys(
  conn: Connection,
  phase: Phase,
  wanted: readonly TargetKey[],
): (TargetResult | undefined)[] {
  if (wanted.length === 0) return [];
  const found: (TargetResult | undefined)[] = new Array(wanted.length).fill(undefined);
  conn.guard(() => {
    const rows = conn
      .statement<TargetResultRow & { wanted: number }>(
        `SELECT w.key AS wanted, ${targetColumns} FROM json_each(?) w
         JOIN target_results t ON t.id = (
           SELECT id FROM target_results
           WHERE target = json_extract(w.value, '$[0]') AND phase = ?
             AND cache_key = json_extract(w.value, '$[1]')
             AND status IN ('passed', 'failed', 'flaky')
           ORDER BY id DESC LIMIT 1)`,
      )
      .all(JSON.stringify(wanted.map(({ target, cacheKey }) => [target, cacheKey])), phase);
    for (const row of rows) found[row.wanted] = toTargetResult(row);
  });
  return found;
}

/** testResults(runId, target) for each of `wanted`, in their order, in one query. */
export function testResultsOf(conn: Connection, wanted: readonly TargetRun[]): TestResult[][] {
  if (wanted.length === 0) return [];
  return conn.guard(() => {
    // Each target's results come as one JSON array (SQLite builds it, JSON.parse reads
    // it): a fully cached run reads 10,000 test results, and as rows they cost 3 times more.
    // As testResults: the target's tests first, then their results in the run.
    const lists = conn
      .statement<{ tests: string }>(
        `SELECT (
           SELECT json_group_array(json_array(r.id, t.file, t.name, r.status, r.duration_ms,
             r.attempts, r.message, r.location_file, r.location_line, r.location_column))
           FROM tests t CROSS JOIN test_results r
             ON r.test_id = t.id AND r.run_id = json_extract(w.value, '$[0]')
           WHERE t.target = json_extract(w.value, '$[1]')
         ) AS tests
         FROM json_each(?) w ORDER BY w.key`,
      )
      .all(JSON.stringify(wanted.map(({ runId, target }) => [runId, target])));
    return wanted.map(({ runId, target }, index) => {
      const cells = JSON.parse(lists[index]?.tests ?? '[]') as TestResultCells[];
      // In the order they were recorded, as testResults gives them.
      cells.sort((a, b) => a[0] - b[0]);
      return cells.map((cell) => toTestResult(rowOf(runId, target, cell)));
    });
  });
}

type TestResultCells = [
  id: number,
  file: string,
  name: string,
  status: string,
  durationMs: number,
  attempts: number,
  message: string | null,
  locationFile: string | null,
  locationLine: number | null,
  locationColumn: number | null,
];

function rowOf(runId: number, target: string, cells: TestResultCells): TestResultRow {
  const [id, file, name, status, durationMs, attempts, message, locationFile, line, column] = cells;
  return {
    id,
    run_id: runId,
    target,
    file,
    name,
    status,
    duration_ms: durationMs,
    attempts,
    message,
    location_file: locationFile,
    location_line: line,
    location_column: column,
  };
}

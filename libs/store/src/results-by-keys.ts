import type { TestCaseResult } from '@mainline/core';
import type { Connection } from './connection.ts';
import { type TargetResultRow, toTargetResult, toTestCases } from './rows.ts';
import type { Phase, TargetResult } from './types.ts';

/** A target and one of its cache keys. */
export interface TargetKey {
  readonly target: string;
  readonly cacheKey: string;
}

/** A test result with the test cases it ran. */
export interface TestOutcome {
  readonly result: TargetResult;
  /** Undefined when they were not recorded: the run was killed in between. */
  readonly tests: readonly TestCaseResult[] | undefined;
}

/** latestResultByKey for each of `wanted`, in their order, in one query. */
export function latestResultsByKeys(
  conn: Connection,
  phase: Phase,
  wanted: readonly TargetKey[],
): (TargetResult | undefined)[] {
  return latestRows(conn, phase, wanted, toTargetResult);
}

/** latestResultsByKeys of the test phase, each with its test cases. */
export function latestTestOutcomes(
  conn: Connection,
  wanted: readonly TargetKey[],
): (TestOutcome | undefined)[] {
  return latestRows(conn, 'test', wanted, (row) => ({
    result: toTargetResult(row),
    tests: toTestCases(row.tests),
  }));
}

type LatestRow = TargetResultRow & { wanted: number; tests: string | null };

// The list goes in as one JSON parameter: one statement for a fully cached run's 1,000
// targets instead of 1,000 (each a round trip through the driver).
function latestRows<T>(
  conn: Connection,
  phase: Phase,
  wanted: readonly TargetKey[],
  read: (row: LatestRow) => T,
): (T | undefined)[] {
  const found: (T | undefined)[] = new Array(wanted.length).fill(undefined);
  if (wanted.length === 0) return found;
  return conn.guard(() => {
    const rows = conn
      .statement<LatestRow>(
        `SELECT w.key AS wanted, t.id, t.run_id, t.target, t.phase, t.status, t.cache_key,
           t.cached_from_run_id, t.duration_ms, t.message, t.recorded_at, t.tests
         FROM json_each(?) w
         JOIN target_results t ON t.id = (
           SELECT id FROM target_results
           WHERE target = json_extract(w.value, '$[0]') AND phase = ?
             AND cache_key = json_extract(w.value, '$[1]')
             AND status IN ('passed', 'failed', 'flaky')
           ORDER BY id DESC LIMIT 1)`,
      )
      .all(JSON.stringify(wanted.map(({ target, cacheKey }) => [target, cacheKey])), phase);
    for (const row of rows) found[row.wanted] = read(row);
    return found;
  });
}

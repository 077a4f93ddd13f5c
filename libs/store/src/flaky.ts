import type { Connection } from './connection.ts';
import { oneOf } from './rows.ts';
import {
  type FlakyTest,
  type FlakyTestQuery,
  type TestFlakiness,
  type TestId,
  type TestCaseStatus,
  testCaseStatuses,
} from './types.ts';

/** How one test fared over its last `lastResults` results (default 20), newest first. */
export function testFlakiness(conn: Connection, test: TestId, lastResults = 20): TestFlakiness {
  const recent = conn.guard(() =>
    conn
      .statement<{ status: string }>(
        `SELECT r.status FROM test_results r JOIN tests t ON t.id = r.test_id
         WHERE t.target = ? AND t.file = ? AND t.name = ?
         ORDER BY r.run_id DESC, r.id DESC LIMIT ?`,
      )
      .all(test.target, test.file, test.name, lastResults)
      .map((row) => oneOf<TestCaseStatus>(testCaseStatuses, row.status, 'test_results.status')),
  );
  const count = (status: TestCaseStatus) => recent.filter((s) => s === status).length;
  return {
    test: { target: test.target, file: test.file, name: test.name },
    results: recent.length,
    passed: count('passed'),
    failed: count('failed'),
    flaky: count('flaky'),
    skipped: count('skipped'),
    recent,
  };
}

/** Tests that were `flaky` in runs started since `since`, the most often flaky first. */
export function flakyTests(conn: Connection, query: FlakyTestQuery = {}): FlakyTest[] {
  return conn.guard(() =>
    conn
      .statement<{
        target: string;
        file: string;
        name: string;
        flaky_results: number;
        last_flaky_run_id: number;
      }>(
        `SELECT t.target, t.file, t.name, count(*) AS flaky_results,
           max(r.run_id) AS last_flaky_run_id
         FROM test_results r JOIN tests t ON t.id = r.test_id JOIN runs u ON u.id = r.run_id
         WHERE r.status = 'flaky' AND u.started_at >= ?
         GROUP BY r.test_id
         ORDER BY flaky_results DESC, last_flaky_run_id DESC LIMIT ?`,
      )
      .all(query.since ?? 0, query.limit ?? 50)
      .map((row) => ({
        target: row.target,
        file: row.file,
        name: row.name,
        flakyResults: row.flaky_results,
        lastFlakyRunId: row.last_flaky_run_id,
      })),
  );
}

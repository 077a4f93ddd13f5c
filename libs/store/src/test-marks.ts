import type { Connection } from './connection.ts';
import type { MarkedTest, TestMark } from './trunk-rows.ts';

// The test_marks table (schema 7): a person's word on a test, one mark per test.

/** Sets a test's mark, replacing any, or clears it (`undefined`); call inside a write. */
export function writeTestMark(
  conn: Connection,
  target: string,
  test: string,
  mark: TestMark | undefined,
): void {
  if (mark === undefined) {
    conn.statement('DELETE FROM test_marks WHERE target = ? AND test = ?').run(target, test);
    return;
  }
  conn
    .statement(
      `INSERT INTO test_marks (target, test, mark, marked_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (target, test) DO UPDATE SET mark = excluded.mark, marked_at = excluded.marked_at`,
    )
    .run(target, test, mark, conn.now());
}

/** Every marked test, by target and test. */
export function selectTestMarks(conn: Connection): MarkedTest[] {
  return conn
    .statement<{ target: string; test: string; mark: string; marked_at: number }>(
      'SELECT target, test, mark, marked_at FROM test_marks ORDER BY target, test',
    )
    .all()
    .map((row) => ({
      target: row.target,
      test: row.test,
      mark: row.mark as TestMark,
      markedAt: row.marked_at,
    }));
}

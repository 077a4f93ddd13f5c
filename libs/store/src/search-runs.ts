import type { Connection } from './connection.ts';
import type { SearchRunRecord } from './trunk-rows.ts';

// The search_runs table: every run of a breakage's culprit search, in order (a search
// resumes from them).

/** Appends a run after the breakage's last one; call inside a write transaction. */
export function insertSearchRun(
  conn: Connection,
  breakageId: number,
  run: Omit<SearchRunRecord, 'seq'>,
): void {
  const last = conn
    .statement<{ seq: number | null }>(
      'SELECT max(seq) AS seq FROM search_runs WHERE breakage_id = ?',
    )
    .get(breakageId);
  conn
    .statement(
      `INSERT INTO search_runs (breakage_id, seq, at, failed, passed, origin, run_id, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      breakageId,
      (last?.seq ?? 0) + 1,
      run.at,
      JSON.stringify(run.failed),
      JSON.stringify(run.passed),
      run.origin,
      run.runId ?? null,
      conn.now(),
    );
}

/** A breakage's search runs, in order. */
export function selectSearchRuns(conn: Connection, breakageId: number): SearchRunRecord[] {
  return conn
    .statement<{
      seq: number;
      at: number;
      failed: string;
      passed: string;
      origin: string;
      run_id: number | null;
    }>(
      'SELECT seq, at, failed, passed, origin, run_id FROM search_runs WHERE breakage_id = ? ORDER BY seq',
    )
    .all(breakageId)
    .map((row) => ({
      seq: row.seq,
      at: row.at,
      failed: JSON.parse(row.failed) as string[],
      passed: JSON.parse(row.passed) as string[],
      origin: row.origin,
      runId: row.run_id ?? undefined,
    }));
}

import type { Connection } from './connection.ts';
import type { Phase, TargetStatus } from './types.ts';

// Read-only queries the dashboard (libs/tui) polls: cheap enough to run every 250 ms.

/**
 * SQLite's `PRAGMA data_version`: it changes when another connection commits to the file,
 * so a reader polls it to learn the store changed without reading a table.
 */
export function dataVersion(conn: Connection): number {
  return conn.db.pragma('data_version', { simple: true }) as number;
}

/** How many target results of each status a run recorded, per phase. */
export type RunCounts = Readonly<Record<Phase, Readonly<Partial<Record<TargetStatus, number>>>>>;

/** The counts of each run asked for (absent: it recorded nothing), in one query. */
export function runCounts(conn: Connection, runIds: readonly number[]): Map<number, RunCounts> {
  const counts = new Map<number, Record<Phase, Partial<Record<TargetStatus, number>>>>();
  if (runIds.length === 0) return counts;
  const rows = conn
    .statement<{ run_id: number; phase: Phase; status: TargetStatus; n: number }>(
      `SELECT run_id, phase, status, count(*) AS n FROM target_results
       WHERE run_id IN (SELECT value FROM json_each(?)) GROUP BY run_id, phase, status`,
    )
    .all(JSON.stringify(runIds));
  for (const row of rows) {
    const run = counts.get(row.run_id) ?? { build: {}, test: {} };
    run[row.phase][row.status] = row.n;
    counts.set(row.run_id, run);
  }
  return counts;
}

import type { Connection, SqlValue } from './connection.ts';
import { unknownRun } from './errors.ts';
import { isAbandoned, type ProcessIdentity } from './process-identity.ts';
import { checkArg, type RunRow, toRun } from './rows.ts';
import {
  finishedRunStatuses,
  type NewRun,
  type Run,
  type RunEnd,
  type RunQuery,
  runKinds,
} from './types.ts';

const columns =
  'id, kind, status, started_at, finished_at, base_sha, head_sha, tree_sha, argv, pid, host, process_key, message';

export function startRun(conn: Connection, run: NewRun, me: ProcessIdentity): Run {
  const kind = checkArg(runKinds, run.kind, 'run kind');
  return conn.write(() => {
    const row = conn
      .statement<RunRow>(
        `INSERT INTO runs (kind, status, started_at, base_sha, head_sha, tree_sha, argv, pid, host, process_key)
         VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${columns}`,
      )
      .get(
        kind,
        conn.now(),
        run.baseSha ?? null,
        run.headSha ?? null,
        run.treeSha ?? null,
        JSON.stringify(run.argv),
        me.pid,
        me.host,
        me.key,
      );
    if (row === undefined) throw new Error('INSERT ... RETURNING returned no row');
    return toRun(row);
  });
}

/** Records how a run ended. The owner's word is final, even over an earlier recovery. */
export function finishRun(conn: Connection, runId: number, end: RunEnd): Run {
  const status = checkArg(finishedRunStatuses, end.status, 'final run status');
  return conn.write(() => {
    const row = conn
      .statement<RunRow>(
        `UPDATE runs SET status = ?, finished_at = ?, message = ? WHERE id = ? RETURNING ${columns}`,
      )
      .get(status, conn.now(), end.message ?? null, runId);
    if (row === undefined) throw unknownRun(runId, conn.file);
    return toRun(row);
  });
}

export function getRun(conn: Connection, runId: number): Run | undefined {
  return conn.guard(() => {
    const row = conn.statement<RunRow>(`SELECT ${columns} FROM runs WHERE id = ?`).get(runId);
    return row === undefined ? undefined : toRun(row);
  });
}

/** Runs newest first. */
export function listRuns(conn: Connection, query: RunQuery = {}): Run[] {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (query.kind !== undefined) {
    where.push('kind = ?');
    params.push(query.kind);
  }
  if (query.status !== undefined) {
    where.push('status = ?');
    params.push(query.status);
  }
  if (query.beforeId !== undefined) {
    where.push('id < ?');
    params.push(query.beforeId);
  }
  const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  params.push(query.limit ?? 50);
  return conn.guard(() =>
    conn
      .statement<RunRow>(`SELECT ${columns} FROM runs ${filter} ORDER BY id DESC LIMIT ?`)
      .all(...params)
      .map(toRun),
  );
}

/**
 * Marks `interrupted` every run still `running` whose process is gone (see isAbandoned);
 * its finishedAt becomes its last recorded activity. Returns the runs it marked.
 */
export function recoverAbandonedRuns(conn: Connection, me: ProcessIdentity): Run[] {
  return conn.write(() => {
    const running = conn
      .statement<RunRow>(`SELECT ${columns} FROM runs WHERE status = 'running' AND host = ?`)
      .all(me.host);
    const mark = conn.statement<RunRow>(
      `UPDATE runs SET status = 'interrupted', message = ?,
         finished_at = max(started_at, coalesce(
           (SELECT max(recorded_at) FROM target_results WHERE run_id = runs.id), started_at))
       WHERE id = ? AND status = 'running' RETURNING ${columns}`,
    );
    const recovered: Run[] = [];
    for (const row of running) {
      const owner = { pid: row.pid, host: row.host, key: row.process_key };
      if (!isAbandoned(owner, me)) continue;
      const message = `process ${row.pid} on ${row.host} ended without finishing the run`;
      const marked = mark.get(message, row.id);
      if (marked !== undefined) recovered.push(toRun(marked));
    }
    return recovered;
  });
}

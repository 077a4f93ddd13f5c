import type { Connection } from './connection.ts';
import type { Phase } from './types.ts';

/** A target's durations of one phase, in milliseconds, newest first. */
export type RecentDurations = ReadonlyMap<string, Readonly<Record<Phase, readonly number[]>>>;

/**
 * The durations of each target's `perTarget` most recent passing builds and tests (flaky
 * passes count; cached results do not: they took no time), in one query. What a shard
 * plan expects each target to take.
 */
export function recentDurations(conn: Connection, perTarget: number): RecentDurations {
  const rows = conn
    .statement<{ target: string; phase: Phase; duration_ms: number }>(
      `SELECT target, phase, duration_ms FROM (
         SELECT target, phase, duration_ms,
                row_number() OVER (PARTITION BY target, phase ORDER BY id DESC) AS n
         FROM target_results WHERE status IN ('passed', 'flaky'))
       WHERE n <= ? ORDER BY target, phase, n`,
    )
    .all(perTarget);
  const durations = new Map<string, Record<Phase, number[]>>();
  for (const row of rows) {
    const target = durations.get(row.target) ?? { build: [], test: [] };
    target[row.phase].push(row.duration_ms);
    durations.set(row.target, target);
  }
  return durations;
}

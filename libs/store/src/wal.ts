import { sqliteCode } from './errors.ts';
import { jitter, sleepSync } from './sleep.ts';

/** The one call of a connection switchToWal makes (a better-sqlite3 Database has it). */
export interface PragmaRunner {
  pragma(source: string): unknown;
}

/**
 * `journal_mode = WAL`, retried until `deadline`. Two processes opening a new file at
 * once race to switch it from rollback mode, and the loser can get SQLITE_BUSY at once,
 * without SQLite's busy handler (it holds a lock the winner waits for). Once one has
 * switched, the others find the file in WAL mode and the pragma changes nothing.
 */
export function switchToWal(db: PragmaRunner, deadline: number, now = Date.now): void {
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!sqliteCode(error)?.startsWith('SQLITE_BUSY') || now() >= deadline) throw error;
      sleepSync(jitter());
    }
  }
}

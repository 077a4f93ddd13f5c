import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MainlineError } from '@mainline/core';
import Database from 'better-sqlite3';
import { Connection } from './connection.ts';
import { toStoreError } from './errors.ts';
import { assertKnownVersion, migrate } from './migrate.ts';
import { migrations } from './migrations.ts';
import { currentProcess } from './process-identity.ts';
import { Store } from './store.ts';
import { switchToWal } from './wal.ts';

/** The database's name inside the state folder. */
export const storeFileName = 'mainline.db';

export interface OpenStoreOptions {
  /** The state folder (`.mainline/` or MAINLINE_HOME); created if missing. */
  readonly stateDir: string;
  /** How long a write waits for another process's write lock. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /**
   * `normal` (default): a committed write survives a crash or kill of the process, and
   * may be lost (never corrupted) by an OS crash or power loss. `full`: survives those too,
   * at the cost of an fsync per commit.
   */
  readonly synchronous?: 'normal' | 'full';
  /** Clock for recorded times (tests). Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * Opens (creating, or migrating from an older schema) `<stateDir>/mainline.db`.
 * Throws `storeTooNew` for a schema newer than this binary knows, `storeCorrupt` for a
 * file that is not a SQLite database, `storeBusy` when another process holds the lock
 * for longer than the busy timeout, and `storeFailed` for anything else.
 */
export function openStore(options: OpenStoreOptions): Store {
  const file = join(options.stateDir, storeFileName);
  try {
    mkdirSync(options.stateDir, { recursive: true });
  } catch (error) {
    throw new MainlineError('storeFailed', `cannot create the state folder ${options.stateDir}`, {
      hint: 'check its permissions, or point MAINLINE_HOME at a writable folder',
      cause: error,
    });
  }
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: busyTimeoutMs });
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
    // Refuse a newer schema before changing anything in the file.
    assertKnownVersion(db, file, migrations);
    // WAL: readers never block the writer nor each other; a commit is one append to the
    // -wal file, durable against a process crash as soon as the transaction returns.
    switchToWal(db, Date.now() + busyTimeoutMs);
    db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    const migration = migrate(db, file, migrations);
    return new Store(
      new Connection(db, file, options.now ?? Date.now),
      currentProcess(),
      migration,
    );
  } catch (error) {
    db?.close();
    throw toStoreError(error, file);
  }
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMainlineError, MainlineError } from '@mainline/core';
import type Database from 'better-sqlite3';
import { Connection } from './connection.ts';
import {
  damageOf,
  type FileIdentity,
  identityOf,
  type StoreRepair,
  setAside,
} from './damaged-file.ts';
import { isCorruption, toStoreError } from './errors.ts';
import { assertKnownVersion, type MigrationOutcome, migrate } from './migrate.ts';
import { migrations } from './migrations.ts';
import { currentProcess } from './process-identity.ts';
import { Store } from './store.ts';
import { switchToWal } from './wal.ts';
import { openDatabase } from './sqlite.ts';

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
  /** Told each time a damaged database was moved aside (see README, Damaged files). */
  readonly onRepair?: (repair: StoreRepair) => void;
}

/** Opening gives up on a file that is still damaged after this many repairs. */
const maxOpenAttempts = 3;

/**
 * Opens (creating, or migrating from an older schema) `<stateDir>/mainline.db`. A damaged
 * file (not SQLite, damaged pages, a folder in its place) is moved aside with its -wal and
 * -shm, told to `onRepair`, and a fresh one started. Throws `storeTooNew` for a schema
 * newer than this binary knows, `storeBusy` when another process holds the lock for
 * longer than the busy timeout, and `storeFailed` for anything else.
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
  const deadline = Date.now() + busyTimeoutMs;
  for (let attempt = 1; ; attempt++) {
    const seen = identityOf(file);
    let db: Database.Database | undefined;
    try {
      db = openDatabase(file, { timeout: busyTimeoutMs });
      const migration = prepare(db, file, options, busyTimeoutMs);
      const connection = new Connection(db, file, options.now ?? Date.now);
      const repairs = repairOnQuery(connection, identityOf(file), options, busyTimeoutMs);
      return new Store(connection, currentProcess(), migration, repairs);
    } catch (error) {
      const reason = attempt < maxOpenAttempts ? damageOf(error, file) : undefined;
      if (reason === undefined) {
        closeQuietly(db);
        throw toStoreError(error, file);
      }
      const repair = setAside(file, seen, reason, 'open', deadline, () => closeQuietly(db));
      if (repair !== undefined) options.onRepair?.(repair);
      // Then open again: the fresh file, or the one another process repaired first.
    }
  }
}

function prepare(
  db: Database.Database,
  file: string,
  options: OpenStoreOptions,
  busyTimeoutMs: number,
): MigrationOutcome {
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  // Refuse a newer schema before changing anything in the file.
  assertKnownVersion(db, file, migrations);
  // WAL: readers never block the writer nor each other; a commit is one append to the
  // -wal file, durable against a process crash as soon as the transaction returns.
  switchToWal(db, Date.now() + busyTimeoutMs);
  db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  return migrate(db, file, migrations);
}

/**
 * What the store does with an error of a statement: damage found there (pages opening did
 * not read) closes the connection and moves the file aside, so the next command starts a
 * fresh store; the error says so. Any other error passes unchanged.
 */
function repairOnQuery(
  connection: Connection,
  opened: FileIdentity,
  options: OpenStoreOptions,
  busyTimeoutMs: number,
): (error: unknown) => unknown {
  const { file } = connection;
  return (error) => {
    const cause = isMainlineError(error) ? error.cause : error;
    if (!isCorruption(cause)) return error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    let repair: StoreRepair | undefined;
    try {
      const deadline = Date.now() + busyTimeoutMs;
      repair = setAside(file, opened, reason, 'query', deadline, () => {
        try {
          connection.close();
        } catch {
          // Closed as far as it can be: the file is moved aside or reported next.
        }
      });
    } catch {
      // Left in place: the next command finds the damage and moves it then.
    }
    if (repair === undefined) return toStoreError(cause, file);
    options.onRepair?.(repair);
    return new MainlineError(
      'storeCorrupt',
      `${file} is damaged (${reason}): moved it aside to ${repair.movedTo}`,
      { hint: 'run the command again: it starts a fresh store', cause },
    );
  };
}

function closeQuietly(db: Database.Database | undefined): void {
  try {
    db?.close();
  } catch {
    // Closing a damaged file may fail too; it is moved aside or reported next.
  }
}

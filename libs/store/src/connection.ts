import type Database from 'better-sqlite3';
import { toStoreError } from './errors.ts';

/** Bind parameters: positional values SQLite accepts. */
export type SqlValue = string | number | bigint | null;

/**
 * One open database with its prepared statements, cached by SQL text so each query
 * is compiled once per connection. Not exported from the lib.
 */
export class Connection {
  private readonly statements = new Map<string, Database.Statement<SqlValue[], unknown>>();

  constructor(
    readonly db: Database.Database,
    readonly file: string,
    readonly now: () => number,
  ) {}

  /** A cached prepared statement whose rows have type R (checked by the row mappers). */
  statement<R = unknown>(sql: string): Database.Statement<SqlValue[], R> {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare<SqlValue[], unknown>(sql);
      this.statements.set(sql, statement);
    }
    return statement as Database.Statement<SqlValue[], R>;
  }

  /**
   * Runs fn in one `BEGIN IMMEDIATE` transaction: the write lock is taken up front (waiting
   * up to busy_timeout), so a read-then-write never fails with SQLITE_BUSY half-way.
   * Committed when fn returns: from then on the data survives a kill -9 of this process.
   */
  write<T>(fn: () => T): T {
    return this.guard(() => this.db.transaction(fn).immediate());
  }

  /** Runs fn, turning SQLite errors into MainlineErrors naming the file. */
  guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw toStoreError(error, this.file);
    }
  }

  close(): void {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}

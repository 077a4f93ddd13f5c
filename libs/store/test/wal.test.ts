import { describe, expect, it } from 'vitest';
import { switchToWal } from '../src/wal.ts';

/** A SQLite error as better-sqlite3 throws it. */
function sqliteError(code: string): Error {
  return Object.assign(new Error('database is locked'), { code });
}

/**
 * The race this retries cannot be produced on demand (it needs two processes to open a
 * new file within the same millisecond), so a stand-in connection fails as SQLite does.
 */
describe('switchToWal', () => {
  it('retries a busy switch until it succeeds', () => {
    const failures = [sqliteError('SQLITE_BUSY'), sqliteError('SQLITE_BUSY_RECOVERY')];
    let calls = 0;
    const db = {
      pragma(source: string): unknown {
        calls++;
        expect(source).toBe('journal_mode = WAL');
        const failure = failures.shift();
        if (failure) throw failure;
        return 'wal';
      },
    };
    switchToWal(db, Date.now() + 5000);
    expect(calls).toBe(3);
  });

  it('gives up at the deadline, and at once on other errors', () => {
    const busy = {
      pragma: (): unknown => {
        throw sqliteError('SQLITE_BUSY');
      },
    };
    const started = Date.now();
    expect(() => switchToWal(busy, started + 100)).toThrow('database is locked');
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    let calls = 0;
    const broken = {
      pragma: (): unknown => {
        calls++;
        throw sqliteError('SQLITE_CORRUPT');
      },
    };
    expect(() => switchToWal(broken, Date.now() + 5000)).toThrow();
    expect(calls).toBe(1);
  });
});

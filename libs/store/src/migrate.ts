import { MainlineError } from '@mainline/core';
import type Database from 'better-sqlite3';
import type { Migration } from './migrations.ts';

export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
}

export function userVersion(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true });
  return typeof version === 'number' ? version : 0;
}

/**
 * Brings the database to the last version of `steps`, all pending steps in one
 * `BEGIN IMMEDIATE` transaction (all or nothing; a concurrent opener waits, then finds
 * the work done). A database newer than `steps` is refused, untouched.
 */
export function migrate(
  db: Database.Database,
  file: string,
  steps: readonly Migration[],
): MigrationOutcome {
  steps.forEach((step, index) => {
    if (step.version !== index + 1) {
      throw new MainlineError('internal', `migration ${index + 1} has version ${step.version}`);
    }
  });
  const latest = steps.length;
  const seen = assertKnownVersion(db, file, steps);
  if (seen === latest) return { from: seen, to: seen };
  return db
    .transaction((): MigrationOutcome => {
      // Read again under the write lock: another process may have migrated meanwhile.
      const from = userVersion(db);
      refuseNewer(file, from, latest);
      for (const step of steps.slice(from)) step.up(db);
      db.pragma(`user_version = ${latest}`);
      return { from, to: latest };
    })
    .immediate();
}

/** The database's version; throws `storeTooNew` when `steps` do not reach it. */
export function assertKnownVersion(
  db: Database.Database,
  file: string,
  steps: readonly Migration[],
): number {
  const version = userVersion(db);
  refuseNewer(file, version, steps.length);
  return version;
}

function refuseNewer(file: string, version: number, latest: number): void {
  if (version <= latest) return;
  throw new MainlineError(
    'storeTooNew',
    `${file} has schema version ${version}, written by a newer mainline; this mainline knows versions up to ${latest}`,
    { hint: 'upgrade mainline, or point MAINLINE_HOME at another folder to keep a separate state' },
  );
}

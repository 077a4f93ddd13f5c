import { linkSync, lstatSync, renameSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { asideName, removeInside } from '@mainline/core';
import { isCorruption } from './errors.ts';
import { withRepairLock } from './repair-lock.ts';

/** A damaged database that was moved aside, so that a fresh one could take its place. */
export interface StoreRepair {
  /** The database's path, where a fresh store now starts. */
  readonly file: string;
  /** Where the damaged file is now (`<file>.damaged-<UTC time>`), its -wal and -shm beside it. */
  readonly movedTo: string;
  /** What was wrong, as SQLite or the file system said it. */
  readonly reason: string;
  /** `open`: found opening or migrating it; `query`: found later, by a statement. */
  readonly found: 'open' | 'query';
}

/** Which file a path names: a repair moves only the file that was found damaged. */
export type FileIdentity = { readonly dev: bigint; readonly ino: bigint } | undefined;

export function identityOf(file: string): FileIdentity {
  const stat = lstatSync(file, { bigint: true, throwIfNoEntry: false });
  return stat === undefined ? undefined : { dev: stat.dev, ino: stat.ino };
}

/**
 * Why `error`, thrown while using `file`, means the database is damaged (not SQLite, bad
 * pages, or a folder where the file or its WAL should be); undefined for anything else
 * (busy, read-only, a newer schema: not damage).
 */
export function damageOf(error: unknown, file: string): string | undefined {
  if (isCorruption(error)) return error instanceof Error ? error.message : String(error);
  for (const path of [file, `${file}-wal`]) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat !== undefined && !stat.isFile()) {
      return `${basename(path)} is ${stat.isDirectory() ? 'a folder' : 'not a file'}`;
    }
  }
  return undefined;
}

/** SQLite's files beside the database, moved with it so they stay a pair. */
const companions = ['-wal', '-shm', '-journal'];

/**
 * Moves the damaged `file` (and its -wal, -shm) aside, unless the path no longer names
 * `damaged`: another process repaired it first, and what is there now is its fresh store
 * (undefined then). `close` closes the connection that found the damage: SQLite deletes
 * the -wal and -shm of a file it cannot read when it closes, so they are linked to their
 * new names first, and the database itself is renamed last, once nothing of it is left
 * for a fresh store to pick up.
 */
export function setAside(
  file: string,
  damaged: FileIdentity,
  reason: string,
  found: StoreRepair['found'],
  deadline: number,
  close: () => void,
): StoreRepair | undefined {
  try {
    return withRepairLock(file, deadline, () => {
      const now = identityOf(file);
      if (now === undefined || damaged === undefined) return undefined;
      if (now.dev !== damaged.dev || now.ino !== damaged.ino) return undefined;
      const movedTo = asideName(file);
      const linked = companions.filter((suffix) =>
        tryTo(() => linkSync(file + suffix, movedTo + suffix)),
      );
      close();
      for (const suffix of companions) {
        if (linked.includes(suffix))
          removeInside(dirname(file), file + suffix, { recursive: false });
        else tryTo(() => renameSync(file + suffix, movedTo + suffix)); // a folder: not linkable
      }
      renameSync(file, movedTo);
      return { file, movedTo, reason, found };
    });
  } finally {
    close();
  }
}

/** Whether `operation` succeeded (a missing file, say, is nothing to keep). */
function tryTo(operation: () => void): boolean {
  try {
    operation();
    return true;
  } catch {
    return false;
  }
}

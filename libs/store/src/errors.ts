import { MainlineError } from '@mainline/core';

/** SQLite's result code of a better-sqlite3 error (`SQLITE_BUSY`, `SQLITE_CORRUPT`...). */
export function sqliteCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** Whether SQLite said the file is not a database or has damaged pages. */
export function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT') === true;
}

const moveAsideHint = (file: string) =>
  `move ${file} aside (with its -wal and -shm files) to start an empty history, or point MAINLINE_HOME at another folder`;

/** Turns whatever SQLite threw into a `MainlineError` naming the file; passes MainlineErrors on. */
export function toStoreError(error: unknown, file: string): MainlineError {
  if (error instanceof MainlineError) return error;
  const code = sqliteCode(error);
  const reason = error instanceof Error ? error.message : String(error);
  if (isCorruption(error)) {
    return new MainlineError(
      'storeCorrupt',
      `${file} is not a readable SQLite database: ${reason}`,
      {
        hint: moveAsideHint(file),
        cause: error,
      },
    );
  }
  if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED')) {
    return new MainlineError('storeBusy', `${file} stayed locked by another process: ${reason}`, {
      hint: 'another mainline process is writing to it; try again when it is done',
      cause: error,
    });
  }
  if (code?.startsWith('SQLITE_CANTOPEN') || code?.startsWith('SQLITE_READONLY')) {
    return new MainlineError('storeFailed', `cannot open ${file} for writing: ${reason}`, {
      hint: 'check that the folder exists and is writable, or point MAINLINE_HOME elsewhere',
      cause: error,
    });
  }
  return new MainlineError('storeFailed', `${file}: ${reason}`, {
    hint: code === 'SQLITE_FULL' ? 'the disk is full' : undefined,
    cause: error,
  });
}

export function unknownRun(runId: number, file: string, cause?: unknown): MainlineError {
  return new MainlineError('storeUnknownRun', `run ${runId} does not exist in ${file}`, {
    hint: 'use an id returned by startRun (or listed by listRuns)',
    cause,
  });
}

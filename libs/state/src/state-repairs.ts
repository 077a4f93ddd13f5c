import type { MovedAside } from '@mainline/core';
import type { StoreRepair } from '@mainline/store';

/**
 * Damaged state that mainline moved aside and replaced is said once, as a warning on
 * stderr: the CLI entry points this at its stderr for the length of a command (see
 * runCli). Libraries report repairs as data; this is where they become a line.
 */
let sink: ((text: string) => void) | undefined;

/** Sends repair warnings to `write` until the returned function is called. */
export function reportStateRepairsTo(write: (text: string) => void): () => void {
  sink = write;
  return () => {
    if (sink === write) sink = undefined;
  };
}

export function reportMovedAside(moved: readonly MovedAside[]): void {
  for (const { from, to } of moved) {
    warn(`${from} was not a folder: moved it aside to ${to} and made the folder`);
  }
}

export function reportStoreRepair(repair: StoreRepair): void {
  const then =
    repair.found === 'open'
      ? ' and started a fresh store'
      : '; a fresh store starts when it is next opened';
  warn(
    `${repair.file} was damaged (${repair.reason}): moved it aside to ${repair.movedTo} (with its -wal and -shm files)${then}`,
  );
}

function warn(text: string): void {
  sink?.(`mainline: warning: ${text}\n`);
}

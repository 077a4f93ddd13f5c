import { type MovedAside, reportRepair } from '@mainline/core';
import type { StoreRepair } from '@mainline/store';

/** Says each state folder that was moved aside because it was not a folder. */
export function reportMovedAside(moved: readonly MovedAside[]): void {
  for (const { from, to } of moved) {
    reportRepair(`${from} was not a folder: moved it aside to ${to} and made the folder`);
  }
}

/** Says a damaged results store moved aside. */
export function reportStoreRepair(repair: StoreRepair): void {
  const then =
    repair.found === 'open'
      ? ' and started a fresh store'
      : '; a fresh store starts when it is next opened';
  reportRepair(
    `${repair.file} was damaged (${repair.reason}): moved it aside to ${repair.movedTo} (with its -wal and -shm files)${then}`,
  );
}

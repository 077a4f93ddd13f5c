import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { MainlineError, removeInside } from '@mainline/core';
import { currentProcess, isAbandoned, type ProcessIdentity } from './process-identity.ts';
import { jitter, sleepSync } from './sleep.ts';

/** A lock older than this is taken over whoever holds it: a repair takes milliseconds. */
const staleAfterMs = 30_000;

/**
 * Runs `repair` while holding `<file>.repairing`, so two processes that find the same
 * damage do not both move files aside (the second would move the first one's fresh
 * store). The lock file holds its owner's identity: a lock left by a dead process of this
 * host, or older than 30 s, is taken over. Waits until `deadline`, then `storeBusy`.
 */
export function withRepairLock<T>(file: string, deadline: number, repair: () => T): T {
  const lock = `${file}.repairing`;
  while (!tryLock(lock)) {
    if (isStale(lock)) {
      removeInside(dirname(file), lock);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new MainlineError(
        'storeBusy',
        `${file} is damaged, and another mainline process has been moving it aside for too long`,
        { hint: `try again; if no other mainline is running, delete ${lock}` },
      );
    }
    sleepSync(jitter());
  }
  try {
    return repair();
  } finally {
    try {
      removeInside(dirname(file), lock, { recursive: false });
    } catch {
      // Left behind, it is taken over as stale by the next repair.
    }
  }
}

function tryLock(lock: string): boolean {
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(currentProcess()));
  } finally {
    closeSync(fd);
  }
  return true;
}

function isStale(lock: string): boolean {
  try {
    const stat = statSync(lock);
    if (!stat.isFile()) return true;
    if (Date.now() - stat.mtimeMs > staleAfterMs) return true;
    const owner = ownerOf(readFileSync(lock, 'utf8'));
    return owner !== undefined && isAbandoned(owner, currentProcess());
  } catch {
    return false; // gone meanwhile: try to take it again
  }
}

/** The identity a lock holds; undefined while its owner is still writing it. */
function ownerOf(text: string): ProcessIdentity | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, host, key } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof key !== 'string') {
      return undefined;
    }
    return { pid, host, key };
  } catch {
    return undefined;
  }
}

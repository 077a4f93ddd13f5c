import { linkSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive, MainlineError, removeInside } from '@mainline/core';

/**
 * One trunk loop per state folder: `trunk/lock` names the pid and host of the one running.
 * A lock whose process is gone (a `kill -9`) is taken over; a live one refuses with exit 2,
 * naming it. Taking it is atomic (a hard link cannot replace a file), so two loops starting
 * at once cannot both win.
 */
export function takeTrunkLock(state: string): () => void {
  const dir = join(state, 'trunk');
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, 'lock');
  const mine = join(dir, `lock.${process.pid}`);
  writeFileSync(mine, `${process.pid} ${hostname()}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, lock);
        return () => {
          if (readOwner(lock)?.pid === process.pid) removeInside(dir, lock);
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
      }
      const owner = readOwner(lock);
      if (owner !== undefined && (owner.host !== hostname() || isProcessAlive(owner.pid))) {
        throw new MainlineError(
          'trunkBusy',
          `a trunk loop is already running for ${state} (pid ${owner.pid} on ${owner.host})`,
          { hint: `stop it first (kill ${owner.pid}), or give this one another MAINLINE_HOME` },
        );
      }
      // Its process is gone: move the stale lock aside (atomically) and try again.
      try {
        renameSync(lock, join(dir, `lock.stale.${process.pid}`));
        removeInside(dir, join(dir, `lock.stale.${process.pid}`));
      } catch {
        // Another loop took it over first: the next attempt sees its lock.
      }
    }
  } finally {
    removeInside(dir, mine);
  }
}

function readOwner(lock: string): { pid: number; host: string } | undefined {
  try {
    const [pid, host] = readFileSync(lock, 'utf8').trim().split(' ');
    return Number(pid) > 0 && host ? { pid: Number(pid), host } : undefined;
  } catch {
    return undefined;
  }
}

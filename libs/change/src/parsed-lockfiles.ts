import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { Lockfile } from '@mainline/affected';
import { fingerprintId } from '@mainline/core';
import { StateFiles } from '@mainline/state';

/**
 * Lockfiles as parsed, by what they were parsed from (`.mainline/lockfiles/<build>-<key>.v8`):
 * the lockfile's path and blob id, and for yarn classic, whose lockfile is read with the
 * workspaces' package.json files, the commit or tree they come from. A yarn.lock or
 * pnpm-lock.yaml of 1,000 workspaces costs 0.1 s to parse and lay out (package-lock.json,
 * 0.02 s), and the base of a branch's lockfile diffs rarely changes. The newest 16 are
 * kept. A missing, unreadable or foreign file is a miss.
 */
/** The lockfiles kept: a branch's base and head, with room for several branches. */
const kept = 16;

export class ParsedLockfiles {
  readonly #files: StateFiles;

  /** Without a state dir (or running from source) nothing is read or kept. */
  constructor(state: string | undefined) {
    this.#files = new StateFiles(state, 'lockfiles', fingerprintId() !== undefined);
  }

  read(source: LockfileSource): Lockfile | undefined {
    const bytes = this.#files.read(fileName(source));
    if (bytes === undefined) return undefined;
    try {
      const lockfile = deserialize(bytes) as Lockfile;
      return lockfile.entries instanceof Map ? lockfile : undefined;
    } catch {
      return undefined;
    }
  }

  remember(source: LockfileSource, lockfile: Lockfile): void {
    if (this.#files.write(fileName(source), serialize(lockfile))) this.#files.keepNewest(kept);
  }
}

export interface LockfileSource {
  readonly path: string;
  readonly blob: string;
  /** The commit or tree whose package.json files were read with it (yarn classic). */
  readonly manifestsFrom?: string;
}

function fileName({ path, blob, manifestsFrom }: LockfileSource): string {
  const key = createHash('sha256')
    .update(`${path}\0${blob}\0${manifestsFrom ?? ''}`)
    .digest('hex')
    .slice(0, 40);
  return `${fingerprintId()}-${key}.v8`;
}

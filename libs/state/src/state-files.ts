import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { childPath, removeInside } from '@mainline/core';
import { ensureStateFolder } from './state-dir.ts';

/**
 * A folder of files under the state dir that only save work (`compiled/`,
 * `fingerprints/`): a missing or unreadable file reads as absent, a file that cannot be
 * written is skipped (a read-only checkout still works, only slower), and each file is
 * written aside and renamed, so a concurrent run never reads half of one. A file where the
 * folder should be reads as a miss (so `affected` checks nothing up front) and is moved
 * aside when a write makes the folder (see ensureStateFolder).
 */
export class StateFiles {
  /** Undefined: disabled (no state dir, or running from source): nothing is read or kept. */
  readonly folder: string | undefined;
  readonly #state: string;
  readonly #name: string;

  constructor(state: string | undefined, name: string, enabled = true) {
    this.folder = enabled && state !== undefined ? join(state, name) : undefined;
    this.#state = state ?? '';
    this.#name = name;
  }

  read(file: string): Buffer | undefined {
    if (this.folder === undefined) return undefined;
    try {
      return readFileSync(join(this.folder, file));
    } catch {
      return undefined;
    }
  }

  /** Whether `bytes` were written. */
  write(file: string, bytes: Uint8Array): boolean {
    if (this.folder === undefined) return false;
    try {
      ensureStateFolder(this.#state, this.#name);
      const path = childPath(this.folder, file, 'state file');
      const temporary = `${path}.${process.pid}`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, path);
      return true;
    } catch {
      return false;
    }
  }

  /** Deletes all but the `count` files written last: what is left to the next run that can. */
  keepNewest(count: number): void {
    const folder = this.folder;
    if (folder === undefined) return;
    try {
      const files = this.#byAge();
      for (const { path } of files.slice(count)) removeInside(folder, path, { recursive: false });
    } catch {
      // Pruned by the next run that can.
    }
  }

  /** The name of the file written last of those `wanted` accepts. */
  newest(wanted: (name: string) => boolean): string | undefined {
    try {
      return this.#byAge().find(({ name }) => wanted(name))?.name;
    } catch {
      return undefined;
    }
  }

  /** The folder's files, newest first; throws when it cannot be listed. */
  #byAge(): { name: string; path: string; written: number }[] {
    const folder = this.folder;
    if (folder === undefined) return [];
    const files = readdirSync(folder).map((name) => {
      const path = join(folder, name);
      return { name, path, written: statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0 };
    });
    return files.sort((a, b) => b.written - a.written);
  }
}

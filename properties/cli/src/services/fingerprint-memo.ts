import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fingerprintId } from '../version.ts';
import { ensureStateFolder } from './state-dir.ts';

/** Target fingerprints of one snapshot, for the targets they were computed for. */
export interface SnapshotFingerprints {
  readonly build: ReadonlyMap<string, string>;
  readonly full: ReadonlyMap<string, string>;
  /** Of those targets, the ones with at least one test file. */
  readonly tested: ReadonlySet<string>;
}

/** How many snapshots are remembered: the newest, by when they were last written. */
const kept = 64;

/**
 * Target fingerprints by snapshot tree id (`.mainline/fingerprints/<definition>-<tree>.v8`).
 * A tree id names every byte of a snapshot, so its fingerprints never change: a pre-push
 * check of the commit `mainline test` just ran on (the same tree) needs neither the file
 * listing nor any file's content to find that everything is cached. A missing, unreadable
 * or foreign file is a miss.
 */
export class FingerprintMemo {
  readonly #folder: string | undefined;

  /** Without a state dir (or running from source) nothing is read or kept. */
  constructor(state: string | undefined) {
    this.#folder =
      fingerprintId === undefined || state === undefined ? undefined : join(state, 'fingerprints');
  }

  read(tree: string): SnapshotFingerprints | undefined {
    if (this.#folder === undefined) return undefined;
    try {
      const remembered = deserialize(readFileSync(this.#file(this.#folder, tree)));
      return isSnapshotFingerprints(remembered) ? remembered : undefined;
    } catch {
      return undefined;
    }
  }

  /** Adds `fingerprints` to what is remembered of `tree`. */
  remember(tree: string, fingerprints: SnapshotFingerprints): void {
    if (this.#folder === undefined) return;
    try {
      const known = this.read(tree);
      const merged: SnapshotFingerprints = known
        ? {
            build: new Map([...known.build, ...fingerprints.build]),
            full: new Map([...known.full, ...fingerprints.full]),
            tested: new Set([...known.tested, ...fingerprints.tested]),
          }
        : fingerprints;
      ensureStateFolder(join(this.#folder, '..'), 'fingerprints');
      const file = this.#file(this.#folder, tree);
      // Written aside and renamed: a concurrent run never reads half a file.
      const temporary = `${file}.${process.pid}`;
      writeFileSync(temporary, serialize(merged));
      renameSync(temporary, file);
      if (known === undefined) prune(this.#folder);
    } catch {
      // A read-only checkout still works, only without the shortcut.
    }
  }

  #file(folder: string, tree: string): string {
    return join(folder, `${fingerprintId}-${tree}.v8`);
  }
}

function prune(folder: string): void {
  const files = readdirSync(folder).map((name) => {
    const path = join(folder, name);
    return { path, written: statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0 };
  });
  if (files.length <= kept) return;
  files.sort((a, b) => b.written - a.written);
  for (const { path } of files.slice(kept)) rmSync(path, { force: true });
}

function isSnapshotFingerprints(value: unknown): value is SnapshotFingerprints {
  if (typeof value !== 'object' || value === null) return false;
  const { build, full, tested } = value as Record<string, unknown>;
  return build instanceof Map && full instanceof Map && tested instanceof Set;
}

import { deserialize, serialize } from 'node:v8';
import { fingerprintId } from '@mainline/core';
import { StateFiles } from '@mainline/state';

/** Target fingerprints of one snapshot, for the targets they were computed for. */
export interface SnapshotFingerprints {
  readonly build: ReadonlyMap<string, string>;
  readonly full: ReadonlyMap<string, string>;
  /** Of those targets, the ones with at least one test file. */
  readonly tested: ReadonlySet<string>;
  /**
   * Of those targets, each one's files of the role `test` (sorted, none is an empty list):
   * with them and `buildFile`, a run of a tree seen before reads none of its files.
   */
  readonly testFiles?: ReadonlyMap<string, readonly string[]>;
  /** BUILD.json's blob id in the snapshot. */
  readonly buildFile?: string;
  /** A work tree holding this snapshot passed a run's package.json checks. */
  readonly packagesChecked?: boolean;
  /** Cache keys made of these fingerprints, for the tools `keys.id` names. */
  readonly keys?: RememberedKeys;
}

/** Cache keys of targets, made with the tools (and options) `id` names. */
export interface RememberedKeys {
  readonly id: string;
  readonly build: ReadonlyMap<string, string>;
  readonly test: ReadonlyMap<string, string>;
}

/** How many snapshots are remembered: the newest, by when they were last written. */
const kept = 64;

/**
 * Target fingerprints by snapshot tree id (`.mainline/fingerprints/<definition>-<tree>.v8`).
 * A tree id names every byte of a snapshot, so its fingerprints never change: a pre-push
 * check of the commit `mainline test` just ran on (the same tree) needs neither the file
 * listing nor any file's content to find that everything is cached, and a rerun of
 * `mainline test` on an unchanged work tree reads none of its files. A missing, unreadable
 * or foreign file is a miss.
 */
export class FingerprintMemo {
  readonly #files: StateFiles;

  /** Without a state dir (or running from source) nothing is read or kept. */
  constructor(state: string | undefined) {
    this.#files = new StateFiles(state, 'fingerprints', fingerprintId() !== undefined);
  }

  /** The last tree read, kept: a run reads its tree's file twice (see newestTree). */
  #last: { readonly tree: string; readonly fingerprints: SnapshotFingerprints } | undefined;

  /**
   * The tree remembered last (by when its file was written): the likeliest tree of the
   * next run on this work tree, which it can read ahead while git snapshots the tree.
   */
  newestTree(): string | undefined {
    const prefix = `${fingerprintId()}-`;
    const newest = this.#files.newest((name) => name.startsWith(prefix) && name.endsWith('.v8'));
    return newest?.slice(prefix.length, -'.v8'.length);
  }

  read(tree: string): SnapshotFingerprints | undefined {
    if (this.#last?.tree === tree) return this.#last.fingerprints;
    const fingerprints = this.#read(tree);
    if (fingerprints !== undefined) this.#last = { tree, fingerprints };
    return fingerprints;
  }

  #read(tree: string): SnapshotFingerprints | undefined {
    const bytes = this.#files.read(fileName(tree));
    if (bytes === undefined) return undefined;
    try {
      const remembered = deserialize(bytes);
      return isSnapshotFingerprints(remembered) ? remembered : undefined;
    } catch {
      return undefined;
    }
  }

  /** Adds `fingerprints` to what is remembered of `tree`. */
  remember(tree: string, fingerprints: SnapshotFingerprints): void {
    const known = this.read(tree);
    const merged: SnapshotFingerprints = known ? merge(known, fingerprints) : fingerprints;
    const written = this.#files.write(fileName(tree), serialize(merged));
    this.#last = written ? { tree, fingerprints: merged } : undefined;
    if (written && known === undefined) this.#files.keepNewest(kept);
  }
}

/** What both say of one tree (a tree id names every byte: they never disagree). */
function merge(known: SnapshotFingerprints, added: SnapshotFingerprints): SnapshotFingerprints {
  const testFiles =
    known.testFiles || added.testFiles
      ? new Map([...(known.testFiles ?? []), ...(added.testFiles ?? [])])
      : undefined;
  const buildFile = added.buildFile ?? known.buildFile;
  const keys =
    added.keys && known.keys?.id === added.keys.id
      ? {
          id: added.keys.id,
          build: new Map([...known.keys.build, ...added.keys.build]),
          test: new Map([...known.keys.test, ...added.keys.test]),
        }
      : (added.keys ?? known.keys);
  return {
    build: new Map([...known.build, ...added.build]),
    full: new Map([...known.full, ...added.full]),
    tested: new Set([...known.tested, ...added.tested]),
    ...(testFiles ? { testFiles } : {}),
    ...(buildFile === undefined ? {} : { buildFile }),
    ...(known.packagesChecked || added.packagesChecked ? { packagesChecked: true } : {}),
    ...(keys ? { keys } : {}),
  };
}

function fileName(tree: string): string {
  return `${fingerprintId()}-${tree}.v8`;
}

function isSnapshotFingerprints(value: unknown): value is SnapshotFingerprints {
  if (typeof value !== 'object' || value === null) return false;
  const { build, full, tested, testFiles, buildFile, keys } = value as Record<string, unknown>;
  return (
    build instanceof Map &&
    full instanceof Map &&
    tested instanceof Set &&
    (testFiles === undefined || testFiles instanceof Map) &&
    (buildFile === undefined || typeof buildFile === 'string') &&
    (keys === undefined || isRememberedKeys(keys))
  );
}

function isRememberedKeys(value: unknown): value is RememberedKeys {
  if (typeof value !== 'object' || value === null) return false;
  const { id, build, test } = value as Record<string, unknown>;
  return typeof id === 'string' && build instanceof Map && test instanceof Map;
}

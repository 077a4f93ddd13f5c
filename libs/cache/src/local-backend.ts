import {
  closeSync,
  fstatSync,
  futimesSync,
  openSync,
  readSync,
  type Stats,
  statSync,
  utimesSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type MovedAside, makeFolder, removeInside } from '@mainline/core';
import { writeFileAtomic } from './atomic-write.ts';
import { errorCode } from './errors.ts';
import type { BlobRef, CacheBackend } from './types.ts';

export interface LocalBackendOptions {
  /**
   * fsync every blob and manifest (and its folder) before counting it stored. Off by
   * default: every read is verified against its digest, so a write lost in a crash is
   * a miss, never a wrong result, and fsync costs about 2 ms a file.
   */
  readonly fsync?: boolean;
  /**
   * Told when a write found a file where a folder of the cache should be (the cache folder
   * itself, `ac`, `cas` or a fan-out folder) and moved it aside to make the folder.
   */
  readonly onRepair?: (moved: readonly MovedAside[]) => void;
}

/** The local backend; `dir` is the cache folder (holding `ac/` and `cas/`). */
export interface LocalBackend extends CacheBackend {
  readonly dir: string;
}

/** Entries used within this long are not touched again (their mtime is the LRU clock). */
const touchAfterMs = 60_000;

/** Where an entry lives: `<store>/<first 2 hex>/<id>`, as git fans out its objects. */
export function entryPath(cacheDir: string, store: 'ac' | 'cas', id: string): string {
  return join(cacheDir, store, id.slice(0, 2), id);
}

/**
 * The cache in a local folder: `ac/` and `cas/`, one file per entry, written atomically.
 * Reading a manifest refreshes its mtime, which `prune` uses as last-use time; finding a
 * blob present for a store refreshes the blob's, which `prune` uses as its grace clock. Every call is synchronous inside (measured several times faster than
 * node:fs/promises for many small files); the promises are for the interface.
 */
export function openLocalBackend(
  cacheDir: string,
  options: LocalBackendOptions = {},
): LocalBackend {
  const dir = resolve(cacheDir);
  const fsync = options.fsync === true;
  // Only on a failed write: what stands in the way, from the cache folder down, moves aside.
  const folderFor = (folder: string): void => {
    const moved = makeFolder(dirname(dir), folder);
    if (moved.length > 0) options.onRepair?.(moved);
  };
  return {
    dir,
    location: dir,
    async readAction(key) {
      return readEntry(entryPath(dir, 'ac', key), true);
    },
    async writeAction(key, bytes) {
      writeFileAtomic(entryPath(dir, 'ac', key), bytes, fsync, undefined, folderFor);
    },
    async findMissingBlobs(blobs) {
      return findMissing(dir, blobs);
    },
    async readBlob(digest) {
      return readEntry(entryPath(dir, 'cas', digest), false);
    },
    async writeBlob(digest, bytes) {
      writeFileAtomic(entryPath(dir, 'cas', digest), bytes, fsync, undefined, folderFor);
    },
    async discard(store, id) {
      try {
        removeInside(dir, entryPath(dir, store, id), { recursive: false });
      } catch {
        // Best effort: a later store replaces the entry anyway.
      }
    },
  };
}

/**
 * The whole file, or undefined when it does not exist (nor its folder, or a file stands
 * where its folder should: the next write moves it aside); `touch` refreshes an old mtime.
 */
function readEntry(path: string, touch: boolean): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    const bytes = Buffer.allocUnsafe(stat.size);
    let length = 0;
    while (length < bytes.length) {
      const read = readSync(fd, bytes, length, bytes.length - length, length);
      if (read === 0) break;
      length += read;
    }
    const now = Date.now();
    if (touch && now - stat.mtimeMs > touchAfterMs) {
      bestEffort(() => futimesSync(fd, now / 1000, now / 1000));
    }
    return length === bytes.length ? bytes : bytes.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

function findMissing(dir: string, blobs: readonly BlobRef[]): Set<string> {
  const missing = new Set<string>();
  const now = Date.now();
  for (const blob of blobs) {
    const path = entryPath(dir, 'cas', blob.digest);
    const stat = statOrAbsent(path);
    if (stat === undefined || !stat.isFile() || stat.size !== blob.size) {
      missing.add(blob.digest);
    } else if (now - stat.mtimeMs > touchAfterMs) {
      // A blob about to be referenced again must look recently used to a concurrent prune.
      bestEffort(() => utimesSync(path, now / 1000, now / 1000));
    }
  }
  return missing;
}

function statOrAbsent(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw error;
  }
}

function isAbsent(error: unknown): boolean {
  return errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR';
}

function bestEffort(update: () => void): void {
  try {
    update();
  } catch {
    // A read-only cache still serves hits; only its LRU order goes stale.
  }
}

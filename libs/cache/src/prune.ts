import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { removeInside } from '@mainline/core';
import { tempPrefix } from './atomic-write.ts';
import { isSha256Hex } from './digest.ts';
import { errorCode } from './errors.ts';
import { decodeManifest } from './manifest.ts';

export interface CacheStats {
  readonly actions: number;
  readonly blobs: number;
  /** Manifests and blobs together. */
  readonly bytes: number;
}

export interface PruneOptions {
  /** Evict least recently used actions until the cache holds at most this many bytes. */
  readonly maxBytes: number;
  /**
   * Blobs used more recently than this are kept even when no manifest names them any more:
   * a concurrent store may be about to. Default 10 minutes. Temp files older than an hour
   * (left by a crashed writer) are removed.
   */
  readonly graceMs?: number;
}

export interface PruneResult extends CacheStats {
  readonly removedActions: number;
  readonly removedBlobs: number;
  readonly freedBytes: number;
}

interface Entry {
  readonly id: string;
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

const staleTempMs = 60 * 60_000;

export function cacheStats(cacheDir: string): CacheStats {
  const actions = listEntries(cacheDir, 'ac', undefined);
  const blobs = listEntries(cacheDir, 'cas', undefined);
  return {
    actions: actions.length,
    blobs: blobs.length,
    bytes: sumSizes(actions) + sumSizes(blobs),
  };
}

/**
 * Least-recently-used eviction by manifest mtime (refreshed by lookups). Corrupt
 * manifests go first, then unreferenced blobs, then the oldest actions with the blobs
 * only they used. Reading the cache concurrently is safe: at worst a lookup that raced
 * the prune misses (`blob-missing`) and the action runs again.
 */
export function pruneCache(cacheDir: string, options: PruneOptions, now = Date.now()): PruneResult {
  const graceMs = options.graceMs ?? 10 * 60_000;
  const stale = now - staleTempMs;
  const actions = listEntries(cacheDir, 'ac', stale);
  const blobs = new Map(listEntries(cacheDir, 'cas', stale).map((blob) => [blob.id, blob]));
  let removedActions = 0;
  let removedBlobs = 0;
  let total = sumSizes(actions) + sumSizes(blobs.values());
  const startTotal = total;

  const refs = new Map<string, number>();
  const live: { entry: Entry; digests: string[] }[] = [];
  for (const entry of actions) {
    const digests = manifestDigests(entry);
    if (digests === undefined) {
      if (remove(entry.path)) {
        removedActions += 1;
        total -= entry.size;
      }
      continue;
    }
    for (const digest of digests) refs.set(digest, (refs.get(digest) ?? 0) + 1);
    live.push({ entry, digests });
  }
  const dropBlob = (blob: Entry | undefined): void => {
    if (blob === undefined || blob.mtimeMs > now - graceMs) return;
    if (remove(blob.path)) {
      removedBlobs += 1;
      total -= blob.size;
    }
  };
  for (const blob of blobs.values()) {
    if (!refs.has(blob.id)) dropBlob(blob);
  }
  live.sort((a, b) => a.entry.mtimeMs - b.entry.mtimeMs);
  for (const { entry, digests } of live) {
    if (total <= options.maxBytes) break;
    // A manifest rewritten or looked up since the listing is in use again: keep it.
    if (statSync(entry.path, { throwIfNoEntry: false })?.mtimeMs !== entry.mtimeMs) continue;
    if (!remove(entry.path)) continue;
    removedActions += 1;
    total -= entry.size;
    for (const digest of digests) {
      const left = (refs.get(digest) ?? 1) - 1;
      refs.set(digest, left);
      if (left === 0) dropBlob(blobs.get(digest));
    }
  }
  return {
    actions: actions.length - removedActions,
    blobs: blobs.size - removedBlobs,
    bytes: total,
    removedActions,
    removedBlobs,
    freedBytes: startTotal - total,
  };
}

/** The blob digests a manifest names, or undefined when it is corrupt. */
function manifestDigests(entry: Entry): string[] | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(entry.path);
  } catch {
    return [];
  }
  const decoded = decodeManifest(bytes, entry.id);
  if (!decoded.ok) return undefined;
  const { outputs, stdout, stderr } = decoded.action;
  const digests = outputs.map((output) => output.digest);
  for (const log of [stdout, stderr]) {
    if (log !== undefined && 'digest' in log) digests.push(log.digest);
  }
  return digests;
}

/**
 * The entries of one store. With `staleBefore`, temp files last written before that time
 * are removed on the way.
 */
function listEntries(cacheDir: string, store: 'ac' | 'cas', staleBefore: number | undefined) {
  const entries: Entry[] = [];
  const storeDir = join(cacheDir, store);
  for (const fan of readNames(storeDir)) {
    const fanDir = join(storeDir, fan);
    for (const name of readNames(fanDir)) {
      const path = join(fanDir, name);
      const isTemp = name.startsWith(tempPrefix);
      if (!isTemp && !(isSha256Hex(name) && name.startsWith(fan))) continue;
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat === undefined || !stat.isFile()) continue;
      if (!isTemp) entries.push({ id: name, path, size: stat.size, mtimeMs: stat.mtimeMs });
      else if (staleBefore !== undefined && stat.mtimeMs < staleBefore) remove(path);
    }
  }
  return entries;
}

function readNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return [];
    throw error;
  }
}

/** Removes one entry file (its folder is the fan-out folder, inside the cache). */
function remove(path: string): boolean {
  try {
    removeInside(dirname(dirname(path)), path, { recursive: false, force: false });
    return true;
  } catch {
    return false;
  }
}

function sumSizes(entries: Iterable<Entry>): number {
  let total = 0;
  for (const entry of entries) total += entry.size;
  return total;
}

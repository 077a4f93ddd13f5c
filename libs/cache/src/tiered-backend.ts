import { sha256Hex } from './digest.ts';
import { type HttpBackend, RemoteCacheError } from './http-backend.ts';
import type { LocalBackend } from './local-backend.ts';
import { decodeManifest } from './manifest.ts';
import type { ActionResult, BlobRef, CacheBackend } from './types.ts';
import { UploadQueue } from './upload-queue.ts';

/** What a run does with the remote cache: `read` (laptops), `write`, or both (CI). */
export type RemoteCacheMode = 'read' | 'write' | 'readwrite';

export interface TieredOptions {
  readonly mode: RemoteCacheMode;
  /** Told once, at the remote's first failure; the remote is then left alone for the run. */
  readonly onUnreachable: (location: string, reason: string) => void;
}

/** What the remote tier adds, to the backend and to the cache callers hold. */
export interface RemoteTier {
  /** The remote's URL. */
  readonly remote: string;
  /** What this run took from the remote (not found locally), by action key. */
  readonly remoteHits: ReadonlyMap<string, ActionResult>;
  /**
   * Waits at most `maxMs` for the uploads still queued, then drops them and closes the
   * connections; returns how many uploads were dropped.
   */
  finish(maxMs: number): Promise<number>;
}

export interface TieredBackend extends CacheBackend, RemoteTier {}

/**
 * The local cache first, then the remote: a remote hit is checked (a manifest by its
 * checksum, a blob by its SHA-256; a bad one is a miss, never used) and written to the
 * local cache; a local store is uploaded in the background, the blobs the remote lacks
 * before the manifest. The first remote failure (after the HTTP backend's one retry) trips
 * a breaker: one warning, then the run goes on with the local cache only.
 */
export function tieredBackend(
  local: LocalBackend,
  remote: HttpBackend,
  options: TieredOptions,
): TieredBackend {
  const reads = options.mode !== 'write';
  const writes = options.mode !== 'read';
  const uploads = new UploadQueue();
  const remoteHits = new Map<string, ActionResult>();
  let down = false;
  const guarded = async <T>(call: () => Promise<T>, otherwise: T): Promise<T> => {
    if (down) return otherwise;
    try {
      return await call();
    } catch (error) {
      if (!down) {
        down = true;
        const reason = error instanceof RemoteCacheError ? error.reason : String(error);
        options.onUnreachable(remote.location, reason);
      }
      return otherwise;
    }
  };
  const keepLocally = async (write: () => Promise<void>): Promise<void> => {
    try {
      await write();
    } catch {
      // The local copy is a speed-up: the bytes are served from memory this time anyway.
    }
  };
  const upload = async (key: string, manifest: Uint8Array): Promise<void> => {
    const decoded = decodeManifest(manifest, key);
    if (!decoded.ok) return;
    const { action } = decoded;
    const blobs: BlobRef[] = [...action.outputs];
    for (const log of [action.stdout, action.stderr]) {
      if (log !== undefined && 'digest' in log) blobs.push(log);
    }
    const missing = await guarded(() => remote.findMissingBlobs(blobs), undefined);
    if (missing === undefined) return;
    for (const digest of missing) {
      const bytes = await local.readBlob(digest);
      if (bytes === undefined) return; // pruned meanwhile: the remote gets it next time
      if (!(await guarded(() => remote.writeBlob(digest, bytes).then(() => true), false))) return;
    }
    // Blobs first: the remote never holds a manifest before the blobs it names.
    await guarded(() => remote.writeAction(key, manifest), undefined);
  };

  return {
    location: local.location,
    remote: remote.location,
    remoteHits,
    async readAction(key) {
      const found = await local.readAction(key);
      if (found !== undefined || !reads) return found;
      const bytes = await guarded(() => remote.readAction(key), undefined);
      if (bytes === undefined) return undefined;
      // A remote manifest that fails its checksum is reported corrupt and not kept.
      const decoded = decodeManifest(bytes, key);
      if (decoded.ok) {
        remoteHits.set(key, decoded.action);
        await keepLocally(() => local.writeAction(key, bytes));
      }
      return bytes;
    },
    async writeAction(key, bytes) {
      await local.writeAction(key, bytes);
      if (writes && !down) uploads.push(() => upload(key, bytes));
    },
    findMissingBlobs: (blobs) => local.findMissingBlobs(blobs),
    async readBlob(digest) {
      const found = await local.readBlob(digest);
      if (found !== undefined || !reads) return found;
      const bytes = await guarded(() => remote.readBlob(digest), undefined);
      // A blob whose content is not its name is a miss: never used, never kept.
      if (bytes === undefined || sha256Hex(bytes) !== digest) return undefined;
      await keepLocally(() => local.writeBlob(digest, bytes));
      return bytes;
    },
    writeBlob: (digest, bytes) => local.writeBlob(digest, bytes),
    discard: (store, id) => local.discard(store, id),
    async finish(maxMs) {
      const dropped = await uploads.drain(maxMs);
      // Uploads cut short by the close fail quietly: the run is over, and said what it dropped.
      down = true;
      remote.close();
      return dropped;
    },
  };
}

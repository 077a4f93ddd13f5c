/** A blob of the content-addressed store: its SHA-256 (lower-case hex) and length. */
export interface BlobRef {
  readonly digest: string;
  readonly size: number;
}

/** One cached output file (Bazel's OutputFile). */
export interface OutputFile extends BlobRef {
  /** Relative to the folder the action wrote into, `/` separators, never `..`. */
  readonly path: string;
  /** Restored with the executable bits (`0o777` less the umask) rather than `0o666`. */
  readonly executable: boolean;
}

/** Captured stdout or stderr: inline when short, otherwise a blob. */
export type LogRef = { readonly text: string } | BlobRef;

export interface ActionMetadata {
  /** When the result was stored, ISO 8601 in UTC. */
  readonly createdAt: string;
  /** How long the action ran, when the caller measured it. */
  readonly durationMs?: number;
  /** Versions of the tools the action ran (node, esbuild, tsc...), as the caller gave them. */
  readonly toolVersions: Readonly<Record<string, string>>;
  /** Free text for people and reports: target name, fingerprint, command. */
  readonly labels: Readonly<Record<string, string>>;
}

/** What the action cache holds under an action key (after Bazel's ActionResult). */
export interface ActionResult {
  readonly key: string;
  /** Sorted by path. */
  readonly outputs: readonly OutputFile[];
  readonly exitCode: number;
  readonly stdout?: LogRef;
  readonly stderr?: LogRef;
  readonly metadata: ActionMetadata;
}

export interface StoreRequest {
  /** The folder the output paths are relative to. */
  readonly rootDir: string;
  /** Regular files under rootDir, relative, `/` separators (`dist/index.js`); may be empty. */
  readonly files: readonly string[];
  /** Default 0. The cache stores failures too; whether to store them is the caller's call. */
  readonly exitCode?: number;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly durationMs?: number;
  readonly toolVersions?: Readonly<Record<string, string>>;
  readonly labels?: Readonly<Record<string, string>>;
  /** Default: now. */
  readonly createdAt?: Date;
}

/**
 * Why the cache could not serve an action: nothing stored (`absent`), stored bytes that
 * fail their checksum or do not parse (`corrupt`, the entry is dropped so the next store
 * rewrites it), a blob the manifest names is gone (`blob-missing`), or the backend failed
 * to read (`unreadable`: permissions, I/O, network).
 */
export type MissReason = 'absent' | 'corrupt' | 'blob-missing' | 'unreadable';

export interface CacheMiss {
  readonly kind: 'miss';
  readonly reason: MissReason;
  /** One line for people: which entry, what was wrong. */
  readonly detail: string;
}

export type LookupResult = { readonly kind: 'hit'; readonly action: ActionResult } | CacheMiss;

export type RestoreResult =
  | { readonly kind: 'restored'; readonly files: number; readonly bytes: number }
  | CacheMiss;

/**
 * The artifact cache as callers see it, whatever the backend. Misses are results, never
 * exceptions; exceptions (`MainlineError`) are for bad requests and failed writes.
 */
export interface ArtifactCache {
  /** Where the entries live, for messages: a folder or a URL. */
  readonly location: string;
  /** The result stored under `key` (a lower-case hex SHA-256). Reads no blob. */
  lookup(key: string): Promise<LookupResult>;
  /** Stores the files and the manifest; blobs already present are not written again. */
  store(key: string, request: StoreRequest): Promise<ActionResult>;
  /**
   * Writes every output into `intoDir` with its executable bit, creating folders. Every
   * blob is fetched and verified before the first file is written, so a miss writes
   * nothing. Files not in the action are left alone.
   */
  restore(action: ActionResult, intoDir: string): Promise<RestoreResult>;
  /** The text of a captured log; undefined when its blob is missing or corrupt. */
  readLog(log: LogRef): Promise<string | undefined>;
}

/**
 * Storage under the cache (Bazel's two stores): the action cache (AC) maps an action key
 * to manifest bytes, the content-addressed store (CAS) maps a SHA-256 to bytes. A
 * backend stores and returns bytes; checking them is the ArtifactCache's job. It returns
 * undefined for an absent entry and throws when it cannot do its work.
 */
export interface CacheBackend {
  readonly location: string;
  readAction(key: string): Promise<Uint8Array | undefined>;
  /** Replaces any previous manifest atomically: readers see the old or the new bytes. */
  writeAction(key: string, bytes: Uint8Array): Promise<void>;
  /** The digests of the blobs not stored with that size (Bazel's FindMissingBlobs). */
  findMissingBlobs(blobs: readonly BlobRef[]): Promise<ReadonlySet<string>>;
  readBlob(digest: string): Promise<Uint8Array | undefined>;
  writeBlob(digest: string, bytes: Uint8Array): Promise<void>;
  /** Drops an entry found corrupt, when the backend can; never throws. */
  discard(store: 'ac' | 'cas', id: string): Promise<void>;
}

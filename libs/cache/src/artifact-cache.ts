import { isMainlineError } from '@mainline/core';
import { isSha256Hex, sha256Hex } from './digest.ts';
import { cacheFailed, errorMessage, invalidKey, invalidRequest } from './errors.ts';
import { decodeManifest, encodeManifest } from './manifest.ts';
import { readOutputs } from './read-outputs.ts';
import type {
  ActionResult,
  ArtifactCache,
  BlobRef,
  CacheBackend,
  CacheMiss,
  LogRef,
  LookupResult,
  MissReason,
  RestoreResult,
  StoreRequest,
} from './types.ts';
import { type OutputToWrite, writeOutputs } from './write-outputs.ts';

/** Logs up to this many UTF-8 bytes live in the manifest; longer ones become blobs. */
const inlineLogBytes = 4096;

/**
 * The artifact cache over any backend: hashing, manifests, verification of every byte
 * read, and restoring files safely. A remote or tiered backend plugs in here.
 */
export function createArtifactCache(backend: CacheBackend): ArtifactCache {
  return {
    location: backend.location,
    lookup: (key) => lookup(backend, key),
    store: (key, request) => store(backend, key, request),
    restore: (action, intoDir) => restore(backend, action, intoDir),
    readLog: (log) => readLog(backend, log),
  };
}

function miss(reason: MissReason, detail: string): CacheMiss {
  return { kind: 'miss', reason, detail };
}

async function lookup(backend: CacheBackend, key: string): Promise<LookupResult> {
  if (!isSha256Hex(key)) throw invalidKey(key);
  let bytes: Uint8Array | undefined;
  try {
    bytes = await backend.readAction(key);
  } catch (error) {
    return miss('unreadable', `manifest ${key}: ${errorMessage(error)}`);
  }
  if (bytes === undefined) return miss('absent', `no manifest for ${key}`);
  const decoded = decodeManifest(bytes, key);
  if (decoded.ok) return { kind: 'hit', action: decoded.action };
  await backend.discard('ac', key);
  return miss('corrupt', `manifest ${key}: ${decoded.problem}`);
}

async function store(
  backend: CacheBackend,
  key: string,
  request: StoreRequest,
): Promise<ActionResult> {
  if (!isSha256Hex(key)) throw invalidKey(key);
  const exitCode = request.exitCode ?? 0;
  if (!Number.isSafeInteger(exitCode)) throw invalidRequest(`exitCode ${exitCode}`);
  const { durationMs } = request;
  if (durationMs !== undefined && !Number.isFinite(durationMs)) {
    throw invalidRequest(`durationMs ${durationMs}`);
  }
  const read = readOutputs(request.rootDir, request.files);
  const blobs = new Map<string, Uint8Array>();
  for (const { file, bytes } of read) blobs.set(file.digest, bytes);
  const stdout = logRef(request.stdout, blobs);
  const stderr = logRef(request.stderr, blobs);
  const action: ActionResult = {
    key,
    outputs: read.map((output) => output.file),
    exitCode,
    ...(stdout === undefined ? {} : { stdout }),
    ...(stderr === undefined ? {} : { stderr }),
    metadata: {
      createdAt: (request.createdAt ?? new Date()).toISOString(),
      ...(durationMs === undefined ? {} : { durationMs }),
      toolVersions: { ...request.toolVersions },
      labels: { ...request.labels },
    },
  };
  try {
    const refs = [...blobs].map(([digest, bytes]): BlobRef => ({ digest, size: bytes.length }));
    const missing = await backend.findMissingBlobs(refs);
    await Promise.all(
      [...missing].map((digest) => backend.writeBlob(digest, blobs.get(digest) as Uint8Array)),
    );
    // Blobs first: a manifest is never visible before the blobs it names.
    await backend.writeAction(key, encodeManifest(action));
  } catch (error) {
    throw isMainlineError(error)
      ? error
      : cacheFailed('store a build result', backend.location, error);
  }
  return action;
}

function logRef(text: string | undefined, blobs: Map<string, Uint8Array>): LogRef | undefined {
  if (text === undefined) return undefined;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= inlineLogBytes) return { text };
  const digest = sha256Hex(bytes);
  blobs.set(digest, bytes);
  return { digest, size: bytes.length };
}

type Fetched = { readonly kind: 'blob'; readonly bytes: Uint8Array } | CacheMiss;

/** A blob's bytes, checked against its digest and size; a bad blob is discarded. */
async function fetchBlob(backend: CacheBackend, blob: BlobRef, what: string): Promise<Fetched> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await backend.readBlob(blob.digest);
  } catch (error) {
    return miss('unreadable', `blob of ${what}: ${errorMessage(error)}`);
  }
  if (bytes === undefined) return miss('blob-missing', `blob of ${what} is missing`);
  if (bytes.length !== blob.size || sha256Hex(bytes) !== blob.digest) {
    await backend.discard('cas', blob.digest);
    return miss('corrupt', `blob of ${what} does not match its digest`);
  }
  return { kind: 'blob', bytes };
}

async function restore(
  backend: CacheBackend,
  action: ActionResult,
  intoDir: string,
): Promise<RestoreResult> {
  const byDigest = new Map<string, Promise<Fetched>>();
  for (const output of action.outputs) {
    if (!byDigest.has(output.digest)) {
      byDigest.set(output.digest, fetchBlob(backend, output, output.path));
    }
  }
  const fetched = new Map<string, Uint8Array>();
  for (const [digest, pending] of byDigest) {
    const result = await pending;
    if (result.kind === 'miss') return result;
    fetched.set(digest, result.bytes);
  }
  let bytes = 0;
  const outputs = action.outputs.map((output): OutputToWrite => {
    bytes += output.size;
    const content = fetched.get(output.digest) as Uint8Array;
    return { path: output.path, bytes: content, executable: output.executable };
  });
  try {
    writeOutputs(intoDir, outputs);
  } catch (error) {
    throw isMainlineError(error)
      ? error
      : cacheFailed(`restore into ${intoDir}`, backend.location, error);
  }
  return { kind: 'restored', files: outputs.length, bytes };
}

async function readLog(backend: CacheBackend, log: LogRef): Promise<string | undefined> {
  if ('text' in log) return log.text;
  const fetched = await fetchBlob(backend, log, 'a log');
  return fetched.kind === 'blob' ? new TextDecoder().decode(fetched.bytes) : undefined;
}

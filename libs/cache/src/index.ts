export { createArtifactCache } from './artifact-cache.ts';
export { actionKey, isSha256Hex, sha256Hex } from './digest.ts';
export {
  entryPath,
  type LocalBackend,
  type LocalBackendOptions,
  openLocalBackend,
} from './local-backend.ts';
export { type LocalArtifactCache, openLocalCache } from './local-cache.ts';
export type { CacheStats, PruneOptions, PruneResult } from './prune.ts';
export type {
  ActionMetadata,
  ActionResult,
  ArtifactCache,
  BlobRef,
  CacheBackend,
  CacheMiss,
  LogRef,
  LookupResult,
  MissReason,
  OutputFile,
  RestoreResult,
  StoreRequest,
} from './types.ts';
export {
  type HttpBackend,
  type HttpBackendOptions,
  openHttpBackend,
  type RemoteCacheAuth,
  RemoteCacheError,
} from './http-backend.ts';
export {
  openRemoteCache,
  type RemoteCacheOptions,
  type TieredArtifactCache,
} from './remote-cache.ts';
export {
  type RemoteCacheMode,
  type RemoteTier,
  type TieredBackend,
  type TieredOptions,
  tieredBackend,
} from './tiered-backend.ts';

import { join } from 'node:path';
import { createArtifactCache } from './artifact-cache.ts';
import { type HttpBackendOptions, openHttpBackend } from './http-backend.ts';
import { type LocalBackendOptions, openLocalBackend } from './local-backend.ts';
import { type RemoteTier, type TieredOptions, tieredBackend } from './tiered-backend.ts';
import type { ArtifactCache } from './types.ts';

export interface RemoteCacheOptions extends HttpBackendOptions, LocalBackendOptions, TieredOptions {
  /** The cache's base URL: `<url>/ac/<key>` and `<url>/cas/<sha256>`. */
  readonly url: string;
}

/** The tiered cache as callers hold it: an ArtifactCache, and what the run took from the remote. */
export interface TieredArtifactCache extends ArtifactCache, RemoteTier {}

/** The local cache of `stateDir` in front of a remote Bazel HTTP cache (see tiered-backend.ts). */
export function openRemoteCache(
  stateDir: string,
  options: RemoteCacheOptions,
): TieredArtifactCache {
  const local = openLocalBackend(join(stateDir, 'cache'), options);
  const backend = tieredBackend(local, openHttpBackend(options.url, options), options);
  return {
    ...createArtifactCache(backend),
    remote: backend.remote,
    remoteHits: backend.remoteHits,
    finish: (maxMs) => backend.finish(maxMs),
  };
}

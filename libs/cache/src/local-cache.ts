import { join } from 'node:path';
import { createArtifactCache } from './artifact-cache.ts';
import { cacheFailed } from './errors.ts';
import { type LocalBackendOptions, openLocalBackend } from './local-backend.ts';
import {
  type CacheStats,
  cacheStats,
  type PruneOptions,
  type PruneResult,
  pruneCache,
} from './prune.ts';
import type { ArtifactCache } from './types.ts';

export interface LocalArtifactCache extends ArtifactCache {
  /** The cache folder, `<stateDir>/cache`. */
  readonly dir: string;
  stats(): Promise<CacheStats>;
  prune(options: PruneOptions): Promise<PruneResult>;
}

/**
 * The local artifact cache in `<stateDir>/cache` (design 2.4: stateDir is `.mainline/`
 * or MAINLINE_HOME). Nothing is created until the first store.
 */
export function openLocalCache(
  stateDir: string,
  options: LocalBackendOptions = {},
): LocalArtifactCache {
  const backend = openLocalBackend(join(stateDir, 'cache'), options);
  const { dir } = backend;
  return {
    ...createArtifactCache(backend),
    dir,
    async stats() {
      try {
        return cacheStats(dir);
      } catch (error) {
        throw cacheFailed('read the artifact cache', dir, error);
      }
    },
    async prune(pruneOptions) {
      try {
        return pruneCache(dir, pruneOptions);
      } catch (error) {
        throw cacheFailed('prune the artifact cache', dir, error);
      }
    },
  };
}

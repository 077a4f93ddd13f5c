import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { json } from '../synth/manifests.ts';

export interface CachedRepo {
  readonly dir: string;
  /** Seconds spent generating, or null when taken from the cache. */
  readonly generationSeconds: number | null;
}

/**
 * A generated repository kept in `cacheDir` under `key`, with what `generate` said of it
 * in `<key>.json`; generated into `<key>.partial` and renamed, so an interrupted
 * generation is never taken for a finished one.
 */
export function cachedRepo<T extends object>(
  cacheDir: string,
  key: string,
  fresh: boolean,
  generate: (dir: string) => T,
): T & CachedRepo {
  const dir = join(cacheDir, key);
  const markerPath = join(cacheDir, `${key}.json`);
  if (!fresh && existsSync(markerPath) && existsSync(dir)) {
    const cached = JSON.parse(readFileSync(markerPath, 'utf8')) as T;
    return { ...cached, dir, generationSeconds: null };
  }
  rmSync(markerPath, { force: true });
  rmSync(dir, { recursive: true, force: true });
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const started = performance.now();
  const described = generate(partial);
  const generationSeconds = (performance.now() - started) / 1000;
  renameSync(partial, dir);
  const result = { ...described, dir, generationSeconds };
  writeFileSync(markerPath, json(result));
  return result;
}

import { openLocalCache } from '@mainline/cache';
import { isGreen } from '@mainline/core';
import { isStoreDamage, openStateStore } from '@mainline/state';
import type { RunKeys } from './prepare-keys.ts';

/**
 * Whether a test run of `run` would do no work: every build key is in the cache and
 * every asked target with tests passed before with its test key. Answered from keys
 * alone, so the snapshot need not be checked out.
 */
export async function allCached(run: RunKeys, strictFlakes: boolean): Promise<boolean> {
  const cache = openLocalCache(run.state);
  // Looked up together: the manifests are read by the thread pool while others are checked.
  const builds = await Promise.all(
    run.selected.builds.map((name) => cache.lookup(run.keys.build.get(name) as string)),
  );
  if (builds.some((lookup) => lookup.kind !== 'hit')) return false;
  const store = openStateStore(run.state);
  try {
    const tested = run.selected.asked.filter((name) => run.tested.has(name));
    const found = store.latestResultsByKeys(
      'test',
      tested.map((target) => ({ target, cacheKey: run.keys.test.get(target) as string })),
    );
    return found.every((result) => isGreen(result?.status, strictFlakes));
  } catch (error) {
    // A damaged store (now moved aside) answers nothing: the run that follows tests.
    if (isStoreDamage(error)) return false;
    throw error;
  } finally {
    store.close();
  }
}

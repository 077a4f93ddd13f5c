import { openLocalCache } from '@mainline/cache';
import { openStore } from '@mainline/store';
import type { PreparedRun } from './prepare-run.ts';
import { targetFiles } from './target-files.ts';
import { testFile } from './test-targets.ts';

/**
 * Whether a test run of `run` would do no work: every build key is in the cache and
 * every asked target with tests passed before with its test key. Answered from keys
 * alone, so the snapshot need not be checked out.
 */
export async function allCached(run: PreparedRun, strictFlakes: boolean): Promise<boolean> {
  const cache = openLocalCache(run.state);
  for (const name of run.selected.builds) {
    if ((await cache.lookup(run.keys.build.get(name) as string)).kind !== 'hit') return false;
  }
  const store = openStore({ stateDir: run.state });
  try {
    return run.selected.asked.every((name) => {
      if (!targetFiles(run, name).tests.some((path) => testFile.test(path))) return true;
      const found = store.latestResultByKey(name, 'test', run.keys.test.get(name) as string);
      return found?.status === 'passed' || (found?.status === 'flaky' && !strictFlakes);
    });
  } finally {
    store.close();
  }
}

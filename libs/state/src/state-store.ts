import { isMainlineError } from '@mainline/core';
import { openStore, type Store } from '@mainline/store';
import { ensureStateFolder } from './state-dir.ts';
import { reportStoreRepair } from './state-repairs.ts';

/**
 * The results store of a state folder. Damage heals: a state folder that is not a folder,
 * or a damaged `mainline.db`, is moved aside and replaced, with one warning each.
 */
export function openStateStore(state: string): Store {
  ensureStateFolder(state);
  return openStore({ stateDir: state, onRepair: reportStoreRepair });
}

/**
 * Opens the store and runs `first` on it. Damage that `first` finds, which opening did not
 * (the store then moved the file aside and said so), gets one more try on a fresh store.
 */
export function openStateStoreFor<T>(state: string, first: (store: Store) => T): [Store, T] {
  for (let attempt = 1; ; attempt++) {
    const store = openStateStore(state);
    try {
      return [store, first(store)];
    } catch (error) {
      store.close();
      if (attempt > 1 || !isStoreDamage(error)) throw error;
    }
  }
}

/** Damage a statement found after opening: the file was moved aside (see libs/store). */
export function isStoreDamage(error: unknown): boolean {
  return isMainlineError(error) && error.code === 'storeCorrupt';
}

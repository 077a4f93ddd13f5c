import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isStoreDamage, openStateStoreFor } from '@mainline/state';
import type { NewRun, Store } from '@mainline/store';

/**
 * The store of a run, opened early (while git snapshots the work tree: opening and
 * recovering abandoned runs need no tree), and the run row started once the tree is
 * known. Whatever opening early met is met again, or thrown, only when the run starts,
 * so a run that fails before that fails as it did.
 */
export class RunStore {
  #early: Store | undefined;
  #earlyError: unknown;

  /**
   * Opens the store of `state` now, if the folder is made already; never throws. git
   * snapshots the work tree meanwhile, and the state folder may be in it: only a folder
   * that ignores itself (its .gitignore) can be written to while git reads the tree.
   */
  open(state: string): void {
    if (!existsSync(join(state, '.gitignore'))) return;
    try {
      [this.#early] = openStateStoreFor(state, (store) => store.recoverAbandonedRuns());
    } catch (error) {
      this.#earlyError = error;
    }
  }

  /** The store opened early, if it could be. */
  get opened(): Store | undefined {
    return this.#early;
  }

  /** The store with the run started in it, and the run's id. */
  start(state: string, run: NewRun): [Store, number] {
    const early = this.#early;
    this.#early = undefined;
    if (this.#earlyError !== undefined) throw this.#earlyError;
    if (early !== undefined) {
      try {
        return [early, early.startRun(run).id];
      } catch (error) {
        early.close();
        // Damage found now (the file was moved aside): a fresh store, as below.
        if (!isStoreDamage(error)) throw error;
      }
    }
    return openStateStoreFor(state, (store) => {
      store.recoverAbandonedRuns();
      return store.startRun(run).id;
    });
  }

  /** Closes a store opened early that no run started in. */
  close(): void {
    this.#early?.close();
    this.#early = undefined;
  }
}

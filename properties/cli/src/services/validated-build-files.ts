import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesId } from '../version.ts';
import { ensureStateFolder } from './state-dir.ts';

/**
 * Remembers which BUILD.json contents (by git blob id) passed every check of this build
 * of mainline. On a 10,000-target file the checks cost more than everything else
 * `affected` does, and BUILD.json rarely changes between runs. An empty marker file per
 * blob: nothing to parse, nothing to corrupt; losing the folder only costs a re-check.
 */
export class ValidatedBuildFiles {
  readonly #state: string | undefined;

  /** Without a state dir (or running from source) nothing is trusted or remembered. */
  constructor(state: string | undefined) {
    this.#state = rulesId === undefined ? undefined : state;
  }

  has(oid: string): boolean {
    return this.#state !== undefined && existsSync(this.#marker(this.#state, oid));
  }

  remember(oid: string): void {
    if (this.#state === undefined) return;
    try {
      ensureStateFolder(this.#state, 'validated');
      writeFileSync(this.#marker(this.#state, oid), '');
    } catch {
      // A read-only checkout still works, only without the shortcut.
    }
  }

  #marker(state: string, oid: string): string {
    return join(state, 'validated', `${rulesId}-${oid}`);
  }
}

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CompiledWorkspace } from '@mainline/workspace';
import { rulesId } from '../version.ts';
import { ensureStateFolder } from './state-dir.ts';

/**
 * BUILD.json contents (by git blob id) that passed every check of this build of mainline,
 * kept compiled (`.mainline/compiled/<checks>-<blob>.v8`). On a 10,000-target file,
 * checking and parsing cost more than everything else `affected` does, and BUILD.json
 * rarely changes between runs: a hit skips both. A missing, unreadable or foreign file
 * is a miss; losing the folder only costs one more check.
 */
export class CompiledBuildFiles {
  readonly #folder: string | undefined;

  /** Without a state dir (or running from source) nothing is read or kept. */
  constructor(state: string | undefined) {
    this.#folder =
      rulesId === undefined || state === undefined ? undefined : join(state, 'compiled');
  }

  read(oid: string): CompiledWorkspace | undefined {
    if (this.#folder === undefined) return undefined;
    try {
      const compiled = deserialize(
        readFileSync(this.#file(this.#folder, oid)),
      ) as CompiledWorkspace;
      return compiled.format === 1 ? compiled : undefined;
    } catch {
      return undefined;
    }
  }

  remember(oid: string, compiled: CompiledWorkspace): void {
    if (this.#folder === undefined) return;
    try {
      ensureStateFolder(join(this.#folder, '..'), 'compiled');
      mkdirSync(this.#folder, { recursive: true });
      const file = this.#file(this.#folder, oid);
      // Written aside and renamed: a concurrent run never reads half a file.
      const temporary = `${file}.${process.pid}`;
      writeFileSync(temporary, serialize(compiled));
      renameSync(temporary, file);
    } catch {
      // A read-only checkout still works, only without the shortcut.
    }
  }

  #file(folder: string, oid: string): string {
    return join(folder, `${rulesId}-${oid}.v8`);
  }
}

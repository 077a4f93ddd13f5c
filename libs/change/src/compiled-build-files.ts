import { deserialize, serialize } from 'node:v8';
import type { CompiledWorkspace } from '@mainline/workspace';
import { rulesId } from '@mainline/core';
import { StateFiles } from '@mainline/state';

/**
 * BUILD.json contents (by git blob id) that passed every check of this build of mainline,
 * kept compiled (`.mainline/compiled/<checks>-<blob>.v8`). On a 10,000-target file,
 * checking and parsing cost more than everything else `affected` does, and BUILD.json
 * rarely changes between runs: a hit skips both. A missing, unreadable or foreign file
 * is a miss; losing the folder only costs one more check.
 */
export class CompiledBuildFiles {
  readonly #files: StateFiles;

  /** Without a state dir (or running from source) nothing is read or kept. */
  constructor(state: string | undefined) {
    this.#files = new StateFiles(state, 'compiled', rulesId !== undefined);
  }

  read(oid: string): CompiledWorkspace | undefined {
    const bytes = this.#files.read(fileName(oid));
    if (bytes === undefined) return undefined;
    try {
      const compiled = deserialize(bytes) as CompiledWorkspace;
      return compiled.format === 4 ? compiled : undefined;
    } catch {
      return undefined;
    }
  }

  remember(oid: string, compiled: CompiledWorkspace): void {
    this.#files.write(fileName(oid), serialize(compiled));
  }
}

function fileName(oid: string): string {
  return `${rulesId}-${oid}.v8`;
}

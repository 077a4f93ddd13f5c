import type { CompiledWorkspace } from './compiled-workspace.ts';
import { GlobIndex } from './glob-index.ts';
import { cachedGlob, type PathTest } from './glob-matcher.ts';
import { endsLike } from './glob-prefilter.ts';
import { hasNegation, isNegated, listHolds } from './glob-list.ts';
import { anyMatch, ownersFromValues } from './owner-values.ts';
import type { Owner, OwnershipIndex } from './ownership-index.ts';

/**
 * Ownership over a compiled workspace: a path's candidates are the globs filed under one
 * of its folders (or under '', the globs that may match anywhere), each then tested exactly.
 * A handful of map lookups per path, and nothing built per glob.
 */
export class CompiledOwnership implements OwnershipIndex {
  readonly #compiled: CompiledWorkspace;
  readonly #folders = new Map<string, number>();
  readonly #tests = new Map<string, PathTest>();
  readonly #global = new GlobIndex<undefined>();

  constructor(compiled: CompiledWorkspace) {
    this.#compiled = compiled;
    compiled.folders.forEach((folder, f) => {
      this.#folders.set(folder, f);
    });
    for (const glob of compiled.globalInputs) this.#global.add(glob, undefined);
  }

  owners(path: string): readonly Owner[] {
    const found: number[] = [];
    this.#collect('', path, found);
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
      this.#collect(path.slice(0, i), path, found);
    }
    this.#collect(path, path, found);
    if (found.length === 0) return [];
    return ownersFromValues(
      found,
      (t) => this.#compiled.names[t] as string,
      (value) => this.#holds(value, path),
    );
  }

  /** Whether the list behind `value` holds `path` once its negations are read (folders file positive globs only). */
  #holds(value: number, path: string): boolean {
    const { globs, owners, globOffsets } = this.#compiled;
    const target = value >> 1;
    const list: string[] = [];
    for (let g = globOffsets[target] as number; g < (globOffsets[target + 1] as number); g++) {
      if (((owners[g] as number) & 1) === (value & 1)) list.push(globs[g] as string);
    }
    return (
      !hasNegation(list) ||
      listHolds(list, (glob) => endsLike(glob, path) && cachedGlob(this.#tests, glob)(path))
    );
  }

  isGlobalInput(path: string): boolean {
    return anyMatch(this.#global, path);
  }

  #collect(folder: string, path: string, found: number[]): void {
    const f = this.#folders.get(folder);
    if (f === undefined) return;
    const { folderOffsets, folderGlobs, globs, owners } = this.#compiled;
    for (let i = folderOffsets[f] as number; i < (folderOffsets[f + 1] as number); i++) {
      const g = folderGlobs[i] as number;
      const glob = globs[g] as string;
      // endsLike first: a glob whose end rules the path out is never compiled for it.
      if (
        glob !== '' &&
        !isNegated(glob) &&
        endsLike(glob, path) &&
        cachedGlob(this.#tests, glob)(path)
      ) {
        found.push(owners[g] as number);
      }
    }
  }
}

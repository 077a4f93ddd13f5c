import type { Target, Workspace } from '@mainline/core';
import { GlobIndex } from './glob-index.ts';
import { cachedGlob, type PathTest } from './glob-matcher.ts';
import { mayMatch } from './glob-prefilter.ts';
import { hasNegation, isNegated, listHolds } from './glob-list.ts';
import { anyMatch, ownerRole, ownersFromValues } from './owner-values.ts';
import type { CompiledWorkspace } from './compiled-workspace.ts';
import { CompiledOwnership } from './compiled-ownership.ts';

export interface Owner {
  readonly target: string;
  /** 'test' when the target's tests hold the path, even if its srcs hold it too; else 'src'. */
  readonly role: 'src' | 'test';
}

const noOwners: readonly Owner[] = Object.freeze([]);

/** Which targets own a path, and whether it is a global input. */
export interface OwnershipIndex {
  /** Every target whose srcs or tests hold `path` (repo-relative, `/` separators), in file order. */
  owners(path: string): readonly Owner[];
  /** Whether a global input glob (a plain path matches itself) matches `path`. */
  isGlobalInput(path: string): boolean;
}

export const OwnershipIndex = {
  /** From a parsed workspace: scans for the first questions, then indexes. */
  build(workspace: Workspace, options: OwnershipIndexOptions = {}): OwnershipIndex {
    return WorkspaceOwnership.build(workspace, options);
  },
  /** From a compiled workspace, whose globs come grouped by folder already. */
  fromCompiled(compiled: CompiledWorkspace): OwnershipIndex {
    return new CompiledOwnership(compiled);
  },
};

export interface OwnershipIndexOptions {
  /**
   * How many `owners` questions are answered by scanning every glob (with a cheap
   * prefilter) before the glob index is built. `affected` asks about a handful of changed
   * files: building an index of 20,000 globs would cost more than scanning for them.
   */
  readonly indexAfter?: number;
}

/**
 * Which targets own a path, and whether it is a global input. The first questions are
 * answered by a scan; past `indexAfter` questions, a glob index answers without testing
 * every glob. Each indexed glob carries one number, `2 * target position + (1 for a tests
 * glob)`: no object per glob, and owners come back in BUILD.json order by sorting numbers.
 */
class WorkspaceOwnership implements OwnershipIndex {
  readonly #targets: readonly Target[];
  readonly #global: GlobIndex<undefined>;
  readonly #indexAfter: number;
  readonly #compiled = new Map<string, PathTest>();
  readonly #scanned = new Map<string, readonly Owner[]>();
  #scans = 0;
  #owned: GlobIndex<number> | undefined;

  private constructor(workspace: Workspace, indexAfter: number) {
    this.#targets = [...workspace.targets.values()];
    this.#indexAfter = indexAfter;
    this.#global = new GlobIndex<undefined>();
    for (const glob of workspace.globalInputs) this.#global.add(glob, undefined);
  }

  static build(workspace: Workspace, options: OwnershipIndexOptions = {}): WorkspaceOwnership {
    return new WorkspaceOwnership(workspace, options.indexAfter ?? 32);
  }

  /** Every target whose srcs or tests hold `path` (repo-relative, `/` separators), in file order. */
  owners(path: string): readonly Owner[] {
    if (this.#owned !== undefined || this.#scans >= this.#indexAfter) return this.#lookUp(path);
    // A modified file is asked about twice (base and head side): scan once.
    let owners = this.#scanned.get(path);
    if (owners === undefined) {
      this.#scans++;
      owners = this.#scan(path);
      this.#scanned.set(path, owners);
    }
    return owners;
  }

  /** Whether a global input glob (a plain path matches itself) matches `path`. */
  isGlobalInput(path: string): boolean {
    return anyMatch(this.#global, path);
  }

  #scan(path: string): readonly Owner[] {
    const owners: Owner[] = [];
    // Indexed loops: this runs cold over every target, where for-of costs an iterator.
    for (let t = 0; t < this.#targets.length; t++) {
      const target = this.#targets[t] as Target;
      const inTests = this.#holds(target.tests, path);
      const role = ownerRole(!inTests && this.#holds(target.srcs, path), inTests);
      if (role !== undefined) owners.push({ target: target.name, role });
    }
    return owners.length > 0 ? owners : noOwners;
  }

  /** Whether a srcs or tests list holds `path`, its negations read in order (glob-list.ts). */
  #holds(globs: readonly string[], path: string): boolean {
    return listHolds(
      globs,
      (glob) => mayMatch(glob, path) && cachedGlob(this.#compiled, glob)(path),
    );
  }

  #lookUp(path: string): readonly Owner[] {
    const found: number[] = [];
    this.#ownedIndex().forEachMatch(path, (value) => {
      found.push(value);
      return false;
    });
    if (found.length === 0) return noOwners;
    return ownersFromValues(
      found,
      (t) => (this.#targets[t] as Target).name,
      (value) => {
        // The index holds positive globs only: a list with negations is read whole.
        const target = this.#targets[value >> 1] as Target;
        const list = value & 1 ? target.tests : target.srcs;
        return !hasNegation(list) || this.#holds(list, path);
      },
    );
  }

  #ownedIndex(): GlobIndex<number> {
    if (this.#owned) return this.#owned;
    const owned = new GlobIndex<number>();
    for (let position = 0; position < this.#targets.length; position++) {
      // Indexed loops: this runs cold, once per process, where for-of costs an iterator.
      const { srcs, tests } = this.#targets[position] as Target;
      // A negation only takes back: a path is a candidate by its positive globs.
      for (let i = 0; i < srcs.length; i++) {
        if (!isNegated(srcs[i] as string)) owned.add(srcs[i] as string, position * 2);
      }
      for (let i = 0; i < tests.length; i++) {
        if (!isNegated(tests[i] as string)) owned.add(tests[i] as string, position * 2 + 1);
      }
    }
    this.#owned = owned;
    return owned;
  }
}

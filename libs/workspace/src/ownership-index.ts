import type { Workspace } from '@mainline/core';
import { GlobIndex } from './glob-index.ts';

export interface Owner {
  readonly target: string;
  /** 'src' when the path matches the target's srcs, even if its tests match too. */
  readonly role: 'src' | 'test';
}

const noOwners: readonly Owner[] = Object.freeze([]);

/**
 * Which targets own a path, and whether it is a global input, without testing every glob.
 * Each indexed glob carries one number, `2 * target position + (1 for a tests glob)`: no
 * object per glob, and owners come back in BUILD.json order by sorting numbers.
 */
export class OwnershipIndex {
  private constructor(
    private readonly names: readonly string[],
    private readonly owned: GlobIndex<number>,
    private readonly global: GlobIndex<undefined>,
  ) {}

  static build(workspace: Workspace): OwnershipIndex {
    const names: string[] = [];
    const owned = new GlobIndex<number>();
    for (const target of workspace.targets.values()) {
      const src = names.length * 2;
      names.push(target.name);
      // Indexed loops: this runs cold, once per process, where for-of costs an iterator.
      const { srcs, tests } = target;
      for (let i = 0; i < srcs.length; i++) owned.add(srcs[i] as string, src);
      for (let i = 0; i < tests.length; i++) owned.add(tests[i] as string, src + 1);
    }
    const global = new GlobIndex<undefined>();
    for (const glob of workspace.globalInputs) global.add(glob, undefined);
    return new OwnershipIndex(names, owned, global);
  }

  /** Every target whose srcs or tests match `path` (repo-relative, `/` separators), in file order. */
  owners(path: string): readonly Owner[] {
    const found: number[] = [];
    this.owned.forEachMatch(path, (value) => {
      found.push(value);
      return false;
    });
    if (found.length === 0) return noOwners;
    found.sort((a, b) => a - b);
    const owners: Owner[] = [];
    let previousTarget = -1;
    for (const value of found) {
      const target = value >> 1;
      // Sorted, a target's srcs value (even) comes before its tests value: first one wins.
      if (target === previousTarget) continue;
      previousTarget = target;
      owners.push({ target: this.names[target] as string, role: value & 1 ? 'test' : 'src' });
    }
    return owners;
  }

  /** Whether a global input glob (a plain path matches itself) matches `path`. */
  isGlobalInput(path: string): boolean {
    let matched = false;
    this.global.forEachMatch(path, () => {
      matched = true;
      return true;
    });
    return matched;
  }
}

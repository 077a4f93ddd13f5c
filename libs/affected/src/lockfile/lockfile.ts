import type { LockEntry } from './lock-entry.ts';

/**
 * A parsed lockfile: its entries keyed as in an npm lockfile's `packages` map (yarn and
 * pnpm lockfiles are laid out that way, see isolatedEntries).
 */
export interface Lockfile {
  /** npm's lockfileVersion; 0 for the formats laid out by isolatedEntries. */
  readonly lockfileVersion: number;
  readonly entries: ReadonlyMap<string, LockEntry>;
}

/**
 * What resolution learns about one Lockfile, kept beside it rather than in it so the
 * Lockfile stays plain data. Resolution is pure, so a remembered answer stays right.
 */
export interface LockfileMemo {
  /** Per real entry key: each dependency name -> the key it resolves to, if any. */
  readonly resolvedDeps: Map<string, ReadonlyMap<string, string | undefined>>;
  /** Per key: the closure id (see closureOf). */
  readonly closures: Map<string, string>;
}

const memos = new WeakMap<Lockfile, LockfileMemo>();

export function memoOf(lock: Lockfile): LockfileMemo {
  let memo = memos.get(lock);
  if (memo === undefined) {
    memo = { resolvedDeps: new Map(), closures: new Map() };
    memos.set(lock, memo);
  }
  return memo;
}

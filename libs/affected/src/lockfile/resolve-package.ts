import { closureOf } from './closure.ts';
import { isFolderKey } from './lock-entry.ts';
import type { Lockfile } from './lockfile.ts';
import { locate, normalizeDir, realKey } from './node-resolution.ts';

export interface Resolution {
  /** The lockfile key of the package loaded, after following a workspace link. */
  readonly key: string;
  readonly version: string | undefined;
  /**
   * Identifies the whole transitive resolution: the (name, version, integrity or
   * resolved) of every package reachable through dependencies, optionalDependencies and
   * peerDependencies, and what each of their dependencies resolves to, with npm's
   * nested resolution from each package's own location. Location-independent.
   */
  readonly closure: string;
}

/**
 * How the external package `pkg` resolves for a file in `fromDir` (repo-relative folder,
 * '' = root), as Node would resolve it in the tree npm installs from this lockfile.
 * Undefined when the lockfile has no such package where Node would look, and when the
 * import lands on a folder of the repository (a workspace package: see isFolderKey).
 * This is the one place where both the fast path and the definition decide it.
 */
export function resolvePackage(
  lock: Lockfile,
  fromDir: string,
  pkg: string,
): Resolution | undefined {
  const found = locate(lock, normalizeDir(fromDir), pkg);
  if (found === undefined) return undefined;
  const key = realKey(lock, found);
  if (isFolderKey(key)) return undefined;
  return { key, version: lock.entries.get(key)?.version, closure: closureOf(lock, key) };
}

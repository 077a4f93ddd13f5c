import type { Lockfile } from './lockfile.ts';

/**
 * The key of the entry Node would load for `pkg` from a file in `dir` (repo-relative,
 * '' = root): `<dir>/node_modules/<pkg>`, then the same in each parent folder up to the
 * root, skipping folders that are themselves `node_modules` (as Node does). The entry
 * found may be a link; see realKey().
 */
export function locate(lock: Lockfile, dir: string, pkg: string): string | undefined {
  let current = dir;
  for (;;) {
    if (current !== 'node_modules' && !current.endsWith('/node_modules')) {
      const key = current === '' ? `node_modules/${pkg}` : `${current}/node_modules/${pkg}`;
      if (lock.entries.has(key)) return key;
    }
    if (current === '') return undefined;
    const slash = current.lastIndexOf('/');
    current = slash < 0 ? '' : current.slice(0, slash);
  }
}

// npm links point at folders, never at other links; the bound only guards bad input.
const maxLinkHops = 8;

/**
 * Follows link entries to the folder they point to, since Node resolves a symlinked
 * package from its real path. The key returned may have no entry (a link to a folder
 * the lockfile does not list); callers treat that as a resolution of its own.
 */
export function realKey(lock: Lockfile, key: string): string {
  let current = key;
  for (let hop = 0; hop < maxLinkHops; hop++) {
    const entry = lock.entries.get(current);
    if (entry === undefined || !entry.link) return current;
    current = normalizeDir(entry.resolved ?? '');
  }
  return current;
}

/** `./libs/a/` -> `libs/a`, `.` -> ``. */
export function normalizeDir(dir: string): string {
  let normalized = dir.replaceAll('\\', '/');
  while (normalized.startsWith('./')) normalized = normalized.slice(2);
  if (normalized === '.') return '';
  while (normalized.endsWith('/')) normalized = normalized.slice(0, -1);
  return normalized;
}

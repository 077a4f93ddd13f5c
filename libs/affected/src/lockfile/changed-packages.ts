import { installNameOf, isFolderKey, type LockEntry } from './lock-entry.ts';
import type { Lockfile } from './lockfile.ts';
import { normalizeDir } from './node-resolution.ts';

/**
 * Names of packages whose resolution might differ between two lockfiles: the names of
 * changed, added and removed entries, plus, transitively, the names of entries that
 * depend on one of them. An over-approximation (by name, not location) meant to narrow
 * the search for importers; comparing resolvePackage() closures is the exact test.
 * The root project's entry is left out: its own name, version and ranges resolve nothing.
 * A workspace folder's names are left out too (an import of one resolves to no external
 * package, see isFolderKey); only its identity counts, for the packages that depend on it.
 */
export function possiblyChangedPackages(base: Lockfile, head: Lockfile): Set<string> {
  const changed = new Set<string>();
  // Names of folders whose identity changed: the packages depending on them are candidates.
  const folderSeeds = new Set<string>();
  const note = (lock: Lockfile, key: string): void => {
    const installName = installNameOf(key);
    if (installName !== undefined) changed.add(installName);
    else for (const name of folderNames(lock, key)) folderSeeds.add(name);
  };
  // Entries of head that differ from base; with base's entries they are all the
  // entries whose dependencies could lead to a change.
  const headOnly: string[] = [];
  for (const [key, entry] of base.entries) {
    if (key === '') continue;
    const after = head.entries.get(key);
    if (after === entry) continue; // taken over by parseLockfile(text, previous)
    if (after === undefined || !sameResolution(key, entry, after)) {
      note(base, key);
      if (after !== undefined) {
        note(head, key);
        headOnly.push(key);
      }
    }
  }
  for (const key of head.entries.keys()) {
    if (key !== '' && !base.entries.has(key)) {
      note(head, key);
      headOnly.push(key);
    }
  }
  if (changed.size === 0 && folderSeeds.size === 0) return changed;
  const dependents = new Map<string, string[]>();
  addDependents(base, base.entries.keys(), dependents);
  addDependents(head, headOnly, dependents);
  const pending = [...changed, ...folderSeeds];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const dependent of dependents.get(name) ?? []) {
      if (!changed.has(dependent)) {
        changed.add(dependent);
        pending.push(dependent);
      }
    }
  }
  return changed;
}

/** Same for resolution; a folder's dependencies do not count (see closureOf). */
function sameResolution(key: string, a: LockEntry, b: LockEntry): boolean {
  if (isFolderKey(key)) return a.name === b.name && a.version === b.version;
  if (
    a.version !== b.version ||
    a.integrity !== b.integrity ||
    a.resolved !== b.resolved ||
    a.link !== b.link ||
    a.name !== b.name ||
    a.deps.length !== b.deps.length
  ) {
    return false;
  }
  for (let i = 0; i < a.deps.length; i++) if (a.deps[i] !== b.deps[i]) return false;
  return true;
}

/** Adds, for each dependency name of the packages at `keys`, the names of those packages. */
function addDependents(
  lock: Lockfile,
  keys: Iterable<string>,
  dependents: Map<string, string[]>,
): void {
  for (const key of keys) {
    const entry = lock.entries.get(key);
    // A folder's dependencies are not part of any package's closure (see closureOf).
    const installName = installNameOf(key);
    if (installName === undefined || entry === undefined || entry.deps.length === 0) continue;
    for (const dep of entry.deps) {
      const list = dependents.get(dep);
      if (list === undefined) dependents.set(dep, [installName]);
      else list.push(installName);
    }
  }
}

/** A workspace folder is imported by its `name` and the names of the links to it. */
function folderNames(lock: Lockfile, key: string): readonly string[] {
  const links = linkNames(lock).get(key) ?? [];
  const own = lock.entries.get(key)?.name;
  return own === undefined ? links : [own, ...links];
}

const linkNamesMemo = new WeakMap<Lockfile, Map<string, string[]>>();

/** folder key -> install names of the links pointing at it. */
function linkNames(lock: Lockfile): Map<string, string[]> {
  let byFolder = linkNamesMemo.get(lock);
  if (byFolder !== undefined) return byFolder;
  byFolder = new Map();
  for (const [key, entry] of lock.entries) {
    if (!entry.link) continue;
    const installName = installNameOf(key);
    if (installName === undefined) continue;
    const folder = normalizeDir(entry.resolved ?? '');
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), installName]);
  }
  linkNamesMemo.set(lock, byFolder);
  return byFolder;
}

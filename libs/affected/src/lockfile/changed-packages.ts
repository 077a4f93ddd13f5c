import { installNameOf, type LockEntry } from './lock-entry.ts';
import type { Lockfile } from './lockfile.ts';
import { normalizeDir } from './node-resolution.ts';

/**
 * Names of packages whose resolution might differ between two lockfiles: the names of
 * changed, added and removed entries, plus, transitively, the names of entries that
 * depend on one of them. An over-approximation (by name, not location) meant to narrow
 * the search for importers; comparing resolvePackage() closures is the exact test.
 * The root project's entry is left out: its own name, version and ranges resolve nothing.
 */
export function possiblyChangedPackages(base: Lockfile, head: Lockfile): Set<string> {
  const changed = new Set<string>();
  // Entries of head that differ from base; with base's entries they are all the
  // entries whose dependencies could lead to a change.
  const headOnly: string[] = [];
  for (const [key, entry] of base.entries) {
    if (key === '') continue;
    const after = head.entries.get(key);
    if (after === entry) continue; // taken over by parseLockfile(text, previous)
    if (after === undefined || !sameResolution(entry, after)) {
      addNames(base, key, changed);
      if (after !== undefined) {
        addNames(head, key, changed);
        headOnly.push(key);
      }
    }
  }
  for (const key of head.entries.keys()) {
    if (key !== '' && !base.entries.has(key)) {
      addNames(head, key, changed);
      headOnly.push(key);
    }
  }
  if (changed.size === 0) return changed;
  const dependents = new Map<string, string[]>();
  addDependents(base, base.entries.keys(), dependents);
  addDependents(head, headOnly, dependents);
  const pending = [...changed];
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

function sameResolution(a: LockEntry, b: LockEntry): boolean {
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

/** Adds, for each dependency name of the entries at `keys`, the names of those entries. */
function addDependents(
  lock: Lockfile,
  keys: Iterable<string>,
  dependents: Map<string, string[]>,
): void {
  for (const key of keys) {
    const entry = lock.entries.get(key);
    if (key === '' || entry === undefined || entry.deps.length === 0) continue;
    // Almost every entry is under node_modules and has one name: no array for it.
    const installName = installNameOf(key);
    const names = installName === undefined ? folderNames(lock, key) : undefined;
    for (const dep of entry.deps) {
      let list = dependents.get(dep);
      if (list === undefined) {
        list = [];
        dependents.set(dep, list);
      }
      if (installName !== undefined) list.push(installName);
      else if (names !== undefined) for (const name of names) list.push(name);
    }
  }
}

/** Adds the names a package is imported by (see folderNames for workspace folders). */
function addNames(lock: Lockfile, key: string, to: Set<string>): void {
  const installName = installNameOf(key);
  if (installName !== undefined) to.add(installName);
  else for (const name of folderNames(lock, key)) to.add(name);
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

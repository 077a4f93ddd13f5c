import type { LockEntry } from './lock-entry.ts';
import { isJsonObject, type JsonObject, LockfileShapeError } from './shape.ts';

/** Entries of a lockfileVersion 2 or 3 `packages` map. */
export function entriesFromPackages(packages: JsonObject): Map<string, LockEntry> {
  const entries = new Map<string, LockEntry>();
  for (const key of Object.keys(packages)) entries.set(key, readEntry(key, packages[key]));
  return entries;
}

// Hot: runs once per package of lockfiles with tens of thousands, so it checks types
// inline and builds the error location only when there is an error.
export function readEntry(key: string, raw: unknown): LockEntry {
  if (!isJsonObject(raw)) throw shapeError(key, '', 'an object');
  const { name, version, resolved, integrity, link } = raw;
  if (name !== undefined && typeof name !== 'string') throw shapeError(key, '.name', 'a string');
  if (version !== undefined && typeof version !== 'string')
    throw shapeError(key, '.version', 'a string');
  if (resolved !== undefined && typeof resolved !== 'string')
    throw shapeError(key, '.resolved', 'a string');
  if (integrity !== undefined && typeof integrity !== 'string')
    throw shapeError(key, '.integrity', 'a string');
  if (link !== undefined && typeof link !== 'boolean') throw shapeError(key, '.link', 'a boolean');
  return {
    key,
    name,
    version,
    resolved,
    integrity,
    link: link === true,
    deps: dependencyNames(key, raw),
  };
}

const dependencyFields = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** Sorted, distinct names from the dependency maps that npm installs for a package. */
function dependencyNames(key: string, raw: JsonObject): string[] {
  let names: string[] | undefined;
  let merged = false;
  for (const field of dependencyFields) {
    const map = raw[field];
    if (map === undefined) continue;
    if (!isJsonObject(map)) throw shapeError(key, `.${field}`, 'an object');
    if (names === undefined) {
      names = Object.keys(map);
    } else {
      for (const name in map) names.push(name);
      merged = true;
    }
  }
  if (names === undefined) return [];
  if (merged) return [...new Set(names)].sort();
  return isSorted(names) ? names : names.sort();
}

// npm writes dependency maps sorted, so checking is cheaper than sorting.
function isSorted(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) {
    if ((names[i - 1] ?? '') > (names[i] ?? '')) return false;
  }
  return true;
}

function shapeError(key: string, field: string, expected: string): LockfileShapeError {
  return new LockfileShapeError(`packages[${JSON.stringify(key)}]${field}: expected ${expected}`);
}

import type { LockEntry } from './lock-entry.ts';
import {
  isJsonObject,
  type JsonObject,
  LockfileShapeError,
  optionalObject,
  optionalString,
} from './shape.ts';

/**
 * Entries equivalent to a lockfileVersion 1 `dependencies` tree (npm 6), keyed as
 * npm 7+ would key them, so resolution works the same on both. v1 has no workspaces;
 * a `file:` dependency is a link to a folder the lockfile does not describe.
 */
export function entriesFromV1Dependencies(
  dependencies: JsonObject | undefined,
): Map<string, LockEntry> {
  const entries = new Map<string, LockEntry>();
  const pending: { readonly prefix: string; readonly tree: JsonObject }[] = [];
  if (dependencies !== undefined) pending.push({ prefix: 'node_modules/', tree: dependencies });
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const installName of Object.keys(next.tree)) {
      const key = next.prefix + installName;
      const raw = next.tree[installName];
      const where = `dependencies[${JSON.stringify(key)}]`;
      if (!isJsonObject(raw)) throw new LockfileShapeError(`${where}: expected an object`);
      const requires = raw.requires;
      entries.set(key, {
        key,
        ...versionFields(
          optionalString(raw, 'version', where),
          optionalString(raw, 'resolved', where),
        ),
        integrity: optionalString(raw, 'integrity', where),
        deps: isJsonObject(requires) ? Object.keys(requires).sort() : [],
      });
      const nested = optionalObject(raw, 'dependencies', where);
      if (nested !== undefined) pending.push({ prefix: `${key}/node_modules/`, tree: nested });
    }
  }
  return entries;
}

type VersionFields = Pick<LockEntry, 'name' | 'version' | 'resolved' | 'link'>;

/** v1 folds aliases (`npm:real@1.0.0`) and links (`file:../x`) into `version`. */
function versionFields(version: string | undefined, resolved: string | undefined): VersionFields {
  if (version?.startsWith('file:')) {
    const folder = version.slice('file:'.length).replace(/^\.\//, '').replace(/\/$/, '');
    return { name: undefined, version: undefined, resolved: folder, link: true };
  }
  if (version?.startsWith('npm:')) {
    const at = version.lastIndexOf('@');
    if (at > 'npm:'.length) {
      return { name: version.slice(4, at), version: version.slice(at + 1), resolved, link: false };
    }
  }
  return { name: undefined, version, resolved, link: false };
}

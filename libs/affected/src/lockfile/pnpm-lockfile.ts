import { posix } from 'node:path';
import {
  isolatedEntries,
  layoutDependencies,
  type LayoutFolder,
  type LayoutPackage,
  type LayoutTarget,
} from './isolated-layout.ts';
import type { LockEntry } from './lock-entry.ts';
import { isJsonObject, type JsonObject, LockfileShapeError } from './shape.ts';

const importerFields = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;
const packageFields = ['dependencies', 'optionalDependencies'] as const;

/**
 * The entries of a parsed `pnpm-lock.yaml`, lockfileVersion 6 (`packages` keyed
 * `/name@version(peers)`) or 9 (`packages` for what a package is, `snapshots` for what
 * its dependencies resolve to, keyed `name@version(peers)`), laid out as pnpm installs
 * them (see isolatedEntries). `importers` gives each workspace folder's dependencies;
 * a lockfile of a single project has them at the top level.
 */
export function pnpmEntries(data: unknown): Map<string, LockEntry> {
  if (!isJsonObject(data)) throw new LockfileShapeError('the lockfile is not a YAML mapping');
  const version = data.lockfileVersion;
  const major =
    typeof version === 'string' || typeof version === 'number'
      ? Number.parseFloat(String(version))
      : Number.NaN;
  if (!(major >= 6 && major < 10)) {
    throw new LockfileShapeError(`unsupported lockfileVersion ${JSON.stringify(version ?? null)}`);
  }
  const packages = mapping(data, 'packages', 'lockfile') ?? {};
  // 9 splits a package's metadata (packages) from its resolved dependencies (snapshots).
  const snapshots = major >= 9 ? (mapping(data, 'snapshots', 'lockfile') ?? {}) : packages;
  const importers = mapping(data, 'importers', 'lockfile') ?? { '.': data };

  const resolve = (
    from: string,
    name: string,
    version: unknown,
    where: string,
  ): LayoutTarget | undefined => {
    if (isJsonObject(version)) return resolve(from, name, version.version, where);
    if (typeof version !== 'string') throw new LockfileShapeError(`${where}: expected a version`);
    if (version.startsWith('link:')) {
      return { kind: 'folder', dir: normalizeFolder(posix.join(from, version.slice(5))) };
    }
    const id = snapshotId(snapshots, name, version);
    return id === undefined ? undefined : { kind: 'package', id, name: nameOfId(packages, id) };
  };

  const layoutPackages: LayoutPackage[] = [];
  for (const id of Object.keys(snapshots)) {
    const snapshot = snapshots[id];
    const where = `${major >= 9 ? 'snapshots' : 'packages'}[${JSON.stringify(id)}]`;
    if (!isJsonObject(snapshot) && snapshot !== null)
      throw new LockfileShapeError(`${where}: expected a mapping`);
    const meta = packages[withoutPeers(id)] ?? packages[id];
    const info = isJsonObject(meta) ? meta : {};
    const resolution = isJsonObject(info.resolution) ? info.resolution : {};
    layoutPackages.push({
      id,
      name: nameOfId(packages, id),
      version: typeof info.version === 'string' ? info.version : versionOfId(id),
      integrity: typeof resolution.integrity === 'string' ? resolution.integrity : undefined,
      resolved: resolvedOf(resolution),
      deps: layoutDependencies(snapshot ?? {}, packageFields, where, (name, version, at) =>
        resolve('', name, version, at),
      ),
    });
  }
  const folders: LayoutFolder[] = [];
  for (const path of Object.keys(importers)) {
    const importer = importers[path];
    const where = `importers[${JSON.stringify(path)}]`;
    if (!isJsonObject(importer) && importer !== null)
      throw new LockfileShapeError(`${where}: expected a mapping`);
    const dir = normalizeFolder(path);
    folders.push({
      dir,
      name: undefined,
      version: undefined,
      deps: layoutDependencies(importer ?? {}, importerFields, where, (name, version, at) =>
        resolve(dir, name, version, at),
      ),
    });
  }
  return isolatedEntries(layoutPackages, folders);
}

/**
 * The snapshot a dependency's version refers to: `1.0.0(peer@2)` under the dependency's
 * name, `real@1.0.0` for an alias, or a key of its own (a tarball, a git commit); v6
 * keys start with `/`.
 */
function snapshotId(snapshots: JsonObject, name: string, version: string): string | undefined {
  for (const id of [`${name}@${version}`, version, `/${name}@${version}`, `/${version}`]) {
    if (Object.hasOwn(snapshots, id)) return id;
  }
  return undefined;
}

function nameOfId(packages: JsonObject, id: string): string {
  const meta = packages[withoutPeers(id)] ?? packages[id];
  if (isJsonObject(meta) && typeof meta.name === 'string') return meta.name;
  const bare = id.startsWith('/') ? id.slice(1) : id;
  const at = bare.indexOf('@', 1);
  return at > 0 ? bare.slice(0, at) : bare;
}

function versionOfId(id: string): string | undefined {
  const bare = withoutPeers(id.startsWith('/') ? id.slice(1) : id);
  const at = bare.indexOf('@', 1);
  return at > 0 ? bare.slice(at + 1) : undefined;
}

/** `a@1.0.0(b@2.0.0)(c@3.0.0)` -> `a@1.0.0`. */
function withoutPeers(id: string): string {
  const open = id.indexOf('(');
  return open < 0 ? id : id.slice(0, open);
}

/** Where a package without an integrity came from (a tarball, a git commit, a folder). */
function resolvedOf(resolution: JsonObject): string | undefined {
  if (typeof resolution.integrity === 'string') return undefined;
  const keys = Object.keys(resolution).sort();
  return keys.length === 0
    ? undefined
    : keys.map((key) => `${key}=${String(resolution[key])}`).join(';');
}

function mapping(owner: JsonObject, field: string, where: string): JsonObject | undefined {
  const value = owner[field];
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw new LockfileShapeError(`${where}.${field}: expected a mapping`);
  return value;
}

/** `.` and `./libs/a/` -> `` and `libs/a`. */
function normalizeFolder(path: string): string {
  const normalized = posix.normalize(path);
  return normalized === '.' || normalized === './' ? '' : normalized.replace(/\/$/, '');
}

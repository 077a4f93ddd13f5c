import {
  isolatedEntries,
  layoutDependencies,
  type LayoutFolder,
  type LayoutPackage,
  type LayoutTarget,
} from './isolated-layout.ts';
import type { LockEntry } from './lock-entry.ts';
import { normalizeDir } from './node-resolution.ts';
import { isJsonObject, type JsonObject, LockfileShapeError } from './shape.ts';

/** package.json texts of the repository, by folder ('' = root): yarn classic needs them. */
export type WorkspaceManifests = ReadonlyMap<string, string>;

const packageFields = ['dependencies', 'optionalDependencies'] as const;
const manifestFields = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/**
 * The entries of a parsed `yarn.lock`, laid out as an isolated tree (see isolatedEntries).
 * Each block resolves a set of descriptors (`name@range`); a dependency `name: range`
 * uses the block that lists `name@range`. Berry (v2+, `__metadata`) lists the workspaces
 * as blocks (`name@workspace:libs/a`); classic (v1) does not, so a workspace's
 * dependencies come from its package.json, and a dependency on another workspace's name
 * that no block resolves is that workspace.
 */
export function yarnEntries(data: unknown, manifests: WorkspaceManifests): Map<string, LockEntry> {
  if (!isJsonObject(data)) throw new LockfileShapeError('the lockfile is not a mapping');
  const berry = data.__metadata !== undefined;
  const blocks = new Map<string, JsonObject>();
  const ids = new Map<JsonObject, string>();
  const usedIds = new Set<string>();
  for (const key of Object.keys(data)) {
    if (key === '__metadata') continue;
    const block = data[key];
    if (!isJsonObject(block))
      throw new LockfileShapeError(`${JSON.stringify(key)}: expected a mapping`);
    for (const descriptor of key.split(',')) blocks.set(descriptor.trim(), block);
    if (!ids.has(block)) ids.set(block, uniqueId(blockId(key, block, berry), usedIds));
  }
  const workspaceNames = new Map<string, string>();
  if (!berry) {
    for (const [dir, text] of manifests) {
      const name = readManifest(text)?.name;
      if (typeof name === 'string') workspaceNames.set(name, dir);
    }
  }
  const resolve = (name: string, range: unknown, where: string): LayoutTarget | undefined => {
    if (typeof range !== 'string') throw new LockfileShapeError(`${where}: expected a string`);
    const block = blocks.get(`${name}@${range}`);
    if (block === undefined) {
      const dir = workspaceNames.get(name);
      return dir === undefined ? undefined : { kind: 'folder', dir };
    }
    const folder = berry ? workspaceDir(block) : undefined;
    if (folder !== undefined) return { kind: 'folder', dir: folder };
    return { kind: 'package', id: ids.get(block) ?? '', name: realName(name, range, block) };
  };

  const packages: LayoutPackage[] = [];
  const folders: LayoutFolder[] = [];
  const seen = new Set<JsonObject>();
  for (const [descriptor, block] of blocks) {
    if (seen.has(block)) continue;
    seen.add(block);
    const where = JSON.stringify(descriptor);
    const version = optionalText(block, 'version', where);
    const dir = berry ? workspaceDir(block) : undefined;
    const deps = layoutDependencies(block, packageFields, where, resolve);
    if (dir !== undefined) {
      // Berry writes no workspace's version (`0.0.0-use.local` stands for none).
      const own = version === '0.0.0-use.local' ? undefined : version;
      folders.push({ dir, name: nameOf(String(block.resolution)), version: own, deps });
      continue;
    }
    const { name, range } = splitDescriptor(descriptor);
    packages.push({
      id: ids.get(block) ?? '',
      name: realName(name, range, block),
      version,
      integrity: optionalText(block, berry ? 'checksum' : 'integrity', where),
      resolved: optionalText(block, berry ? 'resolution' : 'resolved', where),
      deps,
    });
  }
  if (!berry) {
    for (const [dir, text] of manifests) {
      const manifest = readManifest(text) ?? {};
      const name = typeof manifest.name === 'string' ? manifest.name : undefined;
      const version = typeof manifest.version === 'string' ? manifest.version : undefined;
      const where = `${dir === '' ? '' : `${dir}/`}package.json`;
      folders.push({
        dir,
        name,
        version,
        deps: layoutDependencies(manifest, manifestFields, where, resolve, true),
      });
    }
  }
  return isolatedEntries(packages, folders);
}

/** Berry's resolution names the package (`lodash@npm:4.17.21`); classic's is name@version. */
function blockId(key: string, block: JsonObject, berry: boolean): string {
  if (berry && typeof block.resolution === 'string') return block.resolution;
  const first = key.split(',')[0]?.trim() ?? key;
  const { name, range } = splitDescriptor(first);
  return `${realName(name, range, block)}@${typeof block.version === 'string' ? block.version : range}`;
}

function uniqueId(id: string, used: Set<string>): string {
  let unique = id;
  for (let n = 2; used.has(unique); n++) unique = `${id}#${n}`;
  used.add(unique);
  return unique;
}

/** `libs/a` for a berry block resolved `name@workspace:libs/a`, else undefined. */
function workspaceDir(block: JsonObject): string | undefined {
  const resolution = block.resolution;
  if (typeof resolution !== 'string') return undefined;
  const at = resolution.indexOf('@workspace:', 1);
  return at < 0 ? undefined : normalizeDir(resolution.slice(at + '@workspace:'.length));
}

/** `@s/a@^1.0.0` -> `@s/a` and `^1.0.0`; `a@npm:b@^1` -> `a` and `npm:b@^1`. */
function splitDescriptor(descriptor: string): { name: string; range: string } {
  const at = descriptor.indexOf('@', 1);
  return at < 0
    ? { name: descriptor, range: '' }
    : { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

function nameOf(resolution: string): string {
  return splitDescriptor(resolution).name;
}

/** An alias (`npm:real@^1`, or berry's resolution `real@npm:1.0.0`) names the real package. */
function realName(name: string, range: string, block: JsonObject): string {
  if (typeof block.resolution === 'string') return nameOf(block.resolution);
  if (range.startsWith('npm:') && range.indexOf('@', 5) > 0) return nameOf(range.slice(4));
  return name;
}

function optionalText(block: JsonObject, field: string, where: string): string | undefined {
  const value = block[field];
  if (value === undefined || typeof value === 'string') return value;
  throw new LockfileShapeError(`${where}.${field}: expected a string`);
}

function readManifest(text: string): JsonObject | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

import { describeJsonError } from './json-error-location.ts';
import type { LockEntry } from './lock-entry.ts';
import type { Lockfile } from './lockfile.ts';
import { entriesFromPackages } from './packages-map.ts';
import { rememberSource, reparseLockfile } from './reparse-lockfile.ts';
import { isJsonObject, type JsonObject, LockfileShapeError, optionalObject } from './shape.ts';
import { entriesFromV1Dependencies } from './v1-dependencies.ts';

export type LockfileParse = { ok: true; lockfile: Lockfile } | { ok: false; message: string };

/**
 * Parses an npm `package-lock.json` (or `npm-shrinkwrap.json`): lockfileVersion 2 and 3
 * through their `packages` map, 1 (npm 6) through its `dependencies` tree. Anything
 * else, including a future version whose meaning we cannot know, is not parsed:
 * callers then treat every target as affected, which is always safe.
 *
 * `previous`, a lockfile parsed from a similar text (the other side of a diff), only
 * makes this faster: entries whose text is unchanged are taken from it rather than
 * parsed again, and diffing then finds them unchanged at once. The result is the same.
 */
export function parseLockfile(text: string, previous?: Lockfile): LockfileParse {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const reused = previous === undefined ? undefined : reparseLockfile(source, previous);
  const parsed: LockfileParse =
    reused === undefined ? parseWhole(source) : { ok: true, lockfile: reused };
  if (parsed.ok) rememberSource(parsed.lockfile, source);
  return parsed;
}

function parseWhole(text: string): LockfileParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: describeJsonError(text, error) };
  }
  try {
    return { ok: true, lockfile: fromJson(data) };
  } catch (error) {
    if (error instanceof LockfileShapeError) return { ok: false, message: error.message };
    throw error;
  }
}

function fromJson(data: unknown): Lockfile {
  if (!isJsonObject(data)) throw new LockfileShapeError('the lockfile is not a JSON object');
  const version = data.lockfileVersion;
  if (version === undefined) throw new LockfileShapeError('missing "lockfileVersion"');
  if (version === 1) {
    const dependencies = optionalObject(data, 'dependencies', 'lockfile');
    return { lockfileVersion: 1, entries: entriesFromV1Dependencies(dependencies) };
  }
  if (version !== 2 && version !== 3) {
    throw new LockfileShapeError(`unsupported lockfileVersion ${JSON.stringify(version)}`);
  }
  return { lockfileVersion: version, entries: entriesFromPackagesField(data, version) };
}

function entriesFromPackagesField(data: JsonObject, version: 2 | 3): Map<string, LockEntry> {
  const packages = data.packages;
  if (packages === undefined) {
    throw new LockfileShapeError(`missing "packages" (required by lockfileVersion ${version})`);
  }
  if (!isJsonObject(packages)) throw new LockfileShapeError('"packages": expected an object');
  return entriesFromPackages(packages);
}

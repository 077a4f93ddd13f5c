import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseJsonc } from './jsonc.ts';

/** What a generated config must carry over from the repository's config by hand. */
export interface RepoConfigFacts {
  /** The chain's `paths`, values made absolute (as TypeScript resolves them). */
  readonly paths: Readonly<Record<string, readonly string[]>>;
  /** Whether the chain sets `typeRoots` (then it is inherited, resolved where written). */
  readonly hasTypeRoots: boolean;
}

const none: RepoConfigFacts = { paths: {}, hasTypeRoots: false };

/**
 * Reads `configFile` and the configs it extends by relative or absolute path (the last
 * of an `extends` array; package configs such as `@tsconfig/node20` are not read): the
 * `paths` in force, relative to `baseUrl` or else to the config that declares them. A
 * generated config that sets its own `paths` replaces these, so it must merge them.
 * An unreadable config gives nothing: the checker itself will report it.
 */
export function readRepoConfig(configFile: string): RepoConfigFacts {
  let paths: { values: Record<string, unknown>; dir: string } | undefined;
  let baseUrl: string | undefined;
  let hasTypeRoots = false;
  const seen = new Set<string>();
  for (let file: string | undefined = configFile; file !== undefined && !seen.has(file); ) {
    seen.add(file);
    const config = readConfig(file);
    if (config === undefined) break;
    const options = objectOr(config.compilerOptions);
    const dir = dirname(file);
    if (paths === undefined && isObject(options.paths)) paths = { values: options.paths, dir };
    if (baseUrl === undefined && typeof options.baseUrl === 'string') {
      baseUrl = resolve(dir, options.baseUrl);
    }
    hasTypeRoots ||= options.typeRoots !== undefined;
    const parent = Array.isArray(config.extends) ? config.extends.at(-1) : config.extends;
    file =
      typeof parent === 'string' && isPathLike(parent) ? withJson(resolve(dir, parent)) : undefined;
  }
  if (paths === undefined) return { ...none, hasTypeRoots };
  const base = baseUrl ?? paths.dir;
  const absolute: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(paths.values)) {
    if (!Array.isArray(values)) continue;
    absolute[key] = values.filter((v) => typeof v === 'string').map((v) => resolve(base, v));
  }
  return { paths: absolute, hasTypeRoots };
}

function readConfig(file: string): Record<string, unknown> | undefined {
  try {
    const config = parseJsonc(readFileSync(file, 'utf8'));
    return isObject(config) ? config : undefined;
  } catch {
    return undefined;
  }
}

function isPathLike(specifier: string): boolean {
  return specifier.startsWith('.') || isAbsolute(specifier);
}

function withJson(path: string): string {
  return path.endsWith('.json') ? path : `${path}.json`;
}

function objectOr(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

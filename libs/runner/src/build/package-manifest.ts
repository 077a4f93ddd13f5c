import { repoPath } from './repo-paths.ts';
import { isTypeScriptSource } from './source-files.ts';
import type { ExportPattern } from './workspace-package.ts';

/** What a package.json says about a package's sources; paths are repo-relative. */
export interface ManifestSources {
  readonly name: string | undefined;
  /** The `.` export, `main` or `module`, when it is a TypeScript source. */
  readonly entry: string | undefined;
  readonly hasExports: boolean;
  readonly subpaths: ReadonlyMap<string, string>;
  readonly patterns: readonly ExportPattern[];
}

// Conditions whose target may be a source file; `types` points at declarations.
const sourceConditions = new Set([
  'source',
  'development',
  'import',
  'module',
  'node',
  'default',
  'require',
]);

/**
 * Reads a parsed package.json at folder `dir`. Returns a problem message when it is not
 * a manifest (not an object, a name that is not a string).
 */
export function manifestSources(dir: string, manifest: unknown): ManifestSources | string {
  if (!isObject(manifest)) return 'package.json is not a JSON object';
  const { name, exports, main, module } = manifest;
  if (name !== undefined && typeof name !== 'string') return '"name" is not a string';
  const subpaths = new Map<string, string>();
  const patterns: ExportPattern[] = [];
  let entry: string | undefined;
  if (exports !== undefined && exports !== null) {
    for (const [key, value] of exportEntries(exports)) {
      const file = sourceTarget(dir, value);
      if (file === undefined) continue;
      if (key === '.') entry = file;
      else if (key.includes('*')) {
        if (file.includes('*')) patterns.push(pattern(key, file));
      } else subpaths.set(key, file);
    }
  }
  for (const field of [main, module]) {
    if (entry === undefined && typeof field === 'string') entry = sourceFile(dir, field);
  }
  return {
    name: name === undefined || name === '' ? undefined : name,
    entry,
    hasExports: exports !== undefined && exports !== null,
    subpaths,
    // Node matches the longest prefix first.
    patterns: patterns.sort((a, b) => b.prefix.length - a.prefix.length),
  };
}

/** `exports` as `[subpath, value]`: a bare string or condition object means `.`. */
function exportEntries(exports: unknown): [string, unknown][] {
  if (!isObject(exports)) return [['.', exports]];
  const keys = Object.keys(exports);
  if (keys.length > 0 && keys.every((key) => key.startsWith('.'))) return Object.entries(exports);
  return [['.', exports]];
}

/** The first source file among a target's strings, arrays and source conditions. */
function sourceTarget(dir: string, value: unknown): string | undefined {
  if (typeof value === 'string') return sourceFile(dir, value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const file = sourceTarget(dir, item);
      if (file !== undefined) return file;
    }
    return undefined;
  }
  if (!isObject(value)) return undefined;
  for (const [condition, nested] of Object.entries(value)) {
    if (!sourceConditions.has(condition)) continue;
    const file = sourceTarget(dir, nested);
    if (file !== undefined) return file;
  }
  return undefined;
}

function sourceFile(dir: string, path: string): string | undefined {
  const file = repoPath(dir, path);
  if (file === undefined || !file.startsWith(dir === '' ? '' : `${dir}/`)) return undefined;
  return isTypeScriptSource(file) ? file : undefined;
}

function pattern(key: string, file: string): ExportPattern {
  const star = key.indexOf('*');
  return { prefix: key.slice(0, star), suffix: key.slice(star + 1), file };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

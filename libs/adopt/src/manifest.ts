import type { DependencyField } from './types.ts';
import { isRecord } from './workspace-declaration.ts';

/** What `init` reads from a package's package.json. */
export interface PackageManifest {
  readonly name: string | undefined;
  /** Package names per field, in field order. */
  readonly dependencies: readonly { readonly name: string; readonly field: DependencyField }[];
  readonly hasBin: boolean;
  /** Paths the manifest names as the package's code (exports, main, module, bin), relative. */
  readonly entryCandidates: readonly string[];
  /** Its `scripts.test`, undefined when none. */
  readonly testScript: string | undefined;
  /** Whether it holds jest's configuration (a `jest` key). */
  readonly jestKey: boolean;
}

const dependencyFields: readonly DependencyField[] = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
];

/** The manifest of a package, or a message saying why it cannot be read. */
export function readManifest(text: string): PackageManifest | string {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    return `is not valid JSON: ${(error as Error).message}`;
  }
  if (!isRecord(manifest)) return 'is not a JSON object';
  const dependencies: { name: string; field: DependencyField }[] = [];
  for (const field of dependencyFields) {
    const listed = manifest[field];
    if (!isRecord(listed)) continue;
    for (const name of Object.keys(listed)) dependencies.push({ name, field });
  }
  const bin = manifest.bin;
  const hasBin =
    (typeof bin === 'string' && bin !== '') || (isRecord(bin) && Object.keys(bin).length > 0);
  const scripts = manifest.scripts;
  const testScript = isRecord(scripts) ? scripts.test : undefined;
  return {
    name: typeof manifest.name === 'string' && manifest.name !== '' ? manifest.name : undefined,
    testScript: typeof testScript === 'string' ? testScript : undefined,
    jestKey: manifest.jest !== undefined,
    dependencies,
    hasBin,
    entryCandidates: [
      ...exportPaths(manifest.exports),
      ...[manifest.main, manifest.module].filter((path) => typeof path === 'string'),
      ...(typeof bin === 'string' ? [bin] : isRecord(bin) ? Object.values(bin) : []).filter(
        (path): path is string => typeof path === 'string',
      ),
    ].map((path) => path.replace(/^\.\//, '')),
  };
}

/** The paths of `exports` for `.`: a string, or its conditions' strings in order. */
function exportPaths(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (!isRecord(exports)) return [];
  const root = '.' in exports ? exports['.'] : exports;
  if (typeof root === 'string') return [root];
  if (!isRecord(root)) return [];
  return Object.values(root).filter((path): path is string => typeof path === 'string');
}

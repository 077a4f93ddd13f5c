import { importedPackages } from './imports/index.ts';
import {
  type Lockfile,
  type LockfileParse,
  possiblyChangedPackages,
  readLockfile,
  resolvePackage,
  type WorkspaceManifests,
} from './lockfile/index.ts';

export { emptyLockfile } from './lockfile/index.ts';

/** A file at head whose import of `package` resolves differently than at base. */
export interface LockfileImporter {
  readonly path: string;
  readonly package: string;
  readonly from: string | null;
  readonly to: string | null;
}

export type LockfileImpact =
  | { readonly kind: 'unparsable'; readonly message: string }
  | { readonly kind: 'changed'; readonly importers: readonly LockfileImporter[] };

/** What the shell must find before the impact can be computed: files importing these. */
export type LockfilePlan =
  | { readonly kind: 'unparsable'; readonly message: string }
  | {
      readonly kind: 'candidates';
      readonly packages: ReadonlySet<string>;
      readonly base: Lockfile;
      readonly head: Lockfile;
    };

export interface LockfileSides {
  /** Which lockfile (see lockfilePaths); package-lock.json when absent. */
  readonly path?: string;
  /** package.json texts by folder at base and head, for yarn classic (see readLockfile). */
  readonly baseManifests?: WorkspaceManifests | undefined;
  readonly headManifests?: WorkspaceManifests | undefined;
}

export function planLockfile(
  baseText: string | undefined,
  headText: string | undefined,
  sides: LockfileSides = {},
): LockfilePlan {
  const path = sides.path ?? 'package-lock.json';
  const base = parseSide(path, baseText, 'base', { manifests: sides.baseManifests });
  if (!base.ok) return { kind: 'unparsable', message: base.message };
  // Parsing head against base reuses the entries that did not change.
  const head = parseSide(path, headText, 'head', {
    manifests: sides.headManifests,
    previous: base.lockfile,
  });
  if (!head.ok) return { kind: 'unparsable', message: head.message };
  return planFromLockfiles(base.lockfile, head.lockfile);
}

/** planLockfile for two lockfiles already parsed (remembered from an earlier run). */
export function planFromLockfiles(
  base: Lockfile,
  head: Lockfile,
): Extract<LockfilePlan, { kind: 'candidates' }> {
  return { kind: 'candidates', packages: possiblyChangedPackages(base, head), base, head };
}

/**
 * Exact step: for each candidate file (path and content at head), the packages it
 * imports whose resolution from the file's folder differs between the lockfiles.
 */
export function lockfileImporters(
  plan: Extract<LockfilePlan, { kind: 'candidates' }>,
  files: readonly { readonly path: string; readonly content: string }[],
): LockfileImporter[] {
  const importers: LockfileImporter[] = [];
  for (const file of files) {
    const dir = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
    for (const name of importedPackages(file.content)) {
      if (!plan.packages.has(name)) continue;
      const before = resolvePackage(plan.base, dir, name);
      const after = resolvePackage(plan.head, dir, name);
      if (before?.closure === after?.closure) continue;
      importers.push({
        path: file.path,
        package: name,
        from: before?.version ?? null,
        to: after?.version ?? null,
      });
    }
  }
  return importers;
}

function parseSide(
  path: string,
  text: string | undefined,
  side: 'base' | 'head',
  options: Parameters<typeof readLockfile>[2],
): LockfileParse {
  const parsed = readLockfile(path, text, options);
  return parsed.ok ? parsed : { ok: false, message: `${side}: ${parsed.message}` };
}

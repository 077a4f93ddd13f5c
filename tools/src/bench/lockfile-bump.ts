import { type ExternalPackage, findExternal } from '../synth/externals.ts';
import type { LockfileKind, SynthTarget } from '../synth/types.ts';

export function lockfilePathOf(kind: LockfileKind): string {
  if (kind === 'npm') return 'package-lock.json';
  return kind === 'pnpm' ? 'pnpm-lock.yaml' : 'yarn.lock';
}

/** The external package the most targets import (ties: the first by name). */
export function mostImportedExternal(targets: readonly SynthTarget[]): ExternalPackage | undefined {
  const counts = new Map<string, number>();
  for (const target of targets) {
    for (const name of target.externals) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const [name] = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0] ?? [];
  return name === undefined ? undefined : findExternal(name);
}

/**
 * `pkg` pinned one patch higher, with new content, in any of the generated lockfiles:
 * each version of the catalog belongs to one package, so every pinned occurrence of
 * it is that package's, while ranges (`^2.1.3`) stay as the manifests declare them.
 */
export function bumpInLockfile(text: string, pkg: ExternalPackage): string {
  const [major, minor, patch] = pkg.version.split('.');
  const next = `${major}.${minor}.${Number(patch) + 1}`;
  const pinned = new RegExp(`(?<![\\^~\\d.])${pkg.version.replaceAll('.', '\\.')}(?!\\d)`, 'g');
  return text.replaceAll(pkg.integrity, `sha512-bench-${pkg.name}-${next}`).replace(pinned, next);
}

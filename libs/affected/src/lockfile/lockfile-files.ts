/** How a lockfile at the repository's root is read. */
export type LockfileFormat = 'npm' | 'yarn' | 'pnpm';

/**
 * The lockfiles mainline diffs semantically, at the repository's root. npm uses
 * npm-shrinkwrap.json in place of package-lock.json when both are there; each is read
 * on its own, so a repository that has both is right either way.
 */
export const lockfileFormats: ReadonlyMap<string, LockfileFormat> = new Map([
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
  ['yarn.lock', 'yarn'],
  ['pnpm-lock.yaml', 'pnpm'],
]);

export const lockfilePaths: readonly string[] = [...lockfileFormats.keys()];

/** Lockfiles of package managers whose format mainline cannot read. */
export const unreadableLockfiles: ReadonlyMap<string, string> = new Map([
  ['bun.lockb', 'bun'],
  ['bun.lock', 'bun'],
  ['deno.lock', 'deno'],
]);

export function lockfileFormatOf(path: string): LockfileFormat | undefined {
  return lockfileFormats.get(path);
}

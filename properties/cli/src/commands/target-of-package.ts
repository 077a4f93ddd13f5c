import type { GitRepo } from '@mainline/git';

/** An npm package name: `name` or `@scope/name` (a target name like `libs/ui` is not one). */
const packageName = /^(?:@[^/\s@]+\/)?[^/\s@]+$/;

/**
 * The target whose folder holds the package.json named `name` at `treeish`, so `why
 * @scope/ui` finds `libs/ui`. The manifests of the targets whose folder ends like the name
 * are read first (usually one file, in one git process); every target's only when none of
 * them is it, which is the way to an "unknown target" error anyway.
 */
export async function targetOfPackage(
  repo: GitRepo,
  treeish: string,
  name: string,
  targets: readonly string[],
): Promise<string | undefined> {
  if (!packageName.test(name)) return undefined;
  const last = name.slice(name.lastIndexOf('/') + 1);
  const likely = targets.filter((target) => target === last || target.endsWith(`/${last}`));
  const others = targets.filter((target) => !likely.includes(target));
  for (const group of [likely, others]) {
    if (group.length === 0) continue;
    const manifests = await repo.readBlobs(
      group.map((target) => `${treeish}:${target}/package.json`),
    );
    const found = group.find((target) => {
      const text = manifests.get(`${treeish}:${target}/package.json`);
      return text !== undefined && nameOf(text) === name;
    });
    if (found !== undefined) return found;
  }
  return undefined;
}

function nameOf(manifest: string): unknown {
  try {
    return (JSON.parse(manifest) as { name?: unknown } | null)?.name;
  } catch {
    return undefined; // a broken manifest names no package
  }
}

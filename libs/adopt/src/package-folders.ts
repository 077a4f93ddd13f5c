import { compileGlob, type PathTest } from '@mainline/workspace';

export interface PackageFolders {
  /** Folders holding a package.json that the workspace globs select, sorted. */
  readonly folders: readonly string[];
  /** Selected folders inside another selected one: a target name may not nest in another. */
  readonly nested: readonly { readonly folder: string; readonly inside: string }[];
}

/**
 * The package folders of a workspace: every folder of `files` holding a package.json that
 * an include glob matches and no `!` glob does, as npm, yarn and pnpm select them. The
 * files come from git, so node_modules and ignored folders never count.
 */
export function findPackageFolders(
  patterns: readonly string[],
  files: readonly string[],
): PackageFolders {
  const include: PathTest[] = [];
  const exclude: PathTest[] = [];
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const glob = normalizePattern(negated ? raw.slice(1) : raw);
    if (glob === '') continue;
    (negated ? exclude : include).push(compileGlob(glob));
  }
  const selected: string[] = [];
  for (const file of files) {
    if (!file.endsWith('/package.json')) continue;
    const folder = file.slice(0, -'/package.json'.length);
    if (folder.split('/').includes('node_modules')) continue;
    if (include.some((test) => test(folder)) && !exclude.some((test) => test(folder))) {
      selected.push(folder);
    }
  }
  selected.sort();
  const folders: string[] = [];
  const nested: { folder: string; inside: string }[] = [];
  const kept = new Set<string>();
  // Sorted, a folder's ancestors come before it.
  for (const folder of selected) {
    const inside = ancestorIn(folder, kept);
    if (inside === undefined) {
      folders.push(folder);
      kept.add(folder);
    } else nested.push({ folder, inside });
  }
  return { folders, nested };
}

/** `./packages/*\/` as `packages/*`: workspace globs name folders, relative to the root. */
function normalizePattern(pattern: string): string {
  let glob = pattern.trim().replace(/\\/g, '/');
  while (glob.startsWith('./')) glob = glob.slice(2);
  glob = glob.replace(/\/+$/, '').replace(/\/package\.json$/, '');
  return glob === '.' ? '' : glob;
}

function ancestorIn(folder: string, folders: ReadonlySet<string>): string | undefined {
  for (let slash = folder.indexOf('/'); slash !== -1; slash = folder.indexOf('/', slash + 1)) {
    const ancestor = folder.slice(0, slash);
    if (folders.has(ancestor)) return ancestor;
  }
  return undefined;
}

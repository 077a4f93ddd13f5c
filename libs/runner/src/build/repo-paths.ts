import { posix } from 'node:path';

/**
 * `path` (relative, `/` separators) joined to the repo-relative folder `dir` and
 * normalized, or undefined when it leaves the repository or is absolute.
 */
export function repoPath(dir: string, path: string): string | undefined {
  if (path.startsWith('/')) return undefined;
  const joined = posix.normalize(dir === '' ? path : `${dir}/${path}`);
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

/**
 * The folder a target's outputs are laid out from: its name when it holds every file,
 * else their common folder (`.` for the root).
 */
export function targetFolder(name: string, files: readonly string[]): string {
  if (files.every((file) => file.startsWith(`${name}/`))) return name;
  let common = posix.dirname(files[0] ?? '');
  for (const file of files) {
    while (common !== '.' && !file.startsWith(`${common}/`)) common = posix.dirname(common);
  }
  return common;
}

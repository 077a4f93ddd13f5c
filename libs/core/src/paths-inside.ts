import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { MainlineError } from './errors.ts';

/** Whether `path` is strictly inside `folder` (not the folder itself), once both are resolved. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
}

/**
 * `folder/name` for a name that input gave (a target name): only a relative path in
 * canonical form, `/`-separated, names something strictly inside `folder` and nothing
 * else under another spelling. `''`, `.`, `..`, `/abs`, `a//b`, `a/./b`, `a/../b`, `a/`
 * and names with a NUL or a backslash throw `unsafePath`: checked before anything is
 * written, renamed or deleted there, whatever checked the name before.
 */
export function childPath(folder: string, name: string, what: string): string {
  const problem = nameProblem(name);
  const path = problem === undefined ? join(folder, name) : undefined;
  if (path === undefined || !(continues(folder, path) || isInside(folder, path))) {
    throw new MainlineError(
      'unsafePath',
      `${what} '${name}' would not be a path inside ${folder} (${problem ?? 'it leaves it'})`,
      { hint: 'rename it: a relative path of plain folder names separated by /' },
    );
  }
  return path;
}

/**
 * A sufficient test for isInside without resolving both paths (a run checks 1,000 target
 * folders): `path`, which join normalized, goes on from the normalized folder past a `/`.
 */
function continues(folder: string, path: string): boolean {
  const prefix = join(folder, sep);
  return path.length > prefix.length && path.startsWith(prefix);
}

function nameProblem(name: string): string | undefined {
  if (name === '') return 'empty';
  if (name.includes('\0')) return 'a NUL character';
  if (name.includes('\\')) return 'a backslash';
  if (isAbsolute(name)) return 'absolute';
  for (const segment of name.split('/')) {
    if (segment === '') return 'an empty segment';
    if (segment === '.' || segment === '..') return `a '${segment}' segment`;
  }
  return undefined;
}

/** Throws `unsafePath` unless `path` is strictly inside `folder`: guards every deletion. */
export function assertInside(folder: string, path: string, doing: string): void {
  if (isInside(folder, path)) return;
  throw new MainlineError('unsafePath', `refused to ${doing} ${path}: it is not inside ${folder}`, {
    hint: 'mainline only changes its state folder and the scratch folders it made; this is a bug, please report it',
  });
}

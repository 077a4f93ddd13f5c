import { lstatSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { assertInside } from './paths-inside.ts';

/**
 * The only file operations that delete or move what mainline keeps: every deletion is
 * checked to stay strictly inside the folder it belongs to (the state folder, or a
 * scratch folder mainline made), and damaged state is moved aside, never deleted.
 */

/** Deletes `path` (a folder with its content), only when it is strictly inside `folder`. */
export function removeInside(
  folder: string,
  path: string,
  options: { readonly recursive?: boolean; readonly force?: boolean } = {},
): void {
  assertInside(folder, path, 'delete');
  rmSync(path, { recursive: options.recursive ?? true, force: options.force ?? true });
}

/**
 * Renames `path` to `asideName(path)` beside it, so what was there is kept for a look and
 * out of the way. Returns the new path.
 */
export function moveAside(path: string, at: Date = new Date()): string {
  const aside = asideName(path, at);
  renameSync(path, aside);
  return aside;
}

/** `<path>.damaged-<UTC time>`, with `-1`, `-2`... when taken: never an earlier copy. */
export function asideName(path: string, at: Date = new Date()): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  for (let n = 0; ; n++) {
    const aside = `${path}.damaged-${stamp}${n === 0 ? '' : `-${n}`}`;
    if (lstatSync(aside, { throwIfNoEntry: false }) === undefined) return aside;
  }
}

/** What `makeFolder` moved out of the way: `from` was not a folder, it is now `to`. */
export interface MovedAside {
  readonly from: string;
  readonly to: string;
}

/**
 * Creates `folder` and its parents. When that fails because something that is not a
 * folder stands in the way strictly below `base` (a file, a link to a file, a dangling
 * link), that is moved aside (`moveAside`) and the folder made: nothing is checked up
 * front, so an existing folder costs one mkdir. A link to a folder is a folder. Returns
 * what was moved (usually nothing); throws what mkdir threw when nothing was in the way,
 * and `unsafePath` for a folder not strictly inside `base`.
 */
export function makeFolder(base: string, folder: string): MovedAside[] {
  assertInside(base, folder, 'create');
  try {
    mkdirSync(folder, { recursive: true });
    return [];
  } catch (error) {
    let moved: MovedAside[] = [];
    try {
      moved = clearTheWay(base, folder);
    } catch {
      // What mkdir said is the clearer message.
    }
    if (moved.length === 0) throw error;
    mkdirSync(folder, { recursive: true });
    return moved;
  }
}

function clearTheWay(base: string, folder: string): MovedAside[] {
  const moved: MovedAside[] = [];
  let path = base;
  for (const part of relative(base, folder).split(sep)) {
    path = join(path, part);
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) continue;
    if (lstatSync(path, { throwIfNoEntry: false }) === undefined) break; // absent: mkdir makes it
    const to = moveAside(path);
    // Another process may have replaced it with a folder meanwhile: that one stays.
    if (lstatSync(to).isDirectory()) {
      putBack(to, path);
      continue;
    }
    moved.push({ from: path, to });
    break;
  }
  return moved;
}

function putBack(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    // Someone made the folder again meanwhile: theirs stands, the copy stays aside.
  }
}

import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { isAbsolute, posix, resolve } from 'node:path';

/** One symbolic link met on the way to a file: where it is and what it says. */
export interface LinkHop {
  /** The link, repo-relative. */
  readonly link: string;
  /** Its text, as `readlink` gives it and git stores it. */
  readonly text: string;
}

/** Where a repo-relative path leads on disk, link by link. */
export type LinkResolution =
  /** No link on the way (the file may not exist). */
  | { readonly kind: 'plain' }
  /** Through links that all stay inside the repository, to `real` (repo-relative). */
  | {
      readonly kind: 'inside';
      readonly hops: readonly LinkHop[];
      readonly real: string;
      readonly exists: boolean;
      readonly folder: boolean;
    }
  /**
   * Out of the repository: through the last of `hops` (to `target`, absolute), or with no
   * hop when the path itself leaves it (`../x`).
   */
  | { readonly kind: 'outside'; readonly hops: readonly LinkHop[]; readonly target: string }
  /** Links that lead to each other without end. */
  | { readonly kind: 'loop'; readonly hops: readonly LinkHop[] };

/** As Linux gives up with ELOOP. */
const maxHops = 40;

/**
 * Follows `path` (repo-relative, `/` separators) from `root` the way the file system
 * does, one component at a time, so a link to a folder and a chain of links are seen as
 * well as a link to a file; `..` goes up from where a link really is. The first step out
 * of the repository ends the walk, wherever the chain would end: a link outside could be
 * pointed anywhere without any change git sees. Reads only link texts, never a file.
 */
export function resolveLinks(root: string, path: string): LinkResolution {
  const base = realpathSync(root);
  const hops: LinkHop[] = [];
  const done: string[] = [];
  const pending = path.split('/');
  const outside = (): LinkResolution => {
    const last = hops.at(-1);
    const target = last ? resolve(base, posix.dirname(last.link), last.text) : resolve(base, path);
    return { kind: 'outside', hops, target };
  };
  let folder = false;
  for (let part = pending.shift(); part !== undefined; part = pending.shift()) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (done.length === 0) return outside();
      done.pop();
      continue;
    }
    const here = [...done, part].join('/');
    const stat = lstatSync(`${base}/${here}`, { throwIfNoEntry: false });
    const isFile = stat !== undefined && !stat.isDirectory() && !stat.isSymbolicLink();
    if (stat === undefined || (isFile && pending.some((p) => p !== ''))) {
      if (hops.length === 0) return { kind: 'plain' };
      const real = posix.normalize([here, ...pending].join('/')).replace(/\/$/, '');
      return { kind: 'inside', hops, real, exists: false, folder: false };
    }
    if (!stat.isSymbolicLink()) {
      done.push(part);
      folder = !isFile;
      continue;
    }
    if (hops.length === maxHops) return { kind: 'loop', hops };
    const text = readlinkSync(`${base}/${here}`);
    hops.push({ link: here, text });
    if (isAbsolute(text)) {
      const inner = insideRoot(root, base, text);
      if (inner === undefined) return outside();
      done.length = 0;
      pending.unshift(...inner.split('/'));
    } else {
      pending.unshift(...text.split('/'));
    }
  }
  if (hops.length === 0) return { kind: 'plain' };
  return { kind: 'inside', hops, real: done.join('/'), exists: true, folder };
}

/** Whether and where `path` leads out of the repository through a link (or by itself). */
export interface LinkEscape {
  /** The path asked about. */
  readonly path: string;
  /** The links on the way, the last one leading out; empty when the path itself does. */
  readonly hops: readonly LinkHop[];
  /** Where it leads, absolute. */
  readonly target: string;
}

/**
 * Where `path` (repo-relative) leaves the repository through a symbolic link (or by
 * itself), or undefined when it stays inside, loops or leads to nothing (then nothing
 * outside is read either). resolveLinks's yes-or-no form, for a caller that refuses only
 * ways out; linkProblem is the whole rule.
 */
export function findLinkEscape(root: string, path: string): LinkEscape | undefined {
  const resolution = resolveLinks(root, path);
  if (resolution.kind !== 'outside') return undefined;
  return { path, hops: resolution.hops, target: resolution.target };
}

/**
 * An absolute link text that names a place in the repository, as a repo-relative path
 * (`''` for the root), through the root as given or its real path; else undefined.
 */
function insideRoot(root: string, base: string, text: string): string | undefined {
  for (const prefix of new Set([resolve(root), base])) {
    // Not normalised: a `..` after a link goes up from where that link points.
    if (text === prefix) return '';
    if (text.startsWith(`${prefix}/`)) return text.slice(prefix.length + 1);
  }
  return undefined;
}

import { globSpecial } from './glob-syntax.ts';
/** Fails for nearly every glob: only the globs it matches can have a fault. */
export const suspiciousGlob = /^$|^\/|^[A-Za-z]:|\\|^!|(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * What is wrong with a glob written in BUILD.json, if anything. Globs are matched against
 * repository-relative paths with `/` separators, as git prints them, so anything else could
 * only match nothing (or, with `..`, something outside the repository).
 */
export function globFault(
  glob: string,
): { readonly fault: string; readonly hint: string } | undefined {
  if (!suspiciousGlob.test(glob)) return undefined;
  if (glob === '') return { fault: 'is empty', hint: 'remove it' };
  if (glob.startsWith('/') || /^[A-Za-z]:/.test(glob)) {
    return {
      fault: 'is absolute',
      hint: `globs are relative to the repository root: write '${glob.replace(/^(?:[A-Za-z]:)?\/+/, '')}'`,
    };
  }
  if (glob.includes('\\')) {
    return {
      fault: "contains '\\'",
      hint: `use / as the path separator: '${glob.replace(/\\/g, '/')}'`,
    };
  }
  const segments = glob.split('/');
  if (segments.includes('..')) {
    return {
      fault: "escapes the repository with '..'",
      hint: 'globs must stay inside the repository',
    };
  }
  if (glob.startsWith('!')) {
    return {
      fault: 'is negated, which is not supported',
      hint: 'a file belongs to a list when any glob matches it: narrow the other globs instead',
    };
  }
  if (segments.includes('.') || segments.includes('')) {
    const clean = segments.filter((s) => s !== '.' && s !== '').join('/');
    return {
      fault: "is not a normalized path (it has './', '//' or a trailing '/')",
      hint: glob.endsWith('/')
        ? `to match a folder's files write '${clean}/**'`
        : `write '${clean}'`,
    };
  }
  return undefined;
}

/** A plain path (no glob syntax at all) matches exactly itself. */
export function isPlainPath(glob: string): boolean {
  return !globSpecial.test(glob);
}

import { globSpecial } from './glob-syntax.ts';
import { shown } from './problem.ts';

/**
 * Fails for nearly every glob: only the globs it matches (and those longer than
 * `maxGlobLength`) can have a fault. Besides malformed paths, it catches what makes matching
 * slow: picomatch turns a glob into a regular expression, and each `*` in it can multiply
 * the backtracking (`*a*a*a*a*a*a*a*a*c` takes 3 s to reject a 40-character name; an
 * extglob like `*(a*)c`, 37 s).
 */
export const suspiciousGlob =
  /^$|^\/|^[A-Za-z]:|\\|^!|(?:^|\/)\.{0,2}(?:\/|$)|\(|\*[^*]*\*[^*]*\*[^*]*\*[^*]*\*/;

/** Longer globs cost too much to compile (picomatch refuses 65,536 characters). */
export const maxGlobLength = 1000;
// Runs of `*` (a `**` is one): 4 allow `libs/**` + `/src/**` + `/*.test.*`.
export const maxWildcards = 4;

/**
 * What is wrong with a glob written in BUILD.json, if anything. Globs are matched against
 * repository-relative paths with `/` separators, as git prints them, so anything else could
 * only match nothing (or, with `..`, something outside the repository).
 */
export function globFault(
  glob: string,
  options: { readonly negation?: boolean } = {},
): { readonly fault: string; readonly hint: string } | undefined {
  if (glob.length <= maxGlobLength && !suspiciousGlob.test(glob)) return undefined;
  if (glob === '') return { fault: 'is empty', hint: 'remove it' };
  if (glob.startsWith('!') && glob.length <= maxGlobLength) return negationFault(glob, options);
  if (glob.length > maxGlobLength) {
    return {
      fault: `is ${glob.length.toLocaleString('en-US')} characters long (at most ${maxGlobLength})`,
      hint: 'split it into shorter globs',
    };
  }
  if (glob.startsWith('/') || /^[A-Za-z]:/.test(glob)) {
    return {
      fault: 'is absolute',
      hint: `globs are relative to the repository root: write ${shown(glob.replace(/^(?:[A-Za-z]:)?\/+/, ''))}`,
    };
  }
  if (glob.includes('\\')) {
    return {
      fault: "contains '\\'",
      hint: `use / as the path separator: ${shown(glob.replace(/\\/g, '/'))}`,
    };
  }
  const segments = glob.split('/');
  if (segments.includes('..')) {
    return {
      fault: "escapes the repository with '..'",
      hint: 'globs must stay inside the repository',
    };
  }
  if (segments.includes('.') || segments.includes('')) {
    const clean = segments.filter((s) => s !== '.' && s !== '').join('/');
    return {
      fault: "is not a normalized path (it has './', '//' or a trailing '/')",
      hint: glob.endsWith('/')
        ? `to match a folder's files write ${shown(`${clean}/**`)}`
        : `write ${shown(clean)}`,
    };
  }
  if (/[*+?@!]\(/.test(glob)) {
    return {
      fault:
        "uses extglob syntax ('*(', '+(', '?(', '@(' or '!('), whose matching can take exponential time",
      hint: "use braces for alternatives, e.g. 'src/*.{ts,tsx}'",
    };
  }
  const wildcards = glob.match(/\*+/g)?.length ?? 0;
  if (wildcards > maxWildcards) {
    return {
      fault: `has ${wildcards} wildcards (at most ${maxWildcards}: each one multiplies the cost of matching)`,
      hint: 'narrow it with literal folders, or split it into several globs',
    };
  }
  return undefined;
}

/**
 * A negation (`!pattern`, see glob-list.ts) takes back what earlier globs of a `srcs` or
 * `tests` list matched: its pattern is held to the rules of any glob. `globalInputs` is a
 * plain union, and `!!x` would only confuse.
 */
function negationFault(
  glob: string,
  options: { readonly negation?: boolean },
): { readonly fault: string; readonly hint: string } | undefined {
  if (options.negation !== true) {
    return {
      fault: 'is negated, which only srcs and tests accept',
      hint: 'list the files you mean, or narrow the other globs',
    };
  }
  const pattern = glob.slice(1);
  if (pattern.startsWith('!')) return { fault: "negates twice ('!!')", hint: "write one '!'" };
  if (pattern === '')
    return { fault: "is a '!' alone", hint: "write the files to take back after the '!'" };
  return globFault(pattern);
}

/** A plain path (no glob syntax at all) matches exactly itself. */
export function isPlainPath(glob: string): boolean {
  return !globSpecial.test(glob);
}

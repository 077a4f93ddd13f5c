import { literalFolder, mayMatch } from './glob-prefilter.ts';
import { globSpecial } from './glob-syntax.ts';

/**
 * A list of globs (a target's `srcs` or `tests`) read like .gitignore or Turborepo's
 * inputs: a path is in the list when the last glob that matches it is a positive one. A
 * glob starting with `!` takes back what the globs before it matched
 * (`["src/**", "!src/**\/*.test.ts"]`); a positive glob after it can add some back.
 */

/** Whether `glob` is a negation (`!pattern`). */
export function isNegated(glob: string): boolean {
  return glob.charCodeAt(0) === 33; // '!'
}

/** Whether any glob of `list` is a negation: only such lists need reading in order. */
export function hasNegation(list: readonly string[]): boolean {
  for (let i = 0; i < list.length; i++) if (isNegated(list[i] as string)) return true;
  return false;
}

/**
 * Whether `list` holds a path, given which of its patterns match the path (`matches` is
 * asked about the pattern, without the `!` of a negation, and given the glob as written).
 * Read from the end: the last glob that matches decides, so a list without negations
 * stops at its first match there.
 */
export function listHolds(
  list: readonly string[],
  matches: (pattern: string, glob: string) => boolean,
): boolean {
  for (let i = list.length - 1; i >= 0; i--) {
    const glob = list[i] as string;
    if (isNegated(glob)) {
      if (matches(glob.slice(1), glob)) return false;
    } else if (glob !== '' && matches(glob, glob)) {
      return true;
    }
  }
  return false;
}

/**
 * Whether two globs (either may be a negation) can match one same file. A cheap, sure "no"
 * that needs no file and compiles nothing: a plain path must pass the other glob's
 * prefilter (`libs/a/package.json` never meets `libs/a/test/**`), and otherwise the literal
 * folder of one must hold the other's (`libs/a/test/**` never meets `libs/a/src/**`).
 */
export function mayShareFiles(a: string, b: string): boolean {
  const first = isNegated(a) ? a.slice(1) : a;
  const second = isNegated(b) ? b.slice(1) : b;
  if (!globSpecial.test(first)) return mayMatch(second, first);
  if (!globSpecial.test(second)) return mayMatch(first, second);
  const x = literalFolder(first);
  const y = literalFolder(second);
  if (x === '' || y === '' || x === y) return true;
  return x.length < y.length ? y.startsWith(`${x}/`) : x.startsWith(`${y}/`);
}

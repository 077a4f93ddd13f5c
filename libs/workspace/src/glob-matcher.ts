import picomatch from 'picomatch';
import { globSpecial, oddSegment } from './glob-syntax.ts';

/** Dotfiles are files like any other; paths always use `/`, whatever the platform. */
const options = { dot: true, windows: false } as const;

export type PathTest = (path: string) => boolean;

/**
 * A matcher that agrees with picomatch(glob, { dot: true }). The two shapes nearly every
 * BUILD.json uses, a plain path and `folder/**`, are string comparisons: compiling them
 * with picomatch cost `affected` more than the rest of its matching.
 */
export function compileGlob(glob: string): PathTest {
  if (!oddSegment.test(glob)) {
    if (!globSpecial.test(glob)) return (path) => path === glob;
    const base = glob.slice(0, -'/**'.length);
    if (glob.endsWith('/**') && !globSpecial.test(base)) {
      const folder = `${base}/`;
      let picomatchTest: PathTest | undefined;
      // Paths with odd segments ('.', '..', '//') are left to picomatch's own rules.
      return (path) => {
        if (!oddSegment.test(path)) return path === base || path.startsWith(folder);
        picomatchTest ??= safePicomatch(glob);
        return picomatchTest(path);
      };
    }
  }
  return safePicomatch(glob);
}

/** Each glob compiled once per cache: matchers are shared by every target listing the glob. */
export function cachedGlob(cache: Map<string, PathTest>, glob: string): PathTest {
  let test = cache.get(glob);
  if (test === undefined) {
    test = compileGlob(glob);
    cache.set(glob, test);
  }
  return test;
}

/**
 * picomatch throws on globs it cannot compile (over 65,536 characters, a regular
 * expression too large): such a glob matches nothing. Checks refuse them with a message
 * first; this only keeps a glob that slipped through from crashing a command.
 */
function safePicomatch(glob: string): PathTest {
  try {
    return picomatch(glob, options);
  } catch {
    return () => false;
  }
}

/** Whether compileGlob matches `glob` by comparing strings (no regular expression). */
export function comparesStrings(glob: string): boolean {
  if (oddSegment.test(glob)) return false;
  if (!globSpecial.test(glob)) return true;
  return glob.endsWith('/**') && !globSpecial.test(glob.slice(0, -'/**'.length));
}

/** The folder every match of `glob` lies in, as picomatch reads it ('' when it can be anywhere). */
export function scannedBase(glob: string): string {
  const scan = picomatch.scan(glob);
  return scan.negated ? '' : scan.base;
}

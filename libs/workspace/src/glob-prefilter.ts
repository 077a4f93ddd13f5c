import { isGlobSpecial, oddSegment } from './glob-syntax.ts';

/**
 * A cheap necessary condition for `glob` to match `path`, run against every glob of a
 * large workspace for each changed file: the glob's literal start (before its first
 * special character) must not contradict the path. A literal mismatch rules the glob out,
 * unless the glob has segments picomatch would normalize (`./a`, `a//b`, `/a`), which
 * stay candidates so the answer is exact. No allocation, no regex.
 */
export function mayMatch(glob: string, path: string): boolean {
  const length = Math.min(glob.length, path.length);
  let i = 0;
  for (; i < length; i++) {
    const code = glob.charCodeAt(i);
    if (isGlobSpecial(code) || code !== path.charCodeAt(i)) break;
  }
  if (i === length) return endsLike(glob, path); // one is a prefix of the other (`a/**` matches `a`)
  const code = glob.charCodeAt(i);
  if (isGlobSpecial(code)) return endsLike(glob, path);
  return isOdd(glob);
}

/** Globs picomatch normalizes (`/a`, `a//b`, `a/./b`, `./a`): always candidates, to stay exact. */
function isOdd(glob: string): boolean {
  return (
    glob.charCodeAt(0) === 47 || glob.includes('//') || glob.includes('/.') || glob.startsWith('./')
  );
}

/**
 * Another cheap necessary condition: the literal end of the glob's last segment (after its
 * last special character) must end the path: a glob ending in `*.none7` never matches
 * `src/index.ts`, so it is never compiled for it. A BUILD.json of 10,000 such globs cost
 * a second of compiling for each file asked about. No allocation, no regex.
 */
export function endsLike(glob: string, path: string): boolean {
  let p = path.length - 1;
  for (let g = glob.length - 1; g >= 0; g--, p--) {
    const code = glob.charCodeAt(g);
    if (code === 47 || isGlobSpecial(code)) return true;
    if (code !== path.charCodeAt(p)) return isOdd(glob);
  }
  return true;
}

/**
 * The literal folders every match of `glob` lies in: the part before the last '/' that
 * precedes its first special character ('' when there is none). A path matching `glob`
 * starts with that folder followed by '/' (or is that folder, for `a/**`). Globs whose
 * literal part picomatch would normalize (`./a`, `a//b`, `/a`) get '', to stay exact.
 */
export function literalFolder(glob: string): string {
  let first = 0;
  while (first < glob.length && !isGlobSpecial(glob.charCodeAt(first))) first++;
  const folder = glob.slice(0, Math.max(0, glob.lastIndexOf('/', first - 1)));
  if (folder === '' || glob.charCodeAt(0) === 47 || oddSegment.test(folder)) return '';
  return folder;
}

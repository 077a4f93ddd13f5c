import { isGlobSpecial } from './glob-syntax.ts';

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
  if (i === length) return true; // one is a prefix of the other (`a/**` matches `a`)
  const code = glob.charCodeAt(i);
  if (isGlobSpecial(code)) return true;
  return (
    glob.charCodeAt(0) === 47 || glob.includes('//') || glob.includes('/.') || glob.startsWith('./')
  );
}

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
  if (i === length) return true; // one is a prefix of the other (`a/**` matches `a`)
  const code = glob.charCodeAt(i);
  if (isGlobSpecial(code)) return true;
  return (
    glob.charCodeAt(0) === 47 || glob.includes('//') || glob.includes('/.') || glob.startsWith('./')
  );
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

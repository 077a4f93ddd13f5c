/**
 * Why `path` may not name a cached output, or undefined when it may: it must be relative,
 * with `/` separators, in canonical form, and stay inside its folder. Backslashes are
 * refused too (a separator on Windows), so manifests mean the same everywhere.
 */
export function outputPathProblem(path: string): string | undefined {
  if (path.length === 0) return 'an empty path';
  if (path.includes('\0')) return `'${path}' contains a NUL character`;
  if (path.includes('\\')) return `'${path}' contains a backslash; use '/' separators`;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return `'${path}' is absolute`;
  for (const segment of path.split('/')) {
    if (segment === '..') return `'${path}' leaves its folder ('..')`;
    if (segment === '' || segment === '.') return `'${path}' is not in canonical form`;
  }
  return undefined;
}

/**
 * The first problem of a set of output paths: a bad path, the same path twice, or a path
 * that is also the folder of another (`dist` and `dist/a.js`).
 */
export function outputPathsProblem(paths: readonly string[]): string | undefined {
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const path of paths) {
    const problem = outputPathProblem(path);
    if (problem !== undefined) return problem;
    if (files.has(path)) return `'${path}' is listed twice`;
    files.add(path);
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      folders.add(path.slice(0, slash));
    }
  }
  for (const path of files) {
    if (folders.has(path)) return `'${path}' is both a file and a folder`;
  }
  return undefined;
}

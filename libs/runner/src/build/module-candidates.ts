// How a relative import without its file's exact name finds it, in the order
// TypeScript's bundler resolution and esbuild try.

const sourceForOutput: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};
const extensions = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mts', '.mjs', '.cts', '.cjs', '.json'];
const indexFiles = ['/index.ts', '/index.tsx', '/index.d.ts', '/index.js', '/index.jsx'];

/**
 * The files a module path (relative import already joined to its folder) may mean: itself,
 * the TypeScript source of a `.js` path, then with each extension, then an index file.
 */
export function moduleCandidates(path: string): string[] {
  const candidates = [path];
  const dot = path.lastIndexOf('.');
  const ext = dot > path.lastIndexOf('/') ? path.slice(dot) : '';
  for (const source of sourceForOutput[ext] ?? []) candidates.push(path.slice(0, dot) + source);
  for (const extension of extensions) candidates.push(path + extension);
  for (const index of indexFiles) candidates.push(path + index);
  return candidates;
}

/** The first candidate of `path` that exists, or undefined. */
export function resolveModulePath(
  path: string,
  exists: (path: string) => boolean,
): string | undefined {
  for (const candidate of moduleCandidates(path)) if (exists(candidate)) return candidate;
  return undefined;
}

/** A specifier without its `?query` or `#hash` (`./x.css?inline`). */
export function withoutQuery(specifier: string): string {
  const end = specifier.search(/[?#]/);
  return end < 0 ? specifier : specifier.slice(0, end);
}

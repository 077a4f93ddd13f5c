const typescript = /\.(?:[cm]?ts|tsx)$/;
const fallbacks = ['src/index.ts', 'src/main.ts', 'src/index.tsx', 'index.ts'];

/**
 * The bundle entry of a property: the first TypeScript file its manifest names (exports,
 * main, module, bin) that is in the repository, else `src/index.ts` or `src/main.ts`.
 * A JavaScript path is passed over: it usually names a build output (`dist/index.js`),
 * which a bundle from sources must not start from. Undefined when none exists.
 */
export function findEntry(
  folder: string,
  candidates: readonly string[],
  files: ReadonlySet<string>,
): string | undefined {
  for (const candidate of [
    ...candidates.filter((path) => typescript.test(path) && !path.endsWith('.d.ts')),
    ...fallbacks,
  ]) {
    const path = `${folder}/${candidate}`;
    if (files.has(path)) return path;
  }
  return undefined;
}

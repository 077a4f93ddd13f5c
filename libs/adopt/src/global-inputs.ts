/**
 * Root files that every package's build or tests read: TypeScript's configuration (each
 * package's tsconfig extends it), the test runners' and transpilers' configurations, and
 * the Node version pins. Lint and format settings are left out: they change no output.
 */
const rootConfiguration =
  /^(?:tsconfig[^/]*\.json|(?:vitest|vite|jest|babel)(?:\.[\w-]+)?\.(?:config|workspace)\.[cm]?[jt]s(?:on)?|\.babelrc(?:\.json|\.js)?|\.swcrc|\.nvmrc|\.node-version)$/;

/** The root configuration files among `files`, sorted. */
export function findGlobalInputs(files: readonly string[]): string[] {
  return files.filter((file) => rootConfiguration.test(file)).sort();
}

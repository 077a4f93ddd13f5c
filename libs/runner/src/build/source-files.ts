// Which files the build tools take, by name alone.

const declaration = /\.d\.[cm]?ts$/;
const script = /\.[cm]?[jt]sx?$/;
const typeScript = /\.[cm]?tsx?$/;

/** A TypeScript or JavaScript module esbuild compiles (declaration files are not). */
export function isCompiledSource(path: string): boolean {
  return script.test(path) && !declaration.test(path);
}

/** A file the type checker is given: TypeScript sources and declaration files. */
export function isTypeScriptFile(path: string): boolean {
  return typeScript.test(path);
}

/** A TypeScript source (not a declaration file): what a package's source entry must be. */
export function isTypeScriptSource(path: string): boolean {
  return typeScript.test(path) && !declaration.test(path);
}

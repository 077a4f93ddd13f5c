/** `./prefix*suffix` in `exports`, mapped to a repo-relative file pattern with one `*`. */
export interface ExportPattern {
  readonly prefix: string;
  readonly suffix: string;
  readonly file: string;
}

/** A workspace target that is an npm package, with where its sources are. */
export interface WorkspacePackage {
  /** The npm package name, from the target folder's package.json. */
  readonly name: string;
  readonly target: string;
  /** The package folder, repo-relative (the target name). */
  readonly dir: string;
  /** The repo-relative source file `import 'name'` loads, if the package has one. */
  readonly entry: string | undefined;
  /** Whether package.json has `exports`: then only its subpaths can be imported. */
  readonly hasExports: boolean;
  /** `./sub` -> repo-relative source file, from `exports`. */
  readonly subpaths: ReadonlyMap<string, string>;
  readonly patterns: readonly ExportPattern[];
}

/** npm package name -> workspace package. */
export type WorkspacePackages = ReadonlyMap<string, WorkspacePackage>;

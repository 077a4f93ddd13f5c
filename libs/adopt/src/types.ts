import type { Diagnostic, TargetKind, TestRunner } from '@mainline/core';

/** Which declaration named the workspaces. */
export type WorkspaceSource = 'package.json workspaces' | 'pnpm-workspace.yaml';

/** The workspace globs a repository declares, `!`-prefixed ones excluding. */
export interface WorkspaceDeclaration {
  readonly source: WorkspaceSource;
  readonly patterns: readonly string[];
}

/** What `init` reads: the root declarations, the repository's files, each package's manifest. */
export interface AdoptInput {
  /** Text of the root package.json, undefined when there is none. */
  readonly rootManifest: string | undefined;
  /** Text of pnpm-workspace.yaml, undefined when there is none. */
  readonly pnpmWorkspace: string | undefined;
  /** Repository-relative paths of the files (as `git ls-files` lists them). */
  readonly files: readonly string[];
  /** package folder -> text of its package.json. */
  readonly manifests: ReadonlyMap<string, string>;
}

/** Where a target's test files were found, for the report. */
export type TestPlace =
  | { readonly type: 'folder'; readonly path: string; readonly files: number }
  | { readonly type: 'beside'; readonly path: string; readonly files: number };

/** Why a dependency edge exists: the manifest field that names the package. */
export type DependencyField = 'dependencies' | 'devDependencies' | 'peerDependencies';

export interface InferredDep {
  readonly target: string;
  readonly package: string;
  readonly field: DependencyField;
}

export interface InferredTarget {
  /** The package folder, e.g. `packages/foo`; also the target name. */
  readonly name: string;
  /** Its npm name, undefined when its package.json has none. */
  readonly packageName: string | undefined;
  readonly kind: TargetKind;
  readonly kindReason: string;
  readonly srcs: readonly string[];
  readonly tests: readonly string[];
  readonly testPlaces: readonly TestPlace[];
  /** Sorted by target name. */
  readonly deps: readonly InferredDep[];
  readonly entry?: string;
  /** Set when its tests run with jest rather than vitest (see test-runner.ts). */
  readonly testRunner?: TestRunner;
  /** Its files, repository-relative, tests included. */
  readonly files: readonly string[];
  /** Those of `files` that are test files. */
  readonly testFiles: ReadonlySet<string>;
}

/** What `init` found and why; turned into BUILD.json by `formatBuildJson`. */
export interface Inference {
  readonly declaration: WorkspaceDeclaration;
  /** Sorted by name. */
  readonly targets: readonly InferredTarget[];
  /** Root files every package's build or tests read (exact paths, sorted). */
  readonly globalInputs: readonly string[];
  /** What the user should know, at the package.json concerned: a nested package, a dep left out of a cycle, a name used twice. */
  readonly warnings: readonly Diagnostic[];
}

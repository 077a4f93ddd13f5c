export interface SynthOptions {
  /** An empty or non-existent folder. */
  dir: string;
  /** Total targets: libs + properties. */
  targets: number;
  /** Source files per target (default 5). */
  filesPerTarget?: number;
  /** Lib layers of the layered DAG (default about log2 of the lib count). */
  layers?: number;
  /** Properties on top of the libs (default about 5% of targets). */
  properties?: number;
  /** Deps per target, only to lower layers (default 3). */
  maxDeps?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Real TypeScript importing its deps, and vitest files with real tests (default false). */
  code?: boolean;
  /** Tests per target's vitest file when `code` (default 10). */
  testsPerTarget?: number;
  /** A package.json per target plus root workspaces and package-lock.json (default true). */
  npmWorkspaces?: boolean;
  /** Some targets import external packages pinned in the lockfile (default false). */
  externalPackages?: boolean;
  /** Which lockfile the repository has (default `npm`: package-lock.json). */
  lockfile?: LockfileKind;
  /** `git init -b main` and one commit (default true). */
  git?: boolean;
}

export interface SynthTarget {
  /** The BUILD.json target name, which is also its folder, e.g. `libs/l3-4`. */
  name: string;
  kind: 'lib' | 'property';
  /** Target names, all of them in lower layers. */
  deps: string[];
  /** Generated source files, repo-relative. */
  srcs: string[];
  /** Generated test files, repo-relative. */
  tests: string[];
  /** Short id used in package and identifier names, e.g. `l3-4` or `p0`. */
  id: string;
  /** The npm package name, `@synth/<id>` (also when npmWorkspaces is off, for imports). */
  packageName: string;
  /** 0-based lib layer; properties sit on layer `layers`, above every lib. */
  layer: number;
  /** External npm packages the target's sources import. */
  externals: string[];
}

export interface SynthRepo {
  dir: string;
  targets: SynthTarget[];
  /** All generated files, repo-relative, sorted. */
  files: string[];
  /** The number of lib layers. */
  layers: number;
}

export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** package-lock.json, yarn.lock as yarn 1 or yarn 4 writes it, or pnpm 9's pnpm-lock.yaml. */
export type LockfileKind = 'npm' | 'yarn-classic' | 'yarn-berry' | 'pnpm';

export const lockfileKinds: readonly LockfileKind[] = ['npm', 'yarn-classic', 'yarn-berry', 'pnpm'];

export type TargetKind = 'lib' | 'property' | 'tool';

export const targetKinds: readonly TargetKind[] = ['lib', 'property', 'tool'];

/** One target of BUILD.json, with defaults applied. Paths and globs are repo-relative. */
export interface Target {
  readonly name: string;
  readonly kind: TargetKind;
  readonly srcs: readonly string[];
  readonly tests: readonly string[];
  readonly deps: readonly string[];
  /**
   * Targets only its tests import (shared test helpers): built before its tests run, and in
   * its fingerprint, not its build fingerprint. Absent when none.
   */
  readonly testDeps?: readonly string[];
  readonly entry?: string;
  /** Time limits of its tests, in milliseconds: per test, and per test file (wall clock). */
  readonly timeouts?: { readonly test?: number; readonly file?: number };
  /** Its tests' runner when not vitest: a command that writes JUnit XML (see TestRunner). */
  readonly testRunner?: TestRunner;
}

/**
 * A test runner given as a command (jest, node --test, ...): run in the target's folder,
 * it runs the target's tests and writes a JUnit XML report, which mainline reads.
 */
export interface TestRunner {
  /** Program and arguments (no shell); `{junit}` in an argument is the report's path. */
  readonly command: readonly string[];
  /** Where it writes its report, relative to `cwd`, when it cannot be told (MAINLINE_JUNIT_FILE). */
  readonly junit?: string;
  /** The folder it runs in, repo-relative; default: the target's name. */
  readonly cwd?: string;
}

/** A validated BUILD.json. */
export interface Workspace {
  readonly version: 1;
  readonly globalInputs: readonly string[];
  /** Targets in file order. */
  readonly targets: ReadonlyMap<string, Target>;
}

/** git's status letters, restricted to what a tree-to-tree diff produces with renames on. */
export type ChangeStatus = 'A' | 'M' | 'D' | 'R' | 'T';

export interface FileChange {
  readonly path: string;
  readonly status: ChangeStatus;
  /** The path before a rename. */
  readonly oldPath?: string;
}

/** Why a target is affected. Every variant is serialised as is by `affected --json`. */
export type AffectedReason =
  /** One of its files changed; `role` says whether a source or a test file. */
  | { readonly type: 'file'; readonly path: string; readonly role: 'src' | 'test' }
  /** A dependency's build fingerprint changed. */
  | { readonly type: 'dep'; readonly target: string }
  /** A test dep's build fingerprint changed: only its own tests are affected. */
  | { readonly type: 'test-dep'; readonly target: string }
  /** A global input changed. */
  | { readonly type: 'global'; readonly path: string }
  /** Its own entry in BUILD.json changed: what builds it, or only its tests list. */
  | { readonly type: 'entry'; readonly part: 'build' | 'tests' }
  /** It exists only at head. */
  | { readonly type: 'added' }
  /** A package its sources (or only its tests) import resolves differently in the lockfile. */
  | {
      readonly type: 'lockfile';
      /** The lockfile: package-lock.json, npm-shrinkwrap.json, yarn.lock or pnpm-lock.yaml. */
      readonly path: string;
      readonly package: string;
      readonly from: string | null;
      readonly to: string | null;
      readonly role: 'src' | 'test';
    }
  /**
   * Counted fields of the package.json in its folder changed (see libs/affected manifest.ts):
   * `role` is `src` when a build reads one of them (dependencies, exports, ...), `test` when
   * only `scripts` changed.
   */
  | {
      readonly type: 'manifest';
      readonly path: string;
      readonly fields: readonly string[];
      readonly role: 'src' | 'test';
    }
  /** The lockfile at base or head cannot be parsed, so every target is affected. */
  | { readonly type: 'lockfile-unparsable'; readonly path: string; readonly message: string };

export interface AffectedTarget {
  readonly name: string;
  readonly kind: TargetKind;
  readonly reasons: readonly AffectedReason[];
}

/** Marks a head that is the working tree rather than a commit. */
export const WORKTREE = 'WORKTREE';

export interface AffectedReport {
  readonly base: string;
  readonly head: string;
  readonly changedFiles: readonly FileChange[];
  readonly affected: readonly AffectedTarget[];
  /** Changed files owned by no target and not global inputs: they affect nothing. */
  readonly unowned: readonly string[];
}

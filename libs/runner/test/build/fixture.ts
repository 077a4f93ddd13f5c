import { mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Target, TargetKind, Workspace } from '@mainline/core';
import { makeTempDir, tempRepoAt } from '@mainline/test-utils';

/** This repository's root: its TypeScript is the checker the tests run. */
export const mainlineRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** A temp folder holding `files` (repo-relative path -> content); no git. */
export function repoWith(files: Record<string, string>): string {
  const dir = makeTempDir('runner-build');
  writeFiles(dir, files);
  return dir;
}

/** Writes (or overwrites) files under `root`, creating folders. */
export function writeFiles(root: string, files: Record<string, string>): void {
  tempRepoAt(root).write(files);
}

/**
 * A repository folder `<temp>/repo` holding `files`, beside `outside` files in `<temp>`
 * (what a link may point to outside the repository).
 */
export function repoBeside(
  files: Record<string, string>,
  outside: Record<string, string>,
): { root: string; outside: string } {
  const dir = repoWith(outside);
  const root = join(dir, 'repo');
  mkdirSync(root);
  writeFiles(root, files);
  return { root, outside: dir };
}

/** A symbolic link at `path` under `root` whose text is `text`, creating folders. */
export function linkAt(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  symlinkSync(text, join(root, path));
}

export interface TargetSpec {
  readonly kind?: TargetKind;
  readonly deps?: readonly string[];
  readonly entry?: string;
}

/** A workspace whose targets own `<name>/src/**` (srcs) and `<name>/test/**` (tests). */
export function workspaceOf(targets: Record<string, TargetSpec>): Workspace {
  const map = new Map<string, Target>();
  for (const [name, spec] of Object.entries(targets)) {
    map.set(name, {
      name,
      kind: spec.kind ?? 'lib',
      srcs: [`${name}/src/**`, `${name}/package.json`],
      tests: [`${name}/test/**`],
      deps: spec.deps ?? [],
      ...(spec.entry === undefined ? {} : { entry: spec.entry }),
    });
  }
  return { version: 1, globalInputs: [], targets: map };
}

/** Owners by folder, as the workspaces of `workspaceOf` own files: `libs/a/...` -> libs/a. */
export function ownersOf(workspace: Workspace): (path: string) => readonly { target: string }[] {
  const names = [...workspace.targets.keys()];
  return (path) =>
    names.filter((name) => path.startsWith(`${name}/`)).map((target) => ({ target }));
}

/** A package.json for a workspace lib whose entry is `src/index.ts`. */
export function manifest(name: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ name, version: '1.0.0', type: 'module', ...extra }, null, 2);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageFolders } from './package-folders.ts';
import type { AdoptInput } from './types.ts';
import { readWorkspaceDeclaration } from './workspace-declaration.ts';

/**
 * Reads what `inferTargets` needs from the work tree at `root`: the root package.json and
 * pnpm-workspace.yaml, and the package.json of each package folder the declaration
 * selects among `files` (the repository's files, from git). Throws as `inferTargets` does
 * when no workspaces are declared. Synchronous: a thousand small reads took 50 ms so,
 * and ten times that as a thousand promises on libuv's four threads.
 */
export function readAdoptInput(root: string, files: readonly string[]): AdoptInput {
  const listed = new Set(files);
  const [rootManifest, pnpmWorkspace] = ['package.json', 'pnpm-workspace.yaml'].map((path) =>
    listed.has(path) ? readText(join(root, path)) : undefined,
  );
  const { patterns } = readWorkspaceDeclaration(rootManifest, pnpmWorkspace);
  const manifests = new Map<string, string>();
  for (const folder of findPackageFolders(patterns, files).folders) {
    const text = readText(join(root, folder, 'package.json'));
    if (text !== undefined) manifests.set(folder, text);
  }
  return { rootManifest, pnpmWorkspace, files, manifests };
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // Listed by git but gone from disk (deleted, not staged): as if absent.
    return undefined;
  }
}

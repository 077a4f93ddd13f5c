import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findPackageFolders } from './package-folders.ts';
import type { AdoptInput } from './types.ts';
import { readWorkspaceDeclaration } from './workspace-declaration.ts';

/**
 * Reads what `inferTargets` needs from the work tree at `root`: the root package.json and
 * pnpm-workspace.yaml, and the package.json of each package folder the declaration
 * selects among `files` (the repository's files, from git). Throws as `inferTargets` does
 * when no workspaces are declared.
 */
export async function readAdoptInput(root: string, files: readonly string[]): Promise<AdoptInput> {
  const listed = new Set(files);
  const [rootManifest, pnpmWorkspace] = await Promise.all(
    ['package.json', 'pnpm-workspace.yaml'].map((path) =>
      listed.has(path) ? readText(join(root, path)) : undefined,
    ),
  );
  const { patterns } = readWorkspaceDeclaration(rootManifest, pnpmWorkspace);
  const { folders } = findPackageFolders(patterns, files);
  const texts = await Promise.all(
    folders.map((folder) => readText(join(root, folder, 'package.json'))),
  );
  const manifests = new Map<string, string>();
  folders.forEach((folder, i) => {
    const text = texts[i];
    if (text !== undefined) manifests.set(folder, text);
  });
  return { rootManifest, pnpmWorkspace, files, manifests };
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    // Listed by git but gone from disk (deleted, not staged): as if absent.
    return undefined;
  }
}

import type { AdoptInput } from '../src/index.ts';

/** An AdoptInput from a root manifest and packages given as folder -> manifest and files. */
export function workspaceInput(
  root: { workspaces?: unknown; pnpm?: string },
  packages: Record<string, { manifest: object; files?: readonly string[] }>,
  extraFiles: readonly string[] = [],
): AdoptInput {
  const files: string[] = ['package.json', ...extraFiles];
  const manifests = new Map<string, string>();
  for (const [folder, { manifest, files: own = [] }] of Object.entries(packages)) {
    files.push(`${folder}/package.json`, ...own.map((file) => `${folder}/${file}`));
    manifests.set(folder, JSON.stringify(manifest));
  }
  if (root.pnpm !== undefined) files.push('pnpm-workspace.yaml');
  return {
    rootManifest: JSON.stringify(
      root.workspaces === undefined
        ? { name: 'root' }
        : { name: 'root', workspaces: root.workspaces },
    ),
    pnpmWorkspace: root.pnpm,
    files,
    manifests,
  };
}

import { MainlineError } from '@mainline/core';
import { parse as parseYaml } from 'yaml';
import type { WorkspaceDeclaration } from './types.ts';

const noWorkspacesHint =
  'declare the packages first: "workspaces": ["packages/*"] in package.json (npm, yarn), or packages: in pnpm-workspace.yaml (pnpm)';

/**
 * The workspace globs the repository declares: pnpm-workspace.yaml's `packages` when the
 * file exists (pnpm reads only it), else package.json's `workspaces`, as an array (npm,
 * yarn) or as yarn's `{ packages: [...] }`. Throws `noWorkspaces` when neither declares any.
 */
export function readWorkspaceDeclaration(
  rootManifest: string | undefined,
  pnpmWorkspace: string | undefined,
): WorkspaceDeclaration {
  if (pnpmWorkspace !== undefined) {
    const patterns = pnpmPatterns(pnpmWorkspace);
    if (patterns.length > 0) return { source: 'pnpm-workspace.yaml', patterns };
  }
  if (rootManifest !== undefined) {
    const patterns = manifestPatterns(rootManifest);
    if (patterns.length > 0) return { source: 'package.json workspaces', patterns };
  }
  const looked =
    rootManifest === undefined && pnpmWorkspace === undefined
      ? 'no package.json or pnpm-workspace.yaml at the repository root'
      : 'the root package.json has no "workspaces" and there is no pnpm-workspace.yaml with packages';
  throw new MainlineError('noWorkspaces', `no workspaces declared: ${looked}`, {
    hint: noWorkspacesHint,
  });
}

function manifestPatterns(text: string): string[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw new MainlineError(
      'packageJsonInvalid',
      `package.json is not valid JSON: ${(error as Error).message}`,
      { hint: 'fix the root package.json, then run mainline init again' },
    );
  }
  if (!isRecord(manifest)) return [];
  const workspaces = manifest.workspaces;
  // yarn classic also accepts { packages: [...], nohoist: [...] }.
  const list = isRecord(workspaces) ? workspaces.packages : workspaces;
  return stringsOf(list, 'package.json', 'workspaces');
}

function pnpmPatterns(text: string): string[] {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    const message = ((error as Error).message.split('\n')[0] ?? '').replace(/:$/, '');
    throw new MainlineError(
      'workspaceDeclarationInvalid',
      `pnpm-workspace.yaml is not valid YAML: ${message}`,
      { hint: 'fix pnpm-workspace.yaml, then run mainline init again' },
    );
  }
  return isRecord(document) ? stringsOf(document.packages, 'pnpm-workspace.yaml', 'packages') : [];
}

function stringsOf(value: unknown, file: string, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new MainlineError(
      'workspaceDeclarationInvalid',
      `${file}: "${field}" must be a list of folder globs`,
      { hint: `write it as ${field}: ["packages/*"]` },
    );
  }
  return value as string[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

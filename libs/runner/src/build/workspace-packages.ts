import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Diagnostic, MainlineError, type Workspace } from '@mainline/core';
import { manifestSources } from './package-manifest.ts';
import { repoPath } from './repo-paths.ts';
import type { WorkspacePackage, WorkspacePackages } from './workspace-package.ts';

const fallbackEntry = 'src/index.ts';

/**
 * The npm packages among the workspace's targets: the package.json in each target's
 * folder (the folder is the target name), with its source entry: `exports['.']`, else
 * `main`/`module` when it is a TypeScript file, else `src/index.ts` when it exists.
 * Targets without a package.json, or whose package.json has no name, are no packages.
 * Throws `packageJsonInvalid` with every unreadable manifest and duplicated name.
 */
export async function workspacePackages(
  root: string,
  workspace: Workspace,
): Promise<WorkspacePackages> {
  const targets = [...workspace.targets.keys()];
  const read = await Promise.all(targets.map((target) => readPackage(root, target)));
  const packages = new Map<string, WorkspacePackage>();
  const problems: Diagnostic[] = [];
  for (const result of read) {
    if (result === undefined) continue;
    if ('problem' in result) {
      problems.push(result.problem);
      continue;
    }
    const other = packages.get(result.name);
    if (other === undefined) packages.set(result.name, result);
    else problems.push(problem(result.dir, `package "${result.name}" is also ${other.dir}`));
  }
  if (problems.length > 0) {
    throw new MainlineError(
      'packageJsonInvalid',
      `${problems.length} target package.json file${problems.length === 1 ? '' : 's'} cannot be used`,
      {
        diagnostics: problems,
        hint: 'each target package.json must be a JSON object with a unique "name"',
      },
    );
  }
  return packages;
}

type ReadResult = WorkspacePackage | { readonly problem: Diagnostic } | undefined;

async function readPackage(root: string, target: string): Promise<ReadResult> {
  const dir = repoPath('', target);
  if (dir === undefined || dir === '') return undefined;
  let text: string;
  try {
    text = await readFile(join(root, dir, 'package.json'), 'utf8');
  } catch (error) {
    if (isNotFound(error)) return undefined;
    return { problem: problem(dir, `cannot be read: ${String(error)}`) };
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    return { problem: problem(dir, `is not valid JSON: ${(error as Error).message}`) };
  }
  const sources = manifestSources(dir, manifest);
  if (typeof sources === 'string') return { problem: problem(dir, sources) };
  if (sources.name === undefined) return undefined;
  const entry = sources.entry ?? (await existingFile(root, `${dir}/${fallbackEntry}`));
  return {
    name: sources.name,
    target,
    dir,
    entry,
    hasExports: sources.hasExports,
    subpaths: sources.subpaths,
    patterns: sources.patterns,
  };
}

async function existingFile(root: string, path: string): Promise<string | undefined> {
  try {
    return (await stat(join(root, path))).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function problem(dir: string, message: string): Diagnostic {
  return { severity: 'error', file: `${dir}/package.json`, line: 1, column: 1, message };
}

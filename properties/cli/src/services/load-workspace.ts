import { type Diagnostic, MainlineError, type Workspace } from '@mainline/core';
import type { GitRepo } from '@mainline/git';
import { type BuildFile, OwnershipIndex, parseBuildFile } from '@mainline/workspace';
import { buildFilePath } from '@mainline/affected';

/** A parsed BUILD.json with its ownership index. */
export interface IndexedWorkspace {
  readonly buildFile: BuildFile | undefined;
  readonly workspace: Workspace;
  readonly owners: OwnershipIndex;
}

const emptyWorkspace: Workspace = {
  version: 1,
  globalInputs: [],
  targets: new Map(),
  entryKeys: new Map(),
};

export function indexWorkspace(buildFile: BuildFile | undefined): IndexedWorkspace {
  const workspace = buildFile?.workspace ?? emptyWorkspace;
  return { buildFile, workspace, owners: OwnershipIndex.build(workspace) };
}

/** BUILD.json at the head of a change: it must exist and be valid. */
export async function loadHeadWorkspace(repo: GitRepo, treeish: string): Promise<IndexedWorkspace> {
  const text = await repo.readFile(treeish, buildFilePath);
  if (text === undefined) throw buildFileMissing(repo.root);
  return indexWorkspace(parseBuildFile(text, buildFilePath));
}

/**
 * BUILD.json at the base of a change. A base without one (or with a broken one) has no
 * targets, so every target at head counts as added; that is reported as a warning.
 */
export async function loadBaseWorkspace(
  repo: GitRepo,
  treeish: string,
  warnings: Diagnostic[],
): Promise<IndexedWorkspace> {
  const text = await repo.readFile(treeish, buildFilePath);
  if (text === undefined) return indexWorkspace(undefined);
  try {
    return indexWorkspace(parseBuildFile(text, buildFilePath));
  } catch (error) {
    if (!(error instanceof MainlineError)) throw error;
    warnings.push({
      severity: 'warning',
      file: `${buildFilePath} at base`,
      line: 1,
      column: 1,
      message: `invalid at the base commit (${error.diagnostics.length} problems): every target counts as added`,
    });
    return indexWorkspace(undefined);
  }
}

export function buildFileMissing(root: string): MainlineError {
  return new MainlineError('buildFileMissing', `no ${buildFilePath} at the root of ${root}`, {
    hint: 'mainline reads the targets from a BUILD.json at the repository root; see the README for its format.',
  });
}

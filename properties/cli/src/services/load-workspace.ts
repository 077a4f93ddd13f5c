import { buildFilePath } from '@mainline/affected';
import { type Diagnostic, MainlineError, type Workspace } from '@mainline/core';
import type { GitRepo } from '@mainline/git';
import { type BuildFile, OwnershipIndex, parseBuildFile } from '@mainline/workspace';
import type { ValidatedBuildFiles } from './validated-build-files.ts';

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
};

export function indexWorkspace(buildFile: BuildFile | undefined): IndexedWorkspace {
  const workspace = buildFile?.workspace ?? emptyWorkspace;
  return { buildFile, workspace, owners: OwnershipIndex.build(workspace) };
}

/** BUILD.json at a tree-ish, checked unless this exact content passed the checks before. */
async function readBuildFile(
  repo: GitRepo,
  treeish: string,
  validated: ValidatedBuildFiles,
): Promise<BuildFile | undefined> {
  const blob = await repo.readFileWithId(treeish, buildFilePath);
  if (blob === undefined) return undefined;
  const trusted = validated.has(blob.oid);
  const buildFile = parseBuildFile(blob.text, buildFilePath, { trusted });
  if (!trusted) validated.remember(blob.oid);
  return buildFile;
}

/**
 * BUILD.json at the head of a change: it must exist and be valid. `commit` names the
 * commit it is read from (undefined: the working tree), so an error never sends the user
 * to a working copy that is not the file that failed.
 */
export async function loadHeadWorkspace(
  repo: GitRepo,
  treeish: string,
  commit: string | undefined,
  validated: ValidatedBuildFiles,
): Promise<IndexedWorkspace> {
  try {
    const buildFile = await readBuildFile(repo, treeish, validated);
    if (buildFile === undefined) throw buildFileMissing(repo.root);
    return indexWorkspace(buildFile);
  } catch (error) {
    if (commit === undefined || !(error instanceof MainlineError)) throw error;
    if (error.code !== 'buildFileInvalid' && error.code !== 'buildFileMissing') throw error;
    const at = `at commit ${commit.slice(0, 10)}`;
    throw new MainlineError(error.code, `${error.message} (${at}, the head compared)`, {
      hint: `${error.hint ?? ''}; mainline reads BUILD.json from the commit it compares: commit the fix, or use --uncommitted to read the working tree`,
      diagnostics: error.diagnostics,
      cause: error,
    });
  }
}

/**
 * BUILD.json at the base of a change. A base without one (or with a broken one) has no
 * targets, so every target at head counts as added; that is reported as a warning.
 */
export async function loadBaseWorkspace(
  repo: GitRepo,
  treeish: string,
  validated: ValidatedBuildFiles,
  warnings: Diagnostic[],
): Promise<IndexedWorkspace> {
  try {
    return indexWorkspace(await readBuildFile(repo, treeish, validated));
  } catch (error) {
    if (!(error instanceof MainlineError) || error.code !== 'buildFileInvalid') throw error;
    warnings.push({
      severity: 'warning',
      file: `${buildFilePath} at base`,
      line: 1,
      column: 1,
      message: `invalid at the base commit (${plural(error.diagnostics.length, 'problem')}): every target counts as added`,
    });
    return indexWorkspace(undefined);
  }
}

export function buildFileMissing(root: string): MainlineError {
  return new MainlineError('buildFileMissing', `no ${buildFilePath} at the root of ${root}`, {
    hint: 'mainline reads the targets from a BUILD.json at the repository root; see the README for its format.',
  });
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

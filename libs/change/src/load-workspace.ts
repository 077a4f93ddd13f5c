import { buildFilePath } from '@mainline/affected';
import { type Diagnostic, MainlineError, WORKTREE, type Workspace } from '@mainline/core';
import type { GitRepo } from '@mainline/git';
import { TargetGraph } from '@mainline/graph';
import {
  type BuildFile,
  type CompiledWorkspace,
  compileWorkspace,
  expandWorkspace,
  OwnershipIndex,
  parseBuildFile,
} from '@mainline/workspace';
import type { CompiledBuildFiles } from './compiled-build-files.ts';
import type { ResolvedRange } from './resolve-range.ts';

/** A BUILD.json ready for the fast path: targets, ownership and graph. */
export interface IndexedWorkspace {
  readonly workspace: Workspace;
  readonly owners: OwnershipIndex;
  readonly graph: TargetGraph;
}

const emptyWorkspace: Workspace = { version: 1, globalInputs: [], targets: new Map() };

export function indexWorkspace(buildFile: BuildFile | undefined): IndexedWorkspace {
  const workspace = buildFile?.workspace ?? emptyWorkspace;
  return {
    workspace,
    owners: OwnershipIndex.build(workspace),
    graph: TargetGraph.fromTargets(workspace.targets.values()),
  };
}

function fromCompiled(compiled: CompiledWorkspace): IndexedWorkspace {
  return {
    workspace: expandWorkspace(compiled),
    owners: OwnershipIndex.fromCompiled(compiled),
    graph: TargetGraph.fromAdjacency(
      compiled.names,
      compiled.depOffsets,
      compiled.deps,
      compiled.testDeps,
    ),
  };
}

/**
 * BUILD.json at a tree-ish, from the compiled cache when this exact content passed
 * before. With its blob id known already, a cache hit starts no git process.
 */
async function readBuildFile(
  repo: GitRepo,
  treeish: string,
  cache: CompiledBuildFiles,
  knownOid?: string,
): Promise<IndexedWorkspace | undefined> {
  const known = knownOid === undefined ? undefined : cache.read(knownOid);
  if (known) return fromCompiled(known);
  const blob = await repo.readFileWithId(treeish, buildFilePath);
  if (blob === undefined) return undefined;
  const compiled = cache.read(blob.oid);
  if (compiled) return fromCompiled(compiled);
  const indexed = indexWorkspace(parseBuildFile(blob.text, buildFilePath));
  cache.remember(blob.oid, compileWorkspace(indexed.workspace));
  return indexed;
}

/**
 * BUILD.json at the head of a change: it must exist and be valid. An error at a commit
 * names the commit, so it never sends the user to a working copy that is not the file
 * that failed.
 */
export async function loadHeadWorkspace(
  repo: GitRepo,
  range: ResolvedRange,
  cache: CompiledBuildFiles,
): Promise<IndexedWorkspace> {
  const commit = range.head === WORKTREE ? undefined : range.head;
  try {
    const knownOid = range.headObjects?.get(buildFilePath);
    const indexed = await readBuildFile(repo, range.headTreeish, cache, knownOid);
    if (indexed === undefined) throw buildFileMissing(repo.root);
    return indexed;
  } catch (error) {
    if (commit === undefined || !(error instanceof MainlineError)) throw error;
    if (error.code !== 'buildFileInvalid' && error.code !== 'buildFileMissing') throw error;
    const at = `at commit ${commit.slice(0, 10)}`;
    throw new MainlineError(error.code, `${error.message} (${at}, the head compared)`, {
      // One sentence of clauses: the first hint's own full stop would read `format.; mainline`.
      hint: [
        error.hint?.replace(/\.$/, ''),
        'mainline reads BUILD.json from the commit it compares: commit the fix, or use --uncommitted to read the working tree',
      ]
        .filter((part) => part !== undefined && part !== '')
        .join('; '),
      diagnostics: error.diagnostics,
      cause: error,
    });
  }
}

/**
 * BUILD.json at a tree-ish that must have a valid one (the snapshot a run builds): a
 * missing or invalid file is an error, never an empty workspace. With its blob id known
 * (`knownOid`, say remembered for the tree), a compiled hit starts no git process.
 */
export async function loadWorkspaceAt(
  repo: GitRepo,
  treeish: string,
  cache: CompiledBuildFiles,
  knownOid?: string,
): Promise<IndexedWorkspace> {
  const indexed = await readBuildFile(repo, treeish, cache, knownOid);
  if (indexed === undefined) throw buildFileMissing(repo.root);
  return indexed;
}

/**
 * BUILD.json at the base of a change. A base without one (or with a broken one) has no
 * targets, so every target at head counts as added; that is reported as a warning.
 */
export async function loadBaseWorkspace(
  repo: GitRepo,
  treeish: string,
  cache: CompiledBuildFiles,
  warnings: Diagnostic[],
): Promise<IndexedWorkspace> {
  try {
    return (await readBuildFile(repo, treeish, cache)) ?? indexWorkspace(undefined);
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
    hint: 'mainline reads the targets from a BUILD.json at the repository root: write one with mainline init, or by hand (see the README for its format)',
  });
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

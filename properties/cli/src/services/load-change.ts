import {
  buildFilePath,
  computeAffected,
  importPatternFor,
  type LockfileImpact,
  lockfileImporters,
  lockfilePath,
  planLockfile,
} from '@mainline/affected';
import { type AffectedReport, type Diagnostic, type FileChange, WORKTREE } from '@mainline/core';
import { GitRepo } from '@mainline/git';
import type { TargetGraph } from '@mainline/graph';
import { findUnmatchedGlobs, parseBuildFile } from '@mainline/workspace';
import { type IndexedWorkspace, loadBaseWorkspace, loadHeadWorkspace } from './load-workspace.ts';
import {
  plannedRefs,
  type RangeRequest,
  type ResolvedRange,
  resolveRange,
} from './resolve-range.ts';
import { stateDir } from './state-dir.ts';
import { CompiledBuildFiles } from './compiled-build-files.ts';

export interface ChangeRequest extends RangeRequest {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export interface LoadedChange {
  readonly repo: GitRepo;
  readonly range: ResolvedRange;
  readonly head: IndexedWorkspace;
  readonly graph: TargetGraph;
  readonly report: AffectedReport;
  readonly warnings: readonly Diagnostic[];
}

/** The imperative shell of `affected` and `why`: git and files in, an AffectedReport out. */
export async function loadChange(request: ChangeRequest): Promise<LoadedChange> {
  const repo = await GitRepo.open(request.cwd, { prefetch: plannedRefs(request, request.env) });
  const cache = new CompiledBuildFiles(stateDir(repo.root, request.env));
  const range = await resolveRange(repo, request, request.env);
  const [changes, head] = await Promise.all([
    range.head === WORKTREE
      ? repo.diff(range.base, range.headTreeish)
      : repo.diffCommits(range.base, range.head),
    loadHeadWorkspace(
      repo,
      range.headTreeish,
      range.head === WORKTREE ? undefined : range.head,
      cache,
    ),
  ]);
  const warnings: Diagnostic[] = [];
  const buildFileChanged = changes.some((change) => touches(change, buildFilePath));
  const base = buildFileChanged ? await loadBaseWorkspace(repo, range.base, cache, warnings) : head;
  if (buildFileChanged && head.text !== undefined) {
    // New globs are checked when BUILD.json changes; listing every file is too slow to do always.
    const files = await repo.listFiles(range.headTreeish);
    const buildFile = parseBuildFile(head.text, buildFilePath, { trusted: true });
    warnings.push(...findUnmatchedGlobs(buildFile, [...files.keys()]));
  }
  const lockfile = changes.some((change) => touches(change, lockfilePath))
    ? await lockfileImpact(repo, range, head)
    : undefined;
  const outcome = computeAffected({
    base,
    head,
    changes,
    ...(lockfile ? { lockfile } : {}),
  });
  const report: AffectedReport = {
    base: range.base,
    head: range.head,
    changedFiles: changes,
    affected: outcome.affected,
    unowned: outcome.unowned,
  };
  return { repo, range, head, graph: head.graph, report, warnings };
}

function touches(change: FileChange, path: string): boolean {
  return change.path === path || change.oldPath === path;
}

/**
 * The lockfile diffed semantically: only files that import a package whose resolution
 * may have changed are read (found with `git grep`), then resolved exactly.
 */
async function lockfileImpact(
  repo: GitRepo,
  range: ResolvedRange,
  head: IndexedWorkspace,
): Promise<LockfileImpact> {
  const [baseText, headText] = await Promise.all([
    repo.readFile(range.base, lockfilePath),
    repo.readFile(range.headTreeish, lockfilePath),
  ]);
  const plan = planLockfile(baseText, headText);
  if (plan.kind === 'unparsable') return plan;
  if (plan.packages.size === 0) return { kind: 'changed', importers: [] };
  const paths = await repo.grepFiles(range.headTreeish, importPatternFor([...plan.packages]));
  const owned = paths.filter((path) => head.owners.owners(path).length > 0);
  const contents = await repo.readBlobs(owned.map((path) => `${range.headTreeish}:${path}`));
  const files = owned.map((path) => ({
    path,
    content: contents.get(`${range.headTreeish}:${path}`) ?? '',
  }));
  return { kind: 'changed', importers: lockfileImporters(plan, files) };
}

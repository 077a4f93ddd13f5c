import {
  buildFilePath,
  changedManifestPaths,
  computeAffected,
  type ManifestTexts,
  unreadableLockfileWarnings,
} from '@mainline/affected';
import { type AffectedReport, type Diagnostic, type FileChange, WORKTREE } from '@mainline/core';
import { type GitAnswers, GitRepo } from '@mainline/git';
import type { TargetGraph } from '@mainline/graph';
import { findDanglingPaths, findOverlappingSrcs, parseBuildFile } from '@mainline/workspace';
import { lockfileImpacts } from './lockfile-impacts.ts';
import { ParsedLockfiles } from './parsed-lockfiles.ts';
import { type IndexedWorkspace, loadBaseWorkspace, loadHeadWorkspace } from './load-workspace.ts';
import {
  type RangeRequest,
  type ResolvedRange,
  rangeProbe,
  resolveRange,
} from './resolve-range.ts';
import { stateDir } from '@mainline/state';
import { CompiledBuildFiles } from './compiled-build-files.ts';

export interface ChangeRequest extends RangeRequest {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Git's answers given before this process started (see GitAnswers). */
  readonly answers?: GitAnswers | undefined;
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
  const repo = await GitRepo.open(request.cwd, {
    probe: rangeProbe(request, request.env, [buildFilePath]),
    readConfig: readsTrunkConfig(request) ? ['mainline.trunk'] : [],
    ...(request.answers ? { answers: request.answers } : {}),
  });
  const state = stateDir(repo.root, request.env);
  const cache = new CompiledBuildFiles(state);
  const range = await resolveRange(repo, request, request.env);
  const [changes, head] = await Promise.all([
    range.head === WORKTREE
      ? repo.diff(range.base, range.headTreeish)
      : repo.diffCommits(range.base, range.head),
    // simple-git starts its process a few promise hops later: let it, so that git works
    // while the compiled BUILD.json is read, instead of after.
    nextTurn().then(() => loadHeadWorkspace(repo, range, cache)),
  ]);
  const warnings: Diagnostic[] = [];
  let base = head;
  if (changes.some((change) => touches(change, buildFilePath))) {
    // New globs are checked when BUILD.json changes; listing every file is too slow to do always.
    const [baseWorkspace, files, text] = await Promise.all([
      loadBaseWorkspace(repo, range.base, cache, warnings),
      repo.listFiles(range.headTreeish),
      repo.readFile(range.headTreeish, buildFilePath),
    ]);
    base = baseWorkspace;
    if (text !== undefined) {
      const buildFile = parseBuildFile(text, buildFilePath, { trusted: true });
      const paths = [...files.keys()];
      // Loops, not push(...): each check's list is bounded, but a call's arguments are few.
      for (const warning of findDanglingPaths(buildFile, paths)) warnings.push(warning);
      for (const warning of findOverlappingSrcs(buildFile, paths)) warnings.push(warning);
    }
  }
  const [lockfiles, manifests] = await Promise.all([
    lockfileImpacts(repo, range, head, changes, new ParsedLockfiles(state)),
    manifestTexts(repo, range, changedManifestPaths(changes, head.workspace)),
  ]);
  const outcome = computeAffected({
    base,
    head,
    changes,
    lockfiles,
    manifests,
  });
  for (const warning of unreadableLockfileWarnings(changes, (path) =>
    head.owners.isGlobalInput(path),
  )) {
    warnings.push(warning);
  }
  const report: AffectedReport = {
    base: range.base,
    head: range.head,
    changedFiles: changes,
    affected: outcome.affected,
    unowned: outcome.unowned,
  };
  return { repo, range, head, graph: head.graph, report, warnings };
}

/** Does resolveRange ask for `mainline.trunk`? (The trunk is the base, its name not set.) */
function readsTrunkConfig(request: ChangeRequest): boolean {
  return request.base === undefined && !request.uncommitted && !request.env.MAINLINE_TRUNK;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function touches(change: FileChange, path: string): boolean {
  return change.path === path || change.oldPath === path;
}

/** The changed target manifests' texts at base and head, for the fast path to diff by field. */
async function manifestTexts(
  repo: GitRepo,
  range: ResolvedRange,
  paths: readonly string[],
): Promise<Map<string, ManifestTexts>> {
  const texts = new Map<string, ManifestTexts>();
  if (paths.length === 0) return texts;
  const names = paths.flatMap((path) => [`${range.base}:${path}`, `${range.headTreeish}:${path}`]);
  const blobs = await repo.readBlobs(names);
  for (const path of paths) {
    texts.set(path, {
      base: blobs.get(`${range.base}:${path}`),
      head: blobs.get(`${range.headTreeish}:${path}`),
    });
  }
  return texts;
}

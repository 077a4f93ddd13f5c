import { computeFingerprints } from '@mainline/affected';
import type { Workspace } from '@mainline/core';
import { GitRepo } from '@mainline/git';
import type { CheckerCommand } from '@mainline/runner';
import type { Owner, OwnershipIndex } from '@mainline/workspace';
import { CompiledBuildFiles } from '@mainline/change';
import { FingerprintMemo } from '@mainline/change';
import { loadSnapshot } from '@mainline/change';
import { stateDir } from '@mainline/state';
import { keyTools } from './key-tools.ts';
import type { RunKeys } from './prepare-keys.ts';
import { type SelectionRequest, selectionOf } from './request-selection.ts';
import { type SelectedTargets, selectTargets } from './select-targets.ts';
import { targetKeys } from './target-keys.ts';
import { testFile } from './test-file.ts';

export interface RunRequest {
  /** A work tree of the repository: its own, or a worktree holding the commit tested. */
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly selection: SelectionRequest;
  /** Default: true. */
  readonly typecheck?: boolean;
  /** The state folder; default: the repository's (MAINLINE_HOME, else .mainline at its root). */
  readonly state?: string;
  /** A commit (or tree) to read instead of the working tree: keys only, nothing on disk. */
  readonly at?: string;
}

/** Everything a build or test run starts from: one snapshot of the working tree. */
export interface PreparedRun extends RunKeys {
  readonly root: string;
  /** The working tree's tree id: what was built and tested. */
  readonly tree: string;
  readonly workspace: Workspace;
  /** Which targets own any path (strict deps asks about the files imports lead to). */
  readonly owners: OwnershipIndex;
  /** The files of the selected targets and their deps, with those owners. */
  readonly ownedFiles: ReadonlyMap<string, readonly Owner[]>;
  /** Of those, the symbolic links (git mode 120000): no other has a link on its way. */
  readonly links: ReadonlySet<string>;
  /** The type checker, when types are checked: part of every build key. */
  readonly checker: CheckerCommand | undefined;
}

/**
 * Reads the working tree as one snapshot (staged, unstaged and untracked files, like
 * Bazel builds what is on disk), selects the targets, and keys every target by its
 * fingerprint, which it remembers for the snapshot's tree (see FingerprintMemo).
 */
export async function prepareRun(request: RunRequest): Promise<PreparedRun> {
  const repo = await GitRepo.open(request.cwd, { env: request.env });
  const state = request.state ?? stateDir(repo.root, request.env);
  const tree = request.at ?? (await repo.worktreeTree());
  const selection = await selectionOf(request);
  let selected: SelectedTargets = { asked: [], builds: [] };
  // Only the selected targets and their deps are fingerprinted: a run about a few targets
  // of a large repository reads only their files.
  const snapshot = await loadSnapshot(repo, tree, {
    only: (workspace) => {
      selected = selectTargets(workspace, selection);
      return new Set(selected.builds);
    },
    strict: true,
    buildFiles: new CompiledBuildFiles(state),
  });
  const { tools, checker } = keyTools(repo.root, request.typecheck !== false);
  const fingerprints = computeFingerprints(snapshot, selected.builds);
  const tested = new Set<string>();
  for (const [path, owners] of snapshot.owned) {
    if (!testFile.test(path)) continue;
    for (const owner of owners) if (owner.role === 'test') tested.add(owner.target);
  }
  new FingerprintMemo(state).remember(tree, { ...fingerprints, tested });
  return {
    root: repo.root,
    state,
    tree,
    workspace: snapshot.workspace,
    owners: snapshot.allOwners,
    ownedFiles: snapshot.owned,
    links: linksAmong(snapshot.owned.keys(), snapshot.files),
    selected,
    keys: targetKeys(fingerprints, { tools, typecheck: request.typecheck !== false }),
    tested,
    checker,
  };
}

/** The paths whose git mode is a symbolic link's: what git stores of them is their text. */
function linksAmong(paths: Iterable<string>, files: ReadonlyMap<string, string>): Set<string> {
  const links = new Set<string>();
  for (const path of paths) if (files.get(path)?.startsWith('120000 ')) links.add(path);
  return links;
}

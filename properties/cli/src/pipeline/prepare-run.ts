import { computeFingerprints } from '@mainline/affected';
import { MainlineError, type Workspace } from '@mainline/core';
import { GitRepo } from '@mainline/git';
import type { CheckerCommand } from '@mainline/runner';
import type { OwnershipIndex } from '@mainline/workspace';
import { loadChange } from '../services/load-change.ts';
import { loadSnapshot } from '../services/load-snapshot.ts';
import { stateDir } from '../services/state-dir.ts';
import { chooseChecker } from './choose-checker.ts';
import { type SelectedTargets, type Selection, selectTargets } from './select-targets.ts';
import { type TargetKeys, targetKeys } from './target-keys.ts';
import { toolVersions } from './tool-versions.ts';

export interface SelectionRequest {
  readonly names: readonly string[];
  readonly all?: boolean;
  readonly affected?: boolean;
  readonly base?: string;
}

export interface RunRequest {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly selection: SelectionRequest;
  readonly typecheck: boolean;
  /** A commit (or tree) to read instead of the working tree: keys only, nothing on disk. */
  readonly at?: string;
}

/** Everything a build or test run starts from: one snapshot of the working tree. */
export interface PreparedRun {
  readonly root: string;
  readonly state: string;
  /** The working tree's tree id: what was built and tested. */
  readonly tree: string;
  readonly workspace: Workspace;
  readonly owners: OwnershipIndex;
  /** Every file of the snapshot, repo-relative. */
  readonly files: readonly string[];
  readonly selected: SelectedTargets;
  readonly keys: TargetKeys;
  /** The type checker, when types are checked: part of every build key. */
  readonly checker: CheckerCommand | undefined;
}

/**
 * Reads the working tree as one snapshot (staged, unstaged and untracked files, like
 * Bazel builds what is on disk), selects the targets, and keys every target by its
 * fingerprint. `--affected` (the default without names or --all) compares the working
 * tree with the trunk's merge-base, or with --base.
 */
export async function prepareRun(request: RunRequest): Promise<PreparedRun> {
  const repo = await GitRepo.open(request.cwd, { env: request.env });
  const tree = request.at ?? (await repo.worktreeTree());
  const selection = await selectionOf(request);
  let selected: SelectedTargets = { asked: [], builds: [] };
  // Only the selected targets and their deps are fingerprinted: a run about a few targets
  // of a large repository reads only their files.
  const snapshot = await loadSnapshot(
    repo,
    tree,
    (workspace) => {
      selected = selectTargets(workspace, selection);
      return new Set(selected.builds);
    },
    true,
  );
  const checker = request.typecheck ? chooseChecker(repo.root) : undefined;
  const tools = { ...toolVersions(), ...(checker ? { checker: checker.label } : {}) };
  const fingerprints = computeFingerprints(snapshot, selected.builds);
  const keys = targetKeys(fingerprints, { tools, typecheck: request.typecheck });
  return {
    root: repo.root,
    state: stateDir(repo.root, request.env),
    tree,
    workspace: snapshot.workspace,
    owners: snapshot.owners,
    files: [...snapshot.files.keys()],
    selected,
    keys,
    checker,
  };
}

async function selectionOf(request: RunRequest): Promise<Selection> {
  const { names, all, affected, base } = request.selection;
  if (all && (names.length > 0 || affected)) {
    throw new MainlineError('usage', '--all cannot be used with target names or --affected', {
      hint: 'choose one: target names, --affected (the default) or --all',
    });
  }
  if (all) return { kind: 'all' };
  if (names.length > 0) {
    if (affected) {
      throw new MainlineError('usage', 'target names and --affected cannot be used together', {
        hint: 'name the targets to run, or let --affected choose them',
      });
    }
    return { kind: 'names', names };
  }
  const change = await loadChange({
    cwd: request.cwd,
    env: request.env,
    uncommitted: true,
    uncommittedFromTrunk: true,
    ...(base === undefined ? {} : { base }),
  });
  return { kind: 'affected', affected: change.report.affected.map((target) => target.name) };
}

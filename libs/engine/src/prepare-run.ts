import { buildFilePath, computeFingerprints } from '@mainline/affected';
import {
  CompiledBuildFiles,
  FingerprintMemo,
  loadSnapshot,
  loadWorkspaceAt,
  type SnapshotFingerprints,
} from '@mainline/change';
import type { Workspace } from '@mainline/core';
import { GitRepo } from '@mainline/git';
import type { CheckerCommand } from '@mainline/runner';
import type { Owner, OwnershipIndex } from '@mainline/workspace';
import { stateDir } from '@mainline/state';
import { keyTools } from './key-tools.ts';
import type { RunKeys } from './prepare-keys.ts';
import { rememberedFor, rememberedKeys } from './remembered-keys.ts';
import { type SelectionRequest, selectionOf } from './request-selection.ts';
import { type SelectedTargets, selectTargets } from './select-targets.ts';
import { filesByTarget } from './target-files.ts';
import { keysId, targetKeys } from './target-keys.ts';
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
  /** The type checker, when types are checked: part of every build key. */
  readonly checker: CheckerCommand | undefined;
  /** Each selected target's files of the role `test` (sorted). */
  readonly testFiles: ReadonlyMap<string, readonly string[]>;
  /** A run of this tree found every target package.json usable (see FingerprintMemo). */
  readonly packagesChecked: boolean;
  /**
   * The run with the snapshot's files, read on the first call: what building or running
   * tests needs, and a fully cached run of a tree seen before never asks for.
   */
  readonly loaded: () => Promise<LoadedRun>;
}

/** What a run knows of the snapshot's files once they are read. */
export interface RunFiles {
  /** Which targets own any path (strict deps asks about the files imports lead to). */
  readonly owners: OwnershipIndex;
  /** The files of the selected targets and their deps, with those owners. */
  readonly ownedFiles: ReadonlyMap<string, readonly Owner[]>;
  /** Of those, the symbolic links (git mode 120000): no other has a link on its way. */
  readonly links: ReadonlySet<string>;
}

export type LoadedRun = PreparedRun & RunFiles;

type RunFacts = Omit<PreparedRun, 'loaded'>;

/** Nothing but what else is given: for adding to what is remembered of a tree. */
const noneKnown: SnapshotFingerprints = { build: new Map(), full: new Map(), tested: new Set() };

/**
 * Reads the working tree as one snapshot (staged, unstaged and untracked files, like
 * Bazel builds what is on disk), selects the targets, and keys every target by its
 * fingerprint, which it remembers for the snapshot's tree (see FingerprintMemo). A tree
 * remembered for every selected target is not read at all: its keys and test files come
 * from the memo, BUILD.json from its compiled form, and the files only if asked for.
 */
export async function prepareRun(
  request: RunRequest,
  meanwhile?: (state: string, memo: FingerprintMemo) => void,
): Promise<PreparedRun> {
  const repo = await GitRepo.open(request.cwd, { env: request.env });
  const state = request.state ?? stateDir(repo.root, request.env);
  const typecheck = request.typecheck !== false;
  const snapshotting = request.at === undefined ? repo.worktreeTree() : undefined;
  snapshotting?.catch(() => undefined); // awaited below, after what runs meanwhile
  const memo = new FingerprintMemo(state);
  // git snapshots the work tree in a process of its own: what needs no tree runs now.
  meanwhile?.(state, memo);
  const tooling = settled(() => keyTools(repo.root, typecheck));
  const tree = request.at ?? ((await snapshotting) as string);
  const selection = await selectionOf(request);
  const buildFiles = new CompiledBuildFiles(state);
  const remembered = memo.read(tree);
  const packagesChecked = remembered?.packagesChecked === true;
  const common = { root: repo.root, state, tree, packagesChecked };
  // Only the selected targets and their deps are fingerprinted: a run about a few targets
  // of a large repository reads only their files.
  const readFiles = async (only: (workspace: Workspace) => ReadonlySet<string>) => {
    const snapshot = await loadSnapshot(repo, tree, { only, strict: true, buildFiles });
    const files: RunFiles = {
      owners: snapshot.allOwners,
      ownedFiles: snapshot.owned,
      links: linksAmong(snapshot.owned.keys(), snapshot.files),
    };
    return { snapshot, files };
  };

  if (remembered?.buildFile !== undefined) {
    const { workspace } = await loadWorkspaceAt(repo, tree, buildFiles, remembered.buildFile);
    const selected = selectTargets(workspace, selection);
    const known = rememberedFor(remembered, selected.builds);
    if (known?.testFiles !== undefined) {
      const { testFiles } = known;
      const { tools, checker } = tooling();
      const keyOptions = { tools, typecheck };
      const id = keysId(keyOptions);
      let keys = rememberedKeys(remembered.keys, id, selected.builds);
      if (keys === undefined) {
        keys = targetKeys(known, keyOptions);
        memo.remember(tree, { ...noneKnown, keys: { id, ...keys } });
      }
      const facts: RunFacts = {
        ...common,
        workspace,
        selected,
        keys,
        tested: known.tested,
        testFiles,
        checker,
      };
      const wanted = new Set(selected.builds);
      return withFiles(facts, async () => (await readFiles(() => wanted)).files);
    }
  }

  let selected: SelectedTargets = { asked: [], builds: [] };
  const { snapshot, files } = await readFiles((workspace) => {
    selected = selectTargets(workspace, selection);
    return new Set(selected.builds);
  });
  const { tools, checker } = tooling();
  const fingerprints = computeFingerprints(snapshot, selected.builds);
  const byTarget = filesByTarget(snapshot.owned);
  const testFiles = new Map<string, readonly string[]>();
  const tested = new Set<string>();
  for (const name of selected.builds) {
    const tests = byTarget.get(name)?.tests ?? [];
    testFiles.set(name, tests);
    if (tests.some((path) => testFile.test(path))) tested.add(name);
  }
  const buildFile = snapshot.files.get(buildFilePath)?.split(' ')[1];
  const keyOptions = { tools, typecheck };
  const keys = targetKeys(fingerprints, keyOptions);
  const learned: SnapshotFingerprints = {
    ...fingerprints,
    tested,
    testFiles,
    ...(buildFile === undefined ? {} : { buildFile }),
    keys: { id: keysId(keyOptions), ...keys },
  };
  memo.remember(tree, learned);
  const facts: RunFacts = {
    ...common,
    workspace: snapshot.workspace,
    selected,
    keys,
    tested,
    testFiles,
    checker,
  };
  return withFiles(facts, async () => files);
}

/** `work` done now; its result, or its error, when the returned function is called. */
function settled<T>(work: () => T): () => T {
  try {
    const value = work();
    return () => value;
  } catch (error) {
    return () => {
      throw error;
    };
  }
}

/** The run, whose files `read` gives once, on the first call of `loaded`. */
function withFiles(facts: RunFacts, read: () => Promise<RunFiles>): PreparedRun {
  let loading: Promise<LoadedRun> | undefined;
  const run: PreparedRun = {
    ...facts,
    loaded: () => {
      loading ??= read().then((files) => ({ ...run, ...files }));
      return loading;
    },
  };
  return run;
}

/** The paths whose git mode is a symbolic link's: what git stores of them is their text. */
function linksAmong(paths: Iterable<string>, files: ReadonlyMap<string, string>): Set<string> {
  const links = new Set<string>();
  for (const path of paths) if (files.get(path)?.startsWith('120000 ')) links.add(path);
  return links;
}

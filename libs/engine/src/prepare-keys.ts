import { GitRepo } from '@mainline/git';
import { CompiledBuildFiles } from '@mainline/change';
import { FingerprintMemo } from '@mainline/change';
import { loadWorkspaceAt } from '@mainline/change';
import { stateDir } from '@mainline/state';
import { keyTools } from './key-tools.ts';
import { prepareRun, type RunRequest } from './prepare-run.ts';
import { rememberedFor, rememberedKeys } from './remembered-keys.ts';
import { selectionOf } from './request-selection.ts';
import { type SelectedTargets, selectTargets } from './select-targets.ts';
import { keysId, type TargetKeys, targetKeys } from './target-keys.ts';

/** What a run would look up: the selected targets, their cache keys, which have tests. */
export interface RunKeys {
  readonly state: string;
  readonly selected: SelectedTargets;
  readonly keys: TargetKeys;
  /** The selected targets (and deps) that own at least one test file. */
  readonly tested: ReadonlySet<string>;
}

/**
 * The keys of a run at a commit, without checking anything out. When the commit's tree
 * was fingerprinted before (by `mainline test` on the same content, or an earlier push),
 * only BUILD.json is read; otherwise the snapshot is read from git as a run would.
 */
export async function prepareKeys(request: RunRequest & { readonly at: string }): Promise<RunKeys> {
  const repo = await GitRepo.open(request.cwd, { env: request.env });
  const state = request.state ?? stateDir(repo.root, request.env);
  const tree = await repo.treeOf(request.at);
  const remembered = new FingerprintMemo(state).read(tree);
  if (remembered !== undefined) {
    const [selection, { workspace }] = await Promise.all([
      selectionOf(request),
      loadWorkspaceAt(repo, tree, new CompiledBuildFiles(state), remembered.buildFile),
    ]);
    const selected = selectTargets(workspace, selection);
    const known = rememberedFor(remembered, selected.builds);
    if (known !== undefined) {
      const typecheck = request.typecheck !== false;
      const keyOptions = { tools: keyTools(repo.root, typecheck).tools, typecheck };
      const keys =
        rememberedKeys(remembered.keys, keysId(keyOptions), selected.builds) ??
        targetKeys(known, keyOptions);
      return { state, selected, keys, tested: known.tested };
    }
  }
  return prepareRun({ ...request, at: tree });
}

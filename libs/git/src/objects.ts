import { unknownRef, withGitFailed } from './errors.ts';
import { GitCommandError } from './git-command-error.ts';
import type { GitRunner } from './git-runner.ts';
import { type BatchObject, parseCatFileBatch } from './parse-cat-file-batch.ts';

/**
 * Objects by name (an oid, `rev:path`, `rev^{tree}`...), read by one
 * `git cat-file --batch`. Names go through stdin, so none can be taken for an option.
 * Names that do not resolve are absent from the result.
 */
export async function readObjects(
  git: GitRunner,
  names: readonly string[],
): Promise<Map<string, BatchObject>> {
  // The batch protocol is line based (and strips a trailing CR): such names go one by one.
  const batchable = names.filter((name) => !/[\r\n]/.test(name));
  const objects = new Map<string, BatchObject>();
  if (batchable.length > 0) {
    const input = `${batchable.join('\n')}\n`;
    const output = await withGitFailed(git.catFileBytes(['--batch'], { input }));
    for (const [name, object] of parseCatFileBatch(output, batchable)) objects.set(name, object);
  }
  const inBatch = new Set(batchable);
  for (const name of names.filter((candidate) => !inBatch.has(candidate))) {
    const blob = await readBlobByArgument(git, name);
    if (blob) objects.set(name, blob);
  }
  return objects;
}

async function readBlobByArgument(git: GitRunner, name: string): Promise<BatchObject | undefined> {
  try {
    const oid = (await git.text(['rev-parse', '--verify', '--end-of-options', name])).trim();
    return { oid, type: 'blob', content: await git.catFileBytes(['blob', oid]) };
  } catch (error) {
    if (error instanceof GitCommandError) return undefined;
    throw error;
  }
}

/**
 * The tree ids of `treeishes` (commits or trees), read in the same batch as the
 * `extra` objects; throws unknownRef naming the first tree-ish that is not one.
 */
export async function readTrees(
  git: GitRunner,
  treeishes: readonly string[],
  extra: readonly string[] = [],
): Promise<{ trees: string[]; extra: Array<BatchObject | undefined> }> {
  const treeNames = treeishes.map((treeish) => `${treeish}^{tree}`);
  const objects = await readObjects(git, [...treeNames, ...extra]);
  const trees = treeishes.map((treeish, index) => {
    const tree = objects.get(treeNames[index] ?? '');
    if (tree?.type !== 'tree') throw unknownRef(treeish);
    return tree.oid;
  });
  return { trees, extra: extra.map((name) => objects.get(name)) };
}

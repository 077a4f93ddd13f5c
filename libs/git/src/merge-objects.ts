import { gitFailed, withGitFailed } from './errors.ts';
import { GitCommandError } from './git-command-error.ts';
import type { GitRunner } from './git-runner.ts';

export type MergeResult = { readonly tree: string } | { readonly conflicts: string[] };

/**
 * The tree of merging `theirs` into `ours`, computed in git's object store without a work
 * tree (`git merge-tree --write-tree`); the conflicted paths when it does not merge cleanly.
 */
export async function mergeTrees(
  git: GitRunner,
  ours: string,
  theirs: string,
): Promise<MergeResult> {
  const args = ['merge-tree', '--write-tree', '--name-only', '-z', '--no-messages', ours, theirs];
  let output: string;
  let clean = true;
  try {
    output = await git.text(args);
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    if (error.exitCode !== 1) throw gitFailed(error);
    output = error.stdout;
    clean = false;
  }
  const [tree = '', ...paths] = output.split('\0').filter((part) => part !== '');
  return clean ? { tree } : { conflicts: paths };
}

/** A commit object of `tree` with these parents, made by mainline; it moves no ref. */
export async function commitTree(
  git: GitRunner,
  tree: string,
  parents: readonly string[],
  message: string,
): Promise<string> {
  const identity = ['-c', 'user.name=mainline', '-c', 'user.email=mainline@localhost'];
  const parentArgs = parents.flatMap((parent) => ['-p', parent]);
  const args = [...identity, 'commit-tree', ...parentArgs, '-m', message, tree];
  return (await withGitFailed(git.text(args))).trim();
}

import { gitFailed, withGitFailed } from './errors.ts';
import { GitCommandError } from './git-command-error.ts';
import type { GitRunner } from './git-runner.ts';

/** A commit as the trunk loop reads it. */
export interface CommitInfo {
  readonly sha: string;
  readonly parents: readonly string[];
  /** Committer time, milliseconds since the epoch. */
  readonly time: number;
  readonly subject: string;
  /** The whole message. */
  readonly message: string;
}

/**
 * The first-parent line from `from` (excluded; undefined: from the root) to `to`
 * (included), oldest first: trunk's own history, a merged branch counted as its merge.
 */
export async function firstParentLine(
  git: GitRunner,
  from: string | undefined,
  to: string,
): Promise<string[]> {
  const range = from === undefined ? [to] : [`^${from}`, to];
  const output = await withGitFailed(
    git.text(['rev-list', '--first-parent', '--reverse', '--end-of-options', ...range]),
  );
  return output.split('\n').filter((line) => line !== '');
}

/** Each commit's parents, time, subject and message, in the order asked. */
export async function commitInfos(git: GitRunner, shas: readonly string[]): Promise<CommitInfo[]> {
  if (shas.length === 0) return [];
  const format = '%H%x00%P%x00%ct%x00%s%x00%B%x00%x01';
  const output = await withGitFailed(
    git.text(['log', '--no-walk=unsorted', `--format=${format}`, '--stdin'], {
      input: `${shas.join('\n')}\n`,
    }),
  );
  return output
    .split('\x01')
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record !== '')
    .map((record) => {
      const [sha = '', parents = '', time = '0', subject = '', message = ''] = record.split('\0');
      return {
        sha,
        parents: parents.split(' ').filter((parent) => parent !== ''),
        time: Number(time) * 1000,
        subject,
        message,
      };
    });
}

/** Whether `ancestor` is `descendant` or one of its ancestors. */
export async function isAncestor(
  git: GitRunner,
  ancestor: string,
  descendant: string,
): Promise<boolean> {
  try {
    await git.text(['merge-base', '--is-ancestor', '--end-of-options', ancestor, descendant]);
    return true;
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    if (error.exitCode === 1) return false;
    throw gitFailed(error);
  }
}

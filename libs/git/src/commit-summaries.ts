import { withGitFailed } from './errors.ts';
import type { GitRunner } from './git-runner.ts';

/** A commit as a person reads it in a list: who, when, what. */
export interface CommitSummary {
  readonly sha: string;
  readonly author: string;
  /** Author time, milliseconds since the epoch. */
  readonly time: number;
  readonly subject: string;
}

/**
 * The summary of each commit this repository has, in one `git log`; a sha it does not
 * have (not fetched yet, or gone) is left out rather than failing the others.
 */
export async function commitSummaries(
  git: GitRunner,
  shas: readonly string[],
): Promise<CommitSummary[]> {
  if (shas.length === 0) return [];
  const output = await withGitFailed(
    git.text(
      [
        'log',
        '--no-walk=unsorted',
        '--ignore-missing',
        '--format=%H%x00%an%x00%at%x00%s',
        '--stdin',
      ],
      { input: `${shas.join('\n')}\n` },
    ),
  );
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [sha = '', author = '', time = '0', subject = ''] = line.split('\0');
      return { sha, author, time: Number(time) * 1000, subject };
    });
}

/** `git show --stat` of a commit: its header, message and the files it changed. */
export async function commitStat(git: GitRunner, sha: string): Promise<string> {
  return withGitFailed(
    git.text(['show', '--stat', '--no-color', '--format=medium', '--end-of-options', sha]),
  );
}

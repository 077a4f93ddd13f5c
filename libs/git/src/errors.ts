import { MainlineError } from '@mainline/core';
import { GitCommandError } from './git-command-error.ts';

export function unknownRef(ref: string, cause?: unknown): MainlineError {
  return new MainlineError('unknownRef', `unknown git revision '${ref}'`, {
    hint: `check the spelling (git branch -a, git log --oneline), or fetch it first: git fetch origin ${ref.startsWith('-') ? '<ref>' : ref}`,
    cause,
  });
}

export function gitFailed(error: GitCommandError): MainlineError {
  return new MainlineError('gitFailed', `git ${error.args[0] ?? ''} failed: ${error.reason}`, {
    hint: `the command was: git ${error.args.join(' ')}`,
    cause: error,
  });
}

export function shallowClone(base: string, head: string, cause?: unknown): MainlineError {
  return new MainlineError(
    'shallowClone',
    `no merge-base of ${base} and ${head} in this shallow clone: the history that joins them was not fetched`,
    {
      hint: 'fetch the full history: git fetch --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0)',
      cause,
    },
  );
}

export function noMergeBase(base: string, head: string, cause?: unknown): MainlineError {
  return new MainlineError('noMergeBase', `${base} and ${head} have no common ancestor`, {
    hint: 'the two histories are unrelated (an orphan branch?); pass a --base on the same history as --head',
    cause,
  });
}

/** Awaits a git command, turning its failure into a 'gitFailed' MainlineError. */
export async function withGitFailed<T>(command: Promise<T>): Promise<T> {
  try {
    return await command;
  } catch (error) {
    throw error instanceof GitCommandError ? gitFailed(error) : error;
  }
}

export function unknownRefInShallowClone(ref: string, cause?: unknown): MainlineError {
  return new MainlineError('shallowClone', `'${ref}' is not in this shallow clone`, {
    hint: 'fetch the history it needs: git fetch --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0)',
    cause,
  });
}

export function noCommits(ref: string, cause?: unknown): MainlineError {
  return new MainlineError(
    'unknownRef',
    `unknown git revision '${ref}': the repository has no commits yet`,
    {
      hint: 'commit first (git add -A && git commit), then compare',
      cause,
    },
  );
}

import { gitFailed, unknownRef } from './errors.ts';
import { GitCommandError } from './git-command-error.ts';
import type { GitRunner } from './git-runner.ts';

/**
 * Paths at a tree-ish (a commit or tree name, not `rev:dir`) with content matching
 * an extended regular expression.
 */
export async function grepFiles(
  git: GitRunner,
  treeish: string,
  pattern: string,
  pathspecs: readonly string[] = [],
): Promise<string[]> {
  // git 2.39's grep has no --end-of-options (it takes it for a revision), so a name
  // that git would read as an option is refused here.
  if (treeish.startsWith('-')) throw unknownRef(treeish);
  const args = ['grep', '-l', '-z', '-E', '--no-color', '-e', pattern, treeish, '--', ...pathspecs];
  let output: string;
  try {
    output = await git.text(args, { okExitCodes: [1] });
  } catch (error) {
    if (error instanceof GitCommandError && /unable to resolve revision/.test(error.stderr)) {
      throw unknownRef(treeish, error);
    }
    throw error instanceof GitCommandError ? gitFailed(error) : error;
  }
  const prefix = `${treeish}:`;
  return output
    .split('\0')
    .filter((entry) => entry !== '')
    .map((entry) => (entry.startsWith(prefix) ? entry.slice(prefix.length) : entry));
}

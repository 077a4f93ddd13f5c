import { GitCommandError } from './git-command-error.ts';
import type { GitRunner } from './git-runner.ts';

/**
 * `rev-parse` lines: the work tree root, the index path, then the probe's answers. A
 * probe git refuses (an unknown ref, a missing path) costs one more plain rev-parse.
 */
export async function openLines(
  git: GitRunner,
  probeArgs: string[] | undefined,
): Promise<string[]> {
  const own = ['rev-parse', '--show-toplevel', '--git-path', 'index'];
  if (probeArgs !== undefined) {
    try {
      return (await git.quickText([...own, ...probeArgs])).split('\n').filter((l) => l !== '');
    } catch (error) {
      if (!(error instanceof GitCommandError)) throw error;
    }
  }
  return (await git.quickText(own)).split('\n').filter((line) => line !== '');
}

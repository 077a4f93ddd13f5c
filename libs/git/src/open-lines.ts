import { GitCommandError } from './git-command-error.ts';
import type { GitRunner } from './git-runner.ts';
import type { RangeProbe } from './range-probe.ts';
import { startupCommands } from './startup-commands.ts';

/**
 * `rev-parse` lines: the work tree root, the index path, then the probe's answers. A
 * probe git refuses (an unknown ref, a missing path) costs one more plain rev-parse.
 */
export async function openLines(git: GitRunner, probe: RangeProbe | undefined): Promise<string[]> {
  const own = startupCommands.open();
  const probed = startupCommands.open(probe);
  if (probed.length > own.length) {
    try {
      return (await git.quickText(probed)).split('\n').filter((l) => l !== '');
    } catch (error) {
      if (!(error instanceof GitCommandError)) throw error;
    }
  }
  return (await git.quickText(own)).split('\n').filter((line) => line !== '');
}

import { closeSync, readFileSync } from 'node:fs';
import { GitAnswers } from '@mainline/git';

/**
 * The git answers bin/mainline asked while Node started, on the file descriptor named by
 * MAINLINE_GIT_ANSWERS (see GitAnswers), read to its end. Their git ran while Node
 * started, so this waits at most for what is left of it (on a large repository the diff
 * can outlast Node's start-up).
 * Undefined when there are none.
 */
export function takeGitAnswers(env: NodeJS.ProcessEnv): GitAnswers | undefined {
  const fd = env.MAINLINE_GIT_ANSWERS;
  if (fd === undefined) return undefined;
  delete env.MAINLINE_GIT_ANSWERS; // not for child processes: the descriptor is not theirs
  if (!/^\d+$/.test(fd)) return undefined;
  let transcript: Buffer;
  try {
    transcript = readFileSync(Number(fd));
    closeSync(Number(fd));
  } catch {
    return undefined;
  }
  return GitAnswers.parse(transcript, process.cwd());
}

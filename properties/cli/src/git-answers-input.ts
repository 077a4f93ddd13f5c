import { closeSync, readFileSync } from 'node:fs';
import { GitAnswers } from '@mainline/git';

/**
 * The git answers bin/mainline asked while Node started, on the file descriptor named by
 * MAINLINE_GIT_ANSWERS (see GitAnswers). Read to its end: the front door's git commands
 * take a few milliseconds and Node's start-up ~0.1 s, so they are done by now.
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

import { isMainlineError } from '@mainline/core';
import { openStateStore, stateDir } from '@mainline/state';
import { GitRepo } from '@mainline/git';
import { takeTrunkLock } from './trunk-lock.ts';
import type { TrunkOptions } from './trunk-options.ts';
import { type PassOutcome, trunkPass } from './trunk-pass.ts';

export interface LoopOptions extends TrunkOptions {
  /** One pass, then stop. */
  readonly once: boolean;
  readonly intervalSeconds: number;
}

/**
 * The trunk loop: one loop per state folder (a second one is refused, naming the first),
 * passes every `intervalSeconds` until the signal (Ctrl-C, SIGTERM), a failed fetch or an
 * unreachable remote logged and retried at the next pass. With `once`, one pass: its
 * outcome decides the exit code. Everything it learns is in the store as it happens, so a
 * loop killed at any point resumes where it stopped.
 */
export async function runTrunkLoop(options: LoopOptions): Promise<PassOutcome | undefined> {
  const repo = await GitRepo.open(options.cwd, { env: options.env });
  const state = stateDir(repo.root, options.env);
  const release = takeTrunkLock(state);
  try {
    let last: PassOutcome | undefined;
    for (;;) {
      const store = openStateStore(state);
      try {
        last = await trunkPass(store, state, options);
      } catch (error) {
        if (options.once || !isMainlineError(error) || error.code !== 'gitFailed') throw error;
        options.emit({
          type: 'fetch-failed',
          message: error.message,
          retryInSeconds: options.intervalSeconds,
        });
      } finally {
        store.close();
      }
      if (options.once || options.signal.aborted) return last;
      await sleep(options.intervalSeconds * 1000, options.signal);
      if (options.signal.aborted) return last;
    }
  } finally {
    release();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

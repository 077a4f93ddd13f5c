import { GitRepo } from '@mainline/git';
import { openStateStore, stateDir } from '@mainline/state';
import { revertCandidate } from '@mainline/trunk';
import { executorFor } from '../executor.ts';
import type { Io } from '../io.ts';
import { runningInCI } from '../output/ci.ts';
import { colourEnabled } from '../output/style.ts';

/**
 * The dashboard is its own ES module bundle (dist/tui.mjs, built beside this one): ink and
 * react load only here, never for another command. A variable, so the bundler leaves it.
 */
const dashboardBundle = './tui.mjs';

/**
 * `mainline tui`: the sheriff's screen on a terminal; without one, or with `--once`, one
 * plain snapshot of the same panels.
 */
export async function tuiCommand(options: { readonly once?: boolean }, io: Io): Promise<number> {
  const repo = await GitRepo.open(io.cwd, { env: io.env });
  const state = stateDir(repo.root, io.env);
  const store = openStateStore(state);
  try {
    const bundle = new URL(dashboardBundle, import.meta.url).href;
    const { runDashboard } = (await import(bundle)) as typeof import('@mainline/tui');
    return await runDashboard({
      store,
      state,
      root: repo.root,
      openGit: (dir) => GitRepo.open(dir, { env: io.env }),
      revert: (decisionId) =>
        revertCandidate({
          cwd: repo.root,
          env: io.env,
          decisionId,
          executor: executorFor(io.env),
          now: Date.now,
        }),
      // In CI output is plain lines, never an interactive display (as for every command).
      interactive:
        options.once !== true && io.stdoutIsTTY && process.stdin.isTTY === true && !runningInCI(),
      color: colourEnabled(io),
      width: Math.max(80, process.stdout.columns ?? 100),
      write: io.stdout,
      now: Date.now,
    });
  } finally {
    store.close();
  }
}

import { type ErrorCode, isMainlineError } from '@mainline/core';
import { GitRepo } from '@mainline/git';
import { formatSummary, progressReporter } from '@mainline/report';
import { runWatchLoop, watchFiles } from '@mainline/watch';
import type { Io } from '../io.ts';
import { executorFor } from '../executor.ts';
import { reportError } from '../output/report-error.ts';
import { styleFor } from '../output/style.ts';
import { runPipeline } from '@mainline/engine';

/** Errors of the command line itself, which end the watch at once (exit 2). */
const badArguments: ReadonlySet<ErrorCode> = new Set(['unknownTarget', 'usage']);

/** Saves closer together than this make one cycle. */
const debounceMs = 200;

/**
 * `mainline watch [TARGET...]`: a test run now, then one per batch of saves. Each cycle
 * is `mainline test` over the targets (all by default): the cache makes it rebuild and
 * retest exactly what the saves affect. Saves during a cycle are queued for the next;
 * a broken file mid-edit is reported and the watch goes on; Ctrl-C stops it cleanly.
 */
export async function watchCommand(names: readonly string[], io: Io): Promise<number> {
  const repo = await GitRepo.open(io.cwd, { env: io.env });
  const style = styleFor(io);
  const executor = executorFor(io.env);
  /** One test run; returns the error that stopped it, if one did. */
  const cycle = async (paths: readonly string[], signal: AbortSignal): Promise<unknown> => {
    if (paths.length > 0) io.stderr(`\n${describeSaves(paths)}\n`);
    try {
      const { summary } = await runPipeline({
        kind: 'watch',
        command: 'test',
        argv: ['watch', ...names],
        cwd: repo.root,
        env: io.env,
        executor,
        selection: names.length > 0 ? { names } : { names: [], all: true },
        signal,
        emit: progressReporter(io.stderr, style),
      });
      io.stdout(formatSummary(summary, style));
      return undefined;
    } catch (error) {
      reportError(io, error, false);
      return error;
    }
  };
  const watching = (): void => io.stderr(style.dim('watching for saves (Ctrl-C to stop)\n'));
  const loop = runWatchLoop({
    debounceMs,
    run: async (paths, signal) => {
      await cycle(paths, signal);
      watching();
    },
  });
  const watcher = await watchFiles(repo.root, (paths) => loop.changed(paths));
  const initial = new AbortController();
  let stopListening = (): void => {};
  const stopped = new Promise<void>((resolve) => {
    stopListening = io.onInterrupt(() => {
      stopListening();
      initial.abort();
      void Promise.all([loop.stop(), watcher.close()]).then(() => resolve());
    });
  });
  const failure = await cycle([], initial.signal);
  if (isMainlineError(failure) && badArguments.has(failure.code)) {
    // Asked for what does not exist: no save will fix the command line.
    stopListening();
    await Promise.all([loop.stop(), watcher.close()]);
    return 2;
  }
  watching();
  await stopped;
  return 0;
}

function describeSaves(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).join(', ');
  const more = paths.length > 5 ? ` and ${paths.length - 5} more` : '';
  return `${paths.length === 1 ? 'changed' : `${paths.length} files changed`}: ${shown}${more}`;
}

import { availableParallelism } from 'node:os';
import { GitRepo } from '@mainline/git';
import { formatSummary, progressReporter } from '@mainline/report';
import { runWatchLoop, watchFiles } from '@mainline/watch';
import type { Io } from '../io.ts';
import { reportError } from '../output/report-error.ts';
import { styleFor } from '../output/style.ts';
import { runPipeline } from '../pipeline/run-pipeline.ts';

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
  const cycle = async (paths: readonly string[], signal: AbortSignal): Promise<void> => {
    if (paths.length > 0) io.stderr(`\n${describeSaves(paths)}\n`);
    try {
      const { summary } = await runPipeline({
        command: 'test',
        argv: ['watch', ...names],
        cwd: repo.root,
        env: io.env,
        selection: names.length > 0 ? { names } : { names: [], all: true },
        typecheck: true,
        concurrency: availableParallelism(),
        failFast: false,
        retries: 0,
        strictFlakes: false,
        signal,
        emit: progressReporter(io.stderr, style),
      });
      io.stdout(formatSummary(summary, style));
    } catch (error) {
      reportError(io, error, false);
    }
    io.stderr(style.dim('watching for saves (Ctrl-C to stop)\n'));
  };
  const loop = runWatchLoop({ debounceMs, run: cycle });
  const watcher = await watchFiles(repo.root, (paths) => loop.changed(paths));
  const initial = new AbortController();
  const stopped = new Promise<void>((resolve) => {
    const stopListening = io.onInterrupt(() => {
      stopListening();
      initial.abort();
      void Promise.all([loop.stop(), watcher.close()]).then(() => resolve());
    });
  });
  await cycle([], initial.signal);
  await stopped;
  return 0;
}

function describeSaves(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).join(', ');
  const more = paths.length > 5 ? ` and ${paths.length - 5} more` : '';
  return `${paths.length === 1 ? 'changed' : `${paths.length} files changed`}: ${shown}${more}`;
}

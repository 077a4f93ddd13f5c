import { resolve } from 'node:path';
import { defaultReportDir, runNightly } from '@mainline/nightly';
import { formatSummary } from '@mainline/report';
import { executorFor } from '../executor.ts';
import type { Io } from '../io.ts';
import { nightlyLines } from '../output/nightly-lines.ts';
import { reportFolder, writeNightlyReports } from '../output/nightly-reports.ts';
import { styleFor } from '../output/style.ts';
import { runRemoteCache } from '../remote-cache.ts';
import { count, interruptedExit, progressFor } from './run-targets.ts';

export interface NightlyCommandOptions {
  readonly report?: string;
  readonly retries?: string;
  readonly trunk?: boolean;
  readonly json?: boolean;
  /** `--remote-cache`: read, write, readwrite or off (see remote-cache.ts). */
  readonly remoteCache?: string;
}

/**
 * `mainline nightly`: every target built and tested afresh, its reports written to
 * `--report DIR` (default `.mainline/nightly/<run id>`). Exit 1 when anything is red.
 */
export async function nightlyCommand(
  options: NightlyCommandOptions,
  argv: readonly string[],
  io: Io,
): Promise<number> {
  const retries = count('--retries', options.retries, 2, 0);
  const given =
    options.report === undefined ? undefined : reportFolder(resolve(io.cwd, options.report));
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => controller.abort());
  const remoteCache = runRemoteCache(io, options.remoteCache);
  const progress = progressFor(io);
  // The reports' time counts from the run's end (issue 13: at most 2 s at 1,000 targets).
  let runEnded = performance.now();
  try {
    const outcome = await runNightly({
      cwd: io.cwd,
      env: io.env,
      executor: executorFor(io.env, true),
      retries,
      trunk: options.trunk === true,
      argv,
      signal: controller.signal,
      sharedCache: remoteCache.open,
      emit: (event) => {
        if (event.type === 'run-finished') runEnded = performance.now();
        progress.onEvent(event);
      },
      ...(given === undefined ? {} : { reportDir: given }),
    });
    progress.stop();
    await remoteCache.finish(undefined);
    const { report, summary } = outcome;
    if (report === undefined) {
      io.stderr('mainline: the nightly was interrupted: no report written\n');
      return interruptedExit;
    }
    const dir = given ?? defaultReportDir(outcome.state, outcome.runId);
    await writeNightlyReports(dir, report, summary, io.env);
    const reportSeconds = ((performance.now() - runEnded) / 1000).toFixed(3);
    io.stderr(`reports written ${reportSeconds} s after the run ended\n`);
    if (options.json) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      io.stderr(`reports: ${dir}\n`);
    } else {
      const style = styleFor(io);
      io.stdout(formatSummary(summary, style));
      io.stdout(nightlyLines(report, dir, style));
    }
    return report.status === 'failed' ? 1 : 0;
  } finally {
    progress.stop();
    await remoteCache.finish(undefined);
    stopListening();
  }
}

import { accessSync, appendFileSync, constants, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { MainlineError, type RunCommand, type RunStatus } from '@mainline/core';
import type { RunEvent, RunSummary } from '@mainline/core';
import {
  formatSummary,
  githubAnnotations,
  githubJobSummary,
  jsonReport,
  junitReport,
  liveProgress,
  progressReporter,
} from '@mainline/report';
import type { Io } from '../io.ts';
import { runningInCI } from '../output/ci.ts';
import { styleFor } from '../output/style.ts';
import { runPipeline } from '@mainline/engine';
import { executorFor } from '../executor.ts';
import { runRemoteCache } from '../remote-cache.ts';
import { type ShardToRun, shardToRun } from './shard-plan.ts';
import { writeShardResults } from './shard-results.ts';

export interface RunTargetsOptions {
  readonly affected?: boolean;
  readonly all?: boolean;
  readonly base?: string;
  readonly jobs?: string;
  readonly failFast?: boolean;
  /** commander's `--no-typecheck`: false when given. */
  readonly typecheck?: boolean;
  readonly json?: boolean;
  readonly retries?: string;
  readonly strictFlakes?: boolean;
  readonly junit?: string;
  readonly testTimeout?: string;
  readonly fileTimeout?: string;
  readonly testMemory?: string;
  /** `--remote-cache`: read, write, readwrite or off (see remote-cache.ts). */
  readonly remoteCache?: string;
  /** `--shard I/N` (test only): shard I of the plan (see shard-plan.ts). */
  readonly shard?: string;
  /** `--plan FILE`: the plan the shard comes from. */
  readonly plan?: string;
  /** `--results DIR`: the run's results for `mainline results merge`. */
  readonly results?: string;
}

/** Exit code of an interrupted run, as shells report a process stopped by Ctrl-C. */
export const interruptedExit = 130;

/** `mainline build` and `mainline test`: run, report, and turn the result into an exit code. */
export async function runTargetsCommand(
  command: RunCommand,
  names: readonly string[],
  options: RunTargetsOptions,
  argv: readonly string[],
  io: Io,
): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const stopListening = io.onInterrupt(() => {
    interrupts++;
    if (interrupts > 1) process.exit(interruptedExit); // a second Ctrl-C: stop at once
    io.stderr(
      '\nstopping: finishing what runs and recording the run as interrupted (Ctrl-C again to quit now)\n',
    );
    controller.abort();
  });
  // A report that cannot be written is found out before the run, not after it.
  const junitFile = options.junit === undefined ? undefined : writableFile(io.cwd, options.junit);
  if (options.plan !== undefined && options.shard === undefined) {
    throw new MainlineError('usage', '--plan needs --shard I/N', {
      hint: 'e.g. mainline test --shard 1/4 --plan mainline-plan.json',
    });
  }
  const shard =
    options.shard === undefined
      ? undefined
      : await shardToRun(io, { ...options, shard: options.shard, names });
  const remote = runRemoteCache(io, options.remoteCache);
  const progress = progressFor(io);
  try {
    const { runId, summary } =
      shard?.targets.length === 0
        ? emptyShard(io, shard)
        : await runPipeline({
            kind: command,
            command,
            executor: executorFor(io.env, command === 'test'),
            argv,
            cwd: io.cwd,
            env: io.env,
            // A shard's targets are chosen: the selection flags chose them in its plan.
            selection: shard
              ? { names: shard.targets }
              : {
                  names,
                  ...(options.all ? { all: true } : {}),
                  ...(options.affected ? { affected: true } : {}),
                  ...(options.base === undefined ? {} : { base: options.base }),
                },
            typecheck: options.typecheck !== false,
            concurrency: count('--jobs', options.jobs, availableParallelism(), 1),
            failFast: options.failFast === true,
            retries: count('--retries', options.retries, 0, 0),
            testLimits: {
              ...optional('testMs', count('--test-timeout', options.testTimeout, undefined, 1)),
              ...optional('fileMs', count('--file-timeout', options.fileTimeout, undefined, 1)),
            },
            ...optional('testMemoryMb', count('--test-memory', options.testMemory, undefined, 16)),
            strictFlakes: options.strictFlakes === true,
            signal: controller.signal,
            emit: progress.onEvent,
            sharedCache: remote.open,
          });
    progress.stop();
    const fromRemote = await remote.finish(summary);
    // Written before the summary is printed: a failure then prints only its error document.
    if (junitFile !== undefined) writeReport(junitFile, await junitReport(summary));
    if (options.results !== undefined) {
      await writeShardResults(io.cwd, options.results, {
        version: 1,
        ...(shard ? { shard: { index: shard.index, count: shard.count }, plan: shard.plan } : {}),
        runId: runId ?? null,
        summary,
      });
    }
    if (io.env.GITHUB_ACTIONS === 'true') reportToGitHub(summary, io);
    if (options.json) io.stdout(jsonReport(summary, runId));
    else io.stdout(formatSummary(summary, styleFor(io)));
    if (fromRemote !== undefined) (options.json ? io.stderr : io.stdout)(fromRemote);
    if (summary.builds.length === 0 && names.length === 0 && !options.all && !shard) {
      io.stderr(
        'mainline: no target is affected by the working tree since the merge-base with the trunk (or --base)\n  hint: name targets, or use --all to run every target\n',
      );
    }
    return exitCode(summary.status);
  } finally {
    progress.stop();
    await remote.finish(undefined);
    stopListening();
  }
}

/** A shard the plan gave no target (more shards than targets): nothing runs, green. */
function emptyShard(io: Io, shard: ShardToRun): { runId: undefined; summary: RunSummary } {
  io.stderr(`mainline: shard ${shard.index}/${shard.count} of plan ${shard.plan} has no targets\n`);
  return {
    runId: undefined,
    summary: { command: 'test', status: 'passed', durationMs: 0, builds: [], tests: [] },
  };
}

/** `path` resolved, once its folder is known to exist and be writable. */
export function writableFile(cwd: string, path: string): string {
  const file = resolve(cwd, path);
  try {
    if (!statSync(dirname(file)).isDirectory()) throw new Error(`${dirname(file)} is not a folder`);
    accessSync(dirname(file), constants.W_OK);
  } catch (error) {
    throw cannotWrite(file, error);
  }
  return file;
}

export function writeReport(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw cannotWrite(file, error);
  }
}

function cannotWrite(file: string, error: unknown): MainlineError {
  const reason = error instanceof Error ? error.message : String(error);
  return new MainlineError('reportFailed', `cannot write the JUnit report ${file}: ${reason}`, {
    hint: 'pass --junit a file in an existing folder you can write to',
  });
}

/** A status line redrawn in place on a terminal; plain lines in CI, logs and pipes. */
export function progressFor(io: Io): { onEvent: (event: RunEvent) => void; stop: () => void } {
  const style = styleFor(io);
  if (!io.stderrIsTTY || runningInCI())
    return { onEvent: progressReporter(io.stderr, style), stop() {} };
  const live = liveProgress(io.stderr, style);
  const timer = setInterval(live.tick, 100);
  timer.unref();
  return {
    onEvent: live.onEvent,
    stop() {
      clearInterval(timer);
      live.stop();
    },
  };
}

/** Error annotations on the pull request, and the job summary when the runner asks. */
function reportToGitHub(summary: RunSummary, io: Io): void {
  io.stderr(githubAnnotations(summary));
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, githubJobSummary(summary));
}

function exitCode(status: RunStatus): number {
  if (status === 'interrupted') return interruptedExit;
  return status === 'passed' ? 0 : 1;
}

function optional<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: number });
}

export function count<T extends number | undefined>(
  flag: string,
  value: string | undefined,
  fallback: T,
  min: number,
): number | T {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) {
    throw new MainlineError(
      'usage',
      `${flag} must be a whole number of at least ${min}, not '${value}'`,
      {
        hint: `e.g. ${flag} ${Math.max(min, 2)}`,
      },
    );
  }
  return parsed;
}

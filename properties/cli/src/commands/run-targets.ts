import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { MainlineError, type RunCommand, type RunStatus } from '@mainline/core';
import { formatSummary, jsonReport, junitReport, progressReporter } from '@mainline/report';
import type { Io } from '../io.ts';
import { styleFor } from '../output/style.ts';
import { runPipeline } from '../pipeline/run-pipeline.ts';

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
}

/** Exit code of an interrupted run, as shells report a process stopped by Ctrl-C. */
const interruptedExit = 130;

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
  try {
    const progress = progressReporter(io.stderr, styleFor(io));
    const { runId, summary } = await runPipeline({
      command,
      argv,
      cwd: io.cwd,
      env: io.env,
      selection: {
        names,
        ...(options.all ? { all: true } : {}),
        ...(options.affected ? { affected: true } : {}),
        ...(options.base === undefined ? {} : { base: options.base }),
      },
      typecheck: options.typecheck !== false,
      concurrency: count('--jobs', options.jobs, availableParallelism(), 1),
      failFast: options.failFast === true,
      retries: count('--retries', options.retries, 0, 0),
      strictFlakes: options.strictFlakes === true,
      signal: controller.signal,
      emit: progress,
    });
    if (options.junit !== undefined) {
      writeFileSync(resolve(io.cwd, options.junit), await junitReport(summary));
    }
    if (options.json) io.stdout(jsonReport(summary, runId));
    else io.stdout(formatSummary(summary, styleFor(io)));
    return exitCode(summary.status);
  } finally {
    stopListening();
  }
}

function exitCode(status: RunStatus): number {
  if (status === 'interrupted') return interruptedExit;
  return status === 'passed' ? 0 : 1;
}

function count(flag: string, value: string | undefined, fallback: number, min: number): number {
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

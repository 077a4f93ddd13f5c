/** What the fuzzer runs for each mutated BUILD.json, and the exit codes each may give. */
export const fuzzCommands = {
  graph: { exits: [0, 2] },
  affected: { exits: [0, 2] },
  // A build may find red (exit 1): a mutated BUILD.json can name files that do not compile.
  build: { exits: [0, 1, 2] },
} as const;

export type FuzzCommand = keyof typeof fuzzCommands;

/**
 * The arguments of each command: `graph` reads the working tree, `affected` compares the
 * mutated commit with `base` (a valid BUILD.json: BUILD.json changed), `build` builds one
 * target and its deps (all 10,000 added targets would be a build's work, not analysis).
 */
export function fuzzArgs(command: FuzzCommand, base: string, target: string): string[] {
  if (command === 'graph') return ['graph', '--json'];
  if (command === 'affected') return ['affected', '--base', base, '--json'];
  return ['build', target, '--no-typecheck', '--json'];
}

/** A run of the real CLI with `--json`. */
export interface FuzzRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

export interface Verdict {
  /** e.g. `graph exit 2 buildFileInvalid`, for counting outcomes. */
  readonly outcome: string;
  /** Set when the run broke a rule: what it did wrong. */
  readonly fault?: string;
}

/** No run may take longer, whatever BUILD.json holds. */
export const fuzzTimeLimitSeconds = 20;

/**
 * Judges one run: an allowed exit code, no stack trace, no `internal` error, at most 20 s,
 * and for exit 2 the one JSON error document `--json` promises.
 */
export function judgeRun(command: FuzzCommand, run: FuzzRun): Verdict {
  const errorCode = run.code === 2 ? errorCodeOf(run.stdout) : undefined;
  const outcome = `${command} exit ${run.code}${errorCode ? ` ${errorCode}` : ''}`;
  const allowed: readonly number[] = fuzzCommands[command].exits;
  const fault = !allowed.includes(run.code)
    ? `exit code ${run.code}`
    : /^\s+at /m.test(run.stderr) || /^\s+at /m.test(run.stdout)
      ? 'a stack trace'
      : errorCode === 'internal' || run.stderr.includes('internal error')
        ? 'an internal error'
        : run.seconds > fuzzTimeLimitSeconds
          ? `${run.seconds.toFixed(1)} s`
          : run.code === 2 && errorCode === undefined
            ? 'exit 2 without a JSON error document'
            : undefined;
  return fault === undefined ? { outcome } : { outcome, fault };
}

function errorCodeOf(stdout: string): string | undefined {
  try {
    const document = JSON.parse(stdout) as { error?: { code?: unknown } };
    return typeof document.error?.code === 'string' ? document.error.code : undefined;
  } catch {
    return undefined;
  }
}

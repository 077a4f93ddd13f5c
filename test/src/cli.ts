import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cleanGitEnv } from '@mainline/git';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunCliOptions {
  readonly cwd: string;
  /** Added to the environment; `undefined` removes a variable. */
  readonly env?: Record<string, string | undefined>;
  /** Written to stdin (a pre-push hook reads its refs there); default: empty stdin. */
  readonly input?: string;
  /** Kill the process after this long; default 60 s. */
  readonly timeoutMs?: number;
  /** The `mainline` command to run; default: this checkout's properties/cli/bin/mainline. */
  readonly bin?: string;
}

/** The command npm links: a shell front door that starts Node itself. */
const cliBin = fileURLToPath(new URL('../../properties/cli/bin/mainline', import.meta.url));

/**
 * Runs the real `mainline` binary as a child process. Its environment is the test
 * process's, cleaned of GIT_DIR-style variables, with NO_COLOR=1 and without CI and
 * FORCE_COLOR (so runs are the same locally and in CI; pass `env: { CI: 'true' }` to
 * test CI behaviour).
 */
export function runCli(args: readonly string[], options: RunCliOptions): Promise<CliResult> {
  return startCli(args, options).result;
}

/** A CLI process still running: for tests that signal it or watch its output. */
export interface RunningCli {
  readonly child: ChildProcessWithoutNullStreams;
  readonly result: Promise<CliResult>;
  /** Resolves once stderr contains `text` (rejects if the process ends first). */
  waitForStderr(text: string): Promise<void>;
}

/** Starts the real `mainline` binary as runCli does, without waiting for it. */
export function startCli(args: readonly string[], options: RunCliOptions): RunningCli {
  const env: NodeJS.ProcessEnv = { ...cleanGitEnv(process.env), NO_COLOR: '1' };
  delete env.CI;
  delete env.FORCE_COLOR;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const child = spawn(options.bin ?? cliBin, args, {
    cwd: options.cwd,
    env: cleanGitEnv(env),
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: options.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const watchers: { text: string; found: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr.push(chunk);
    const seen = Buffer.concat(stderr).toString('utf8');
    for (const watcher of watchers.filter((w) => seen.includes(w.text))) watcher.found();
  });
  child.stdin.on('error', () => {}); // the CLI may exit without reading its input
  child.stdin.end(options.input ?? '');
  const result = new Promise<CliResult>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolvePromise({
        // A killed process reports 128 + signal number, as shells do.
        code: code ?? 128 + (signal ? constants.signals[signal] : 0),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
  const waitForStderr = (text: string): Promise<void> =>
    new Promise((resolveWait, reject) => {
      if (Buffer.concat(stderr).toString('utf8').includes(text)) return resolveWait();
      watchers.push({ text, found: resolveWait });
      void result.then((done) =>
        reject(new Error(`exited before printing '${text}':\n${done.stderr}`)),
      );
    });
  return { child, result, waitForStderr };
}

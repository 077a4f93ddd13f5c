import { GitError, GitPluginError, type SimpleGit, simpleGit } from 'simple-git';
import { GitCommandError } from './git-command-error.ts';
import { gitProcessEnv, ownGitVariables } from './env.ts';
import type { GitAnswer, GitAnswers } from './git-answers.ts';
import { spawnGit } from './spawn-git.ts';

export interface RunOptions {
  /** Written to git's stdin. */
  readonly input?: string;
  /** Variables added to the child environment (only ones simple-git allows). */
  readonly env?: Readonly<Record<string, string>>;
  /** Exit codes that mean an answer rather than a failure (`git grep` exits 1 on no match). */
  readonly okExitCodes?: readonly number[];
}

/**
 * Runs git through simple-git with argument arrays (never a shell string), the cleaned
 * environment, and failures as GitCommandError carrying the exit code; the few commands
 * of the `affected` hot path spawn git directly (quickText).
 */
export class GitRunner {
  readonly cwd: string;
  private readonly baseEnv: NodeJS.ProcessEnv;
  private plainClient: SimpleGit | undefined;
  private spawnEnv: Record<string, string> | undefined;
  private readonly answers: GitAnswers | undefined;

  /** `answers`: git's answers given before this process started (see GitAnswers). */
  constructor(cwd: string, baseEnv: NodeJS.ProcessEnv, answers?: GitAnswers) {
    this.cwd = cwd;
    this.baseEnv = baseEnv;
    this.answers = answers;
  }

  /** stdout as UTF-8 text. */
  async text(args: readonly string[], options: RunOptions = {}): Promise<string> {
    const client = this.clientFor(options);
    return this.guard(args, options, () => client.raw([...args]));
  }

  /**
   * stdout as UTF-8 text, git spawned directly (see spawnGit): only for the fixed commands
   * of the `affected` hot path.
   */
  async quickText(args: readonly string[]): Promise<string> {
    const answered = this.answers?.take(args);
    // A failure is asked again: the transcript has no stderr to explain it with.
    if (answered?.status === 0) return answered.stdout;
    this.spawnEnv ??= gitProcessEnv(this.baseEnv);
    return spawnGit(this.cwd, args, this.spawnEnv);
  }

  /** The answer to `git ARGS` given before this process started, if any (once). */
  answered(args: readonly string[]): GitAnswer | undefined {
    return this.answers?.take(args);
  }

  /** Will `answered(args)` have an answer? */
  hasAnswer(args: readonly string[]): boolean {
    return this.answers?.has(args) === true;
  }

  /** stdout as bytes; only `git cat-file`, the one task simple-git returns raw. */
  async catFileBytes(args: readonly string[], options: RunOptions = {}): Promise<Buffer> {
    const client = this.clientFor(options);
    const output: unknown = await this.guard(['cat-file', ...args], options, () =>
      client.binaryCatFile([...args]),
    );
    if (Buffer.isBuffer(output)) return output;
    if (output === '') return Buffer.alloc(0);
    throw new TypeError('simple-git binaryCatFile returned something other than a Buffer');
  }

  private clientFor(options: RunOptions): SimpleGit {
    if (options.input !== undefined || options.env !== undefined) return this.client(options);
    this.plainClient ??= this.client({});
    return this.plainClient;
  }

  private client(options: RunOptions): SimpleGit {
    const { input } = options;
    let client: SimpleGit;
    try {
      client = this.simpleGitFor(input);
    } catch {
      // simple-git checks the folder up front (GitConstructError).
      const stderr = `no such directory: ${this.cwd}`;
      throw new GitCommandError({ args: [], exitCode: undefined, stdout: '', stderr });
    }
    return client.env(gitProcessEnv(this.baseEnv, options.env));
  }

  private simpleGitFor(input: string | undefined): SimpleGit {
    return simpleGit({
      baseDir: this.cwd,
      allowEnvironment: [...ownGitVariables],
      // Finish on the 'close' event only: with simple-git's default, every git process
      // also arms a 50 ms timer on 'exit' that keeps Node alive after the last call.
      completion: { onClose: true, onExit: false },
      errors: (error, result) => {
        if (result.exitCode === 0 && error === undefined) return undefined;
        return new GitCommandError({
          args: [],
          exitCode: result.exitCode,
          stdout: Buffer.concat(result.stdOut).toString('utf8'),
          stderr: Buffer.concat(result.stdErr).toString('utf8') || messageOf(error),
        });
      },
      ...(input === undefined ? {} : { input: () => input }),
    });
  }

  private async guard<T>(
    args: readonly string[],
    options: RunOptions,
    run: () => Promise<T>,
  ): Promise<T | ''> {
    try {
      return await run();
    } catch (error) {
      const failure = asCommandError(args, error);
      if (failure.exitCode !== undefined && options.okExitCodes?.includes(failure.exitCode)) {
        return '';
      }
      throw failure;
    }
  }
}

function asCommandError(args: readonly string[], error: unknown): GitCommandError {
  if (error instanceof GitCommandError) {
    return new GitCommandError({ ...error, args });
  }
  // GitPluginError: simple-git refused the arguments or environment before spawning.
  const stderr = error instanceof GitPluginError || error instanceof GitError ? error.message : '';
  return new GitCommandError({
    args,
    exitCode: undefined,
    stdout: '',
    stderr: stderr || String(error),
  });
}

function messageOf(error: Buffer | Error | undefined): string {
  if (error === undefined) return '';
  return Buffer.isBuffer(error) ? error.toString('utf8') : error.message;
}

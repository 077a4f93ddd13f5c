import type { SimpleGit } from 'simple-git';
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
    const client = await this.clientFor(options);
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

  /**
   * stdout as UTF-8 text, git spawned directly with `env` added (see spawnGit): for fixed
   * commands on a hot path, where simple-git's task queue and plugins cost more than git.
   */
  async spawnText(args: readonly string[], env: Readonly<Record<string, string>>): Promise<string> {
    return spawnGit(this.cwd, args, gitProcessEnv(this.baseEnv, env));
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
    const client = await this.clientFor(options);
    const output: unknown = await this.guard(['cat-file', ...args], options, () =>
      client.binaryCatFile([...args]),
    );
    if (Buffer.isBuffer(output)) return output;
    if (output === '') return Buffer.alloc(0);
    throw new TypeError('simple-git binaryCatFile returned something other than a Buffer');
  }

  private async clientFor(options: RunOptions): Promise<SimpleGit> {
    const loaded = await loadSimpleGit();
    if (options.input !== undefined || options.env !== undefined) {
      return this.client(loaded, options);
    }
    this.plainClient ??= this.client(loaded, {});
    return this.plainClient;
  }

  private client(loaded: LoadedSimpleGit, options: RunOptions): SimpleGit {
    const { input } = options;
    let client: SimpleGit;
    try {
      client = this.simpleGitFor(loaded, input);
    } catch {
      // simple-git checks the folder up front (GitConstructError).
      const stderr = `no such directory: ${this.cwd}`;
      throw new GitCommandError({ args: [], exitCode: undefined, stdout: '', stderr });
    }
    return client.env(gitProcessEnv(this.baseEnv, options.env));
  }

  private simpleGitFor(loaded: LoadedSimpleGit, input: string | undefined): SimpleGit {
    return loaded.module.simpleGit({
      baseDir: this.cwd,
      allowEnvironment: [...ownGitVariables],
      // Finish on the 'close' event only: with simple-git's default, every git process
      // also arms a 50 ms timer on 'exit' that keeps Node alive after the last call.
      completion: { onClose: true, onExit: false },
      errors: (error, result) => {
        if (result.exitCode === 0 && error === undefined) return undefined;
        const failure = new GitCommandError({
          args: [],
          exitCode: result.exitCode,
          stdout: Buffer.concat(result.stdOut).toString('utf8'),
          stderr: Buffer.concat(result.stdErr).toString('utf8') || messageOf(error),
        });
        return new loaded.FailureCarrier(failure);
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
      const failure = asCommandError(args, error, await loadSimpleGit());
      if (failure.exitCode !== undefined && options.okExitCodes?.includes(failure.exitCode)) {
        return '';
      }
      throw failure;
    }
  }
}

function asCommandError(
  args: readonly string[],
  error: unknown,
  { module, FailureCarrier }: LoadedSimpleGit,
): GitCommandError {
  const failure = error instanceof FailureCarrier ? error.failure : error;
  if (failure instanceof GitCommandError) {
    return new GitCommandError({ ...failure, args });
  }
  // GitPluginError: simple-git refused the arguments or environment before spawning.
  const { GitError, GitPluginError } = module;
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

type SimpleGitModule = typeof import('simple-git');

interface LoadedSimpleGit {
  readonly module: SimpleGitModule;
  /**
   * A GitCommandError inside simple-git's own GitError: simple-git passes a GitError on
   * as it is, and wraps any other error in one, keeping only its message.
   */
  readonly FailureCarrier: new (
    failure: GitCommandError,
  ) => InstanceType<SimpleGitModule['GitError']> & { readonly failure: GitCommandError };
}

let loading: Promise<LoadedSimpleGit> | undefined;

/**
 * simple-git, loaded on first use: the hot path of `affected` runs without it, and a
 * startup snapshot that never loaded it deserializes ~4 ms faster.
 */
function loadSimpleGit(): Promise<LoadedSimpleGit> {
  loading ??= import('simple-git').then((module) => {
    class FailureCarrier extends module.GitError {
      readonly failure: GitCommandError;
      constructor(failure: GitCommandError) {
        super(undefined, failure.message);
        this.failure = failure;
      }
    }
    return { module, FailureCarrier };
  });
  return loading;
}

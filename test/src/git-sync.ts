import { execFileSync } from 'node:child_process';
import { cleanGitEnv } from '@mainline/git';

/**
 * The environment of every git the helpers run: no GIT_DIR-style variables (a test run
 * inside a git hook must not reach the outer repository), English messages, no prompts.
 */
export function helperGitEnv(): NodeJS.ProcessEnv {
  return { ...cleanGitEnv(process.env), LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };
}

/**
 * `git push ARGS` for real (through the hooks git runs), as a user would: its exit code
 * and stderr, never a throw. `cwd` may come with variables added to the environment.
 */
export function gitPush(
  at: string | { readonly cwd: string; readonly env: Record<string, string> },
  ...args: string[]
): { code: number; stderr: string } {
  const { cwd, env } = typeof at === 'string' ? { cwd: at, env: {} } : at;
  try {
    execFileSync('git', ['push', ...args], {
      cwd,
      env: { ...helperGitEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failure = error as { status: number | null; stderr: string };
    return { code: failure.status ?? 1, stderr: failure.stderr };
  }
}

/**
 * Runs git synchronously in `cwd` and returns its stdout without the final newline.
 * Throws with git's stderr when it fails.
 */
export function gitSync(cwd: string, args: readonly string[]): string {
  try {
    const stdout = execFileSync('git', args, {
      cwd,
      env: helperGitEnv(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout.endsWith('\n') ? stdout.slice(0, -1) : stdout;
  } catch (error) {
    throw new Error(`git ${args.join(' ')} failed in ${cwd}:\n${stderrOf(error)}`, {
      cause: error,
    });
  }
}

function stderrOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'stderr' in error) {
    return String(error.stderr).trim();
  }
  return String(error);
}

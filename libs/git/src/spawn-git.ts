import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { GitCommandError } from './git-command-error.ts';

/**
 * Runs one git command with child_process.spawn and resolves its stdout as UTF-8, without
 * simple-git. Only for the fixed commands on the hot path of `affected` (finding the work
 * tree with the range probe, the diff, the config): there simple-git's task queue, plugin
 * chain and argument scan cost ~10 ms a run, as much as the two git processes themselves.
 * The safety is the same: an argument array (no shell), refs that are checked plain or come
 * after `--end-of-options`, and the cleaned environment.
 */
export function spawnGit(
  cwd: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const fail = (exitCode: number | undefined, stderr: string): void =>
      reject(new GitCommandError({ args, exitCode, stdout: '', stderr }));
    const child = spawn('git', [...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      // Spawning fails with ENOENT for a missing folder as for a missing git: tell which.
      if (error.code !== 'ENOENT') fail(undefined, error.message);
      else
        fail(
          undefined,
          existsSync(cwd) ? 'git was not found on PATH' : `no such directory: ${cwd}`,
        );
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise(Buffer.concat(stdout).toString('utf8'));
      else fail(code ?? undefined, Buffer.concat(stderr).toString('utf8') || `killed by ${signal}`);
    });
  });
}

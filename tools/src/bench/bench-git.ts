import { execFileSync } from 'node:child_process';

/** `git ARGS` in `cwd` as the benchmarks commit: a fixed identity, the bench environment. */
export function benchGit(env: NodeJS.ProcessEnv): (cwd: string, ...args: string[]) => string {
  return (cwd, ...args) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', ...args], {
      cwd,
      env,
      encoding: 'utf8',
    }).trim();
}

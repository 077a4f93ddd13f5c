import { execFileSync } from 'node:child_process';
import { type CliResult, runCli } from './cli.ts';
import { helperGitEnv } from './git-sync.ts';
import { makeTempDir } from './temp-dirs.ts';
import { createTempRepo, type TempRepo } from './temp-repo.ts';

/** A lib's source: a function `value()` returning `value`. */
export const libSource = (value: number, note = ''): string =>
  `export function value(): number {\n  return ${value};${note ? ` // ${note}` : ''}\n}\n`;

/** A lib's test: `value()` must be 1. */
export const libTest = (name = 'value is one'): string =>
  `import { expect, it } from 'vitest';\nimport { value } from '../src/index.ts';\n\nit('${name}', () => {\n  expect(value()).toBe(1);\n});\n`;

export interface TrunkSandbox {
  /** A person's checkout, pushing to the remote (the loop runs from it, never touches it). */
  readonly work: TempRepo;
  /** The bare remote: trunk. */
  readonly remote: string;
  /** Pulls, commits `files` in the checkout (with a message, optionally a date) and pushes. */
  push(message: string, files: Record<string, string>, date?: string): string;
  /** `mainline trunk ARGS` from the checkout (no type-checking: the tests are about the loop). */
  trunk(args: readonly string[], env?: Record<string, string>): Promise<CliResult>;
  /** The remote branch's commits, newest first: subject per line. */
  log(branch?: string): string[];
  /** The remote's tip of `branch`, or undefined when it has no such branch. */
  tip(branch?: string): string | undefined;
}

/**
 * A monorepo of independent libs (`libs/t1` ... `libs/tN`, each a `value()` returning 1 and
 * a test that checks it; `extra` files replace or add to them), pushed to a bare remote,
 * with the trunk loop's baseline taken (unless `baseline: false`).
 */
export async function trunkSandbox(
  libs: number,
  extra: Record<string, string> = {},
  options: { readonly baseline?: boolean } = {},
): Promise<TrunkSandbox> {
  const targets: Record<string, object> = {};
  const files: Record<string, string> = {};
  for (let i = 1; i <= libs; i++) {
    const name = `libs/t${i}`;
    targets[name] = { kind: 'lib', srcs: [`${name}/src/**`], tests: [`${name}/test/**`] };
    files[`${name}/src/index.ts`] = libSource(1);
    files[`${name}/test/t${i}.test.ts`] = libTest();
  }
  files['BUILD.json'] = `${JSON.stringify({ version: 1, targets }, null, 2)}\n`;
  files['.gitignore'] = '.mainline/\n';
  const work = createTempRepo({ files: { ...files, ...extra } });
  const remote = makeTempDir('trunk-remote');
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', remote], {
    env: helperGitEnv(),
  });
  work.git('remote', 'add', 'origin', remote);
  work.git('push', '--quiet', 'origin', 'main');
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', remote, ...args], { env: helperGitEnv(), encoding: 'utf8' }).trim();
  const sandbox: TrunkSandbox = {
    work,
    remote,
    push(message, changes, date) {
      // As a person would: up to date with trunk (the loop's reverts) first.
      work.git('pull', '--quiet', '--ff-only', 'origin', 'main');
      work.write(changes);
      work.git('add', '--all');
      const env = date ? { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date } : {};
      execFileSync('git', ['commit', '--quiet', '--no-verify', '-m', message], {
        cwd: work.dir,
        env: { ...helperGitEnv(), ...env },
      });
      work.git('push', '--quiet', 'origin', 'main');
      return work.head();
    },
    trunk: (args, env) =>
      runCli(['trunk', ...args, '--no-typecheck'], {
        cwd: work.dir,
        timeoutMs: 180_000,
        ...(env ? { env } : {}),
      }),
    log: (branch = 'main') => git('log', '--format=%s', branch).split('\n'),
    tip(branch = 'main') {
      try {
        return git('rev-parse', '--verify', '--quiet', `refs/heads/${branch}`);
      } catch {
        return undefined;
      }
    },
  };
  if (options.baseline === false) return sandbox;
  const baseline = await sandbox.trunk(['--once']);
  if (baseline.code !== 0) throw new Error(`the baseline failed:\n${baseline.stderr}`);
  return sandbox;
}

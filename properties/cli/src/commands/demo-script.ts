import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanGitEnv } from '@mainline/tools';
import type { Io } from '../io.ts';
import { styleFor } from '../output/style.ts';

/** A step of the demo did not end as its story says: the demo exits 1, keeping the sandbox. */
export class DemoOffScript extends Error {}

/**
 * What each half of the demo tells its story with: the lines it says, its numbered steps,
 * and the real `mainline` and git run in the sandbox as a person would type them.
 */
export interface DemoScript {
  readonly sandbox: string;
  readonly say: (text: string) => void;
  readonly step: (title: string) => void;
  readonly dim: (text: string) => string;
  /** `mainline ARGS`, shown and run with the terminal as its output; off script unless it exits as expected. */
  readonly run: (expected: number | readonly number[], ...args: string[]) => Promise<number>;
  /** `mainline ARGS`, not shown: its stdout (a `--json` document), off script unless it exits 0. */
  readonly read: (...args: string[]) => Promise<string>;
  /** The sandbox's own git (not the caller's GIT_DIR); `env` adds to its environment. */
  readonly git: (args: readonly string[], env?: Record<string, string>) => string;
}

export function demoScript(sandbox: string, io: Io): DemoScript {
  const style = styleFor(io);
  const say = (text: string): void => io.stdout(`${text}\n`);
  let steps = 0;
  // The sandbox keeps its own state and has its own trunk, whatever the caller's settings.
  const env = { ...io.env };
  delete env.MAINLINE_HOME;
  delete env.MAINLINE_TRUNK;
  const stdinToo = (args: readonly string[]): boolean => args[0] === 'tui';
  return {
    sandbox,
    say,
    step: (title) => say(`\n${style.bold(`${++steps}. ${title}`)}`),
    dim: (text) => style.dim(text),
    async run(expected, ...args) {
      say(style.dim(`$ mainline ${args.join(' ')}`));
      const code = await runMainline(args, sandbox, env, stdinToo(args));
      const codes: readonly number[] = typeof expected === 'number' ? [expected] : expected;
      if (!codes.includes(code)) {
        throw new DemoOffScript(
          `'mainline ${args.join(' ')}' exited ${code}, not ${codes.join(' or ')}`,
        );
      }
      return code;
    },
    async read(...args) {
      const { code, stdout } = await captureMainline(args, sandbox, env);
      if (code !== 0) throw new DemoOffScript(`'mainline ${args.join(' ')}' exited ${code}, not 0`);
      return stdout;
    },
    git(args, extra = {}) {
      const result = spawnSync('git', args, {
        cwd: sandbox,
        env: cleanGitEnv(extra),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      if (result.status !== 0) {
        throw new DemoOffScript(
          `git ${args.join(' ')} exited ${result.status}: ${result.stderr.trim()}`,
        );
      }
      return result.stdout;
    },
  };
}

export function edit(root: string, path: string, change: (text: string) => string): void {
  const file = join(root, path);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/** The real `mainline`, this one's front door, with the terminal as its output. */
function runMainline(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  stdin: boolean,
): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(mainlineBin(), [...args], {
      cwd,
      env,
      stdio: [stdin ? 'inherit' : 'ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise(code ?? 1));
  });
}

/** The real `mainline`, its stdout kept (its stderr still the terminal's). */
function captureMainline(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(mainlineBin(), [...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({ code: code ?? 1, stdout: Buffer.concat(chunks).toString('utf8') }),
    );
  });
}

/** `text` as one shell word, to paste. */
export function shellQuoted(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/** This mainline's front door, beside the bundle's folder. */
export function mainlineBin(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'mainline');
}

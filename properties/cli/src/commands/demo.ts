import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MainlineError } from '@mainline/core';
import {
  cleanGitEnv,
  commitAll,
  dependentClosure,
  generateMonorepo,
  pickMidGraphLib,
  type SynthRepo,
} from '@mainline/tools';
import type { Io } from '../io.ts';
import { styleFor } from '../output/style.ts';

const targets = 12;

/**
 * `mainline demo [DIR]`: the main job end to end, on a sandbox monorepo generated with
 * real code and vitest tests: a change on a branch, what it affects and why, building and
 * testing only that, the cache answering a rerun, a change that breaks tests and the
 * commit that reverts it. Every step runs the real `mainline` as a child process, as a
 * person would type it. Exit 0 when every step ended as the story says, 1 otherwise.
 */
export async function demoCommand(dir: string | undefined, io: Io): Promise<number> {
  const style = styleFor(io);
  const sandbox = dir === undefined ? newSandbox() : emptySandbox(resolve(io.cwd, dir));
  const say = (text: string): void => io.stdout(`${text}\n`);
  const step = (n: number, title: string): void => say(`\n${style.bold(`${n}. ${title}`)}`);
  // The sandbox keeps its own state and has its own trunk, whatever the caller's settings.
  const env = { ...io.env };
  delete env.MAINLINE_HOME;
  delete env.MAINLINE_TRUNK;
  const run = async (expected: number, ...args: string[]): Promise<void> => {
    say(style.dim(`$ mainline ${args.join(' ')}`));
    const code = await runMainline(args, sandbox, env);
    if (code !== expected) {
      throw new DemoOffScript(`'mainline ${args.join(' ')}' exited ${code}, not ${expected}`);
    }
  };

  try {
    // Five tests per target: four of its modules, then its main function, which adds up its
    // deps' results, so a bug in a lib fails its dependents' tests too.
    const repo = generateMonorepo({
      dir: sandbox,
      targets,
      properties: 2,
      seed: 7,
      code: true,
      testsPerTarget: 5,
    });
    const libs = repo.targets.filter((t) => t.kind === 'lib').length;
    step(1, `A monorepo: ${targets} targets (${libs} libs, ${targets - libs} properties)`);
    say(`Generated in ${sandbox}, with code and vitest tests, committed on main.`);
    await run(0, 'graph');

    const lib = pickMidGraphLib(repo);
    const file = lib.srcs[1] ?? lib.srcs[0] ?? '';
    step(2, `A change on a branch: a new export in ${file}`);
    git(sandbox, 'switch', '--quiet', '-c', 'feature');
    edit(sandbox, file, (text) => `${text}export const demo = 1;\n`);
    commitAll(sandbox, `${lib.name}: a new export`, 1);
    await run(0, 'affected');
    const property = propertyAbove(repo, lib.name);
    if (property) await run(0, 'why', property);

    step(3, 'Build and test only what it affects (esbuild, vitest)');
    await run(0, 'test');

    step(4, 'The same again: every result comes from the cache, by content fingerprint');
    await run(0, 'test');

    step(5, `A change that breaks ${lib.name}, and through it its dependents' tests`);
    const good = readFileSync(join(sandbox, file), 'utf8');
    edit(sandbox, file, (text) => text.replace(/\) % 1000;/, ' + 1) % 1000;'));
    commitAll(sandbox, `${lib.name}: a bug`, 2);
    await run(1, 'test');

    step(6, 'A commit that reverts the bug: green again, straight from the cache');
    edit(sandbox, file, () => good);
    commitAll(sandbox, `Revert "${lib.name}: a bug"`, 3);
    await run(0, 'test');

    step(7, 'Yours to try');
    say(`cd ${shellQuoted(sandbox)}`);
    say(`alias mainline=${shellQuoted(mainlineBin())}   # unless mainline is on your PATH`);
    say('mainline why TARGET         the chain from the changed files to a target');
    say('mainline test --all         everything, cached where nothing changed');
    say('mainline watch              retest what each save affects');
    say('mainline hook install       check every `git push` first (add a remote to push to)');
    return 0;
  } catch (error) {
    if (!(error instanceof DemoOffScript)) throw error;
    io.stderr(`mainline: the demo went off script: ${error.message}\n`);
    io.stderr(`  hint: the sandbox is kept in ${sandbox}; rerun that command there to see why\n`);
    return 1;
  }
}

class DemoOffScript extends Error {}

function newSandbox(): string {
  return mkdtempSync(join(tmpdir(), 'mainline-demo-'));
}

function emptySandbox(dir: string): string {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new MainlineError('usage', `${dir} is not empty`, {
      hint: 'name a new or empty folder for the sandbox, or leave DIR out for a temporary one',
    });
  }
  return dir;
}

/** The property that depends on `lib` (there is one: properties sit on every lib path). */
function propertyAbove(repo: SynthRepo, lib: string): string | undefined {
  const above = dependentClosure(repo.targets, lib);
  return repo.targets.find((t) => t.kind === 'property' && above.has(t.name))?.name;
}

function edit(root: string, path: string, change: (text: string) => string): void {
  const file = join(root, path);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/** The sandbox's own git, whatever GIT_DIR the caller runs under. */
function git(cwd: string, ...args: string[]): void {
  const { status } = spawnSync('git', args, { cwd, env: cleanGitEnv(), stdio: 'ignore' });
  if (status !== 0) throw new DemoOffScript(`git ${args.join(' ')} exited ${status}`);
}

/** The real `mainline`, this one's front door, with the terminal as its output. */
function runMainline(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const bin = mainlineBin();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, [...args], { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise(code ?? 1));
  });
}

/** `text` as one shell word, to paste. */
function shellQuoted(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/** This mainline's front door, beside the bundle's folder. */
function mainlineBin(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'mainline');
}

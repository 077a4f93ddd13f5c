import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MainlineError } from '@mainline/core';
import {
  commitAll,
  dependentClosure,
  generateMonorepo,
  pickMidGraphLib,
  type SynthRepo,
} from '@mainline/tools';
import type { Io } from '../io.ts';
import {
  DemoOffScript,
  type DemoScript,
  demoScript,
  edit,
  mainlineBin,
  shellQuoted,
} from './demo-script.ts';
import { type TrunkStory, tellTrunkHalf } from './demo-trunk.ts';
import { breakArithmetic } from './demo-trunk-day.ts';

const targets = 12;

export interface DemoOptions {
  /** commander's `--no-tui`: false when given. */
  readonly tui?: boolean;
  readonly keep?: boolean;
}

/**
 * `mainline demo [DIR]`: the main job end to end, on a sandbox monorepo generated with
 * real code and vitest tests. The local half: a change on a branch, what it affects and
 * why, building and testing only that, the cache answering a rerun, a change that breaks
 * tests and the commit that reverts it. The trunk half (demo-trunk.ts): a bare remote, a
 * day of pushed commits, the trunk loop finding the culprit, reverting it and telling a
 * flake apart. It ends in `mainline tui` on a terminal, or a summary. Every step runs the
 * real `mainline` as a child process, as a person would type it. Exit 0 when every step
 * ended as the story says, 1 otherwise (the sandbox then kept to look into).
 */
export async function demoCommand(
  dir: string | undefined,
  options: DemoOptions,
  io: Io,
): Promise<number> {
  // The demo's folder holds the monorepo and, beside it, its trunk's bare remote. One a
  // person named is theirs to keep.
  const folder = dir === undefined ? newFolder() : emptyFolder(resolve(io.cwd, dir));
  const keep = options.keep === true || dir !== undefined;
  const sandbox = join(folder, 'monorepo');
  mkdirSync(sandbox, { recursive: true });
  const script = demoScript(sandbox, io);
  try {
    const repo = await tellLocalHalf(script);
    const story = await tellTrunkHalf(script, repo, folder);
    if (options.tui !== false && io.stdoutIsTTY) {
      script.step("The sheriff's screen on this trunk (q quits)");
      await script.run(0, 'tui');
    } else {
      tellSummary(script, story, keep);
    }
    if (keep) tellYoursToTry(script);
    else {
      rmSync(folder, { recursive: true, force: true });
      script.say(`\nThe sandbox is removed; \`mainline demo --keep\` keeps it to explore.`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof DemoOffScript)) throw error;
    io.stderr(`mainline: the demo went off script: ${error.message}\n`);
    io.stderr(`  hint: the sandbox is kept in ${sandbox}; rerun that command there to see why\n`);
    return 1;
  }
}

/** Today's story on a branch, before anything is pushed. */
async function tellLocalHalf(script: DemoScript): Promise<SynthRepo> {
  const { sandbox, say, step, run, git } = script;
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
  step(`A monorepo: ${targets} targets (${libs} libs, ${targets - libs} properties)`);
  say(`Generated in ${sandbox}, with code and vitest tests, committed on main.`);
  await run(0, 'graph');

  const lib = pickMidGraphLib(repo);
  const file = lib.srcs[1] ?? lib.srcs[0] ?? '';
  step(`A change on a branch: a new export in ${file}`);
  git(['switch', '--quiet', '-c', 'feature']);
  edit(sandbox, file, (text) => `${text}export const demo = 1;\n`);
  commitAll(sandbox, `${lib.name}: a new export`, 1);
  await run(0, 'affected');
  const property = propertyAbove(repo, lib.name);
  if (property) await run(0, 'why', property);

  step('Build and test only what it affects (esbuild, vitest)');
  await run(0, 'test');

  step('The same again: every result comes from the cache, by content fingerprint');
  await run(0, 'test');

  step(`A change that breaks ${lib.name}, and through it its dependents' tests`);
  const good = readFileSync(join(sandbox, file), 'utf8');
  edit(sandbox, file, (text) => breakArithmetic(text, file));
  commitAll(sandbox, `${lib.name}: a bug`, 2);
  await run(1, 'test');

  step('A commit that reverts the bug: green again, straight from the cache');
  edit(sandbox, file, () => good);
  commitAll(sandbox, `Revert "${lib.name}: a bug"`, 3);
  await run(0, 'test');
  return repo;
}

/** Without the dashboard: what trunk went through, in four lines. */
function tellSummary(script: DemoScript, story: TrunkStory, keep: boolean): void {
  const short = (sha: string): string => sha.slice(0, 10);
  script.step('In short');
  script.say(`culprit    ${short(story.culprit.sha)} ${story.culprit.subject}`);
  script.say(`confidence ${story.confidence.toFixed(4)}`);
  script.say(`revert     ${short(story.revert.sha)} pushed to ${story.revert.ref}`);
  script.say(
    `flaky      ${story.flaky.test} (fails ${(story.flaky.rate * 100).toFixed(0)}% of its runs: recorded, never reverted)`,
  );
  script.say(
    keep
      ? 'dashboard  mainline tui, in the sandbox'
      : 'dashboard  mainline demo --keep, then mainline tui in the sandbox it keeps',
  );
}

function tellYoursToTry(script: DemoScript): void {
  script.step('Yours to try');
  script.say(`cd ${shellQuoted(script.sandbox)}`);
  script.say(`alias mainline=${shellQuoted(mainlineBin())}   # unless mainline is on your PATH`);
  script.say("mainline tui                the sheriff's screen: breakages, culprits, flakes");
  script.say('mainline trunk status       what the trunk loop knows');
  script.say('mainline trunk --once       after a git push: test it, find a culprit, revert it');
  script.say('mainline why TARGET         the chain from the changed files to a target');
  script.say('mainline test --all         everything, cached where nothing changed');
  script.say('mainline watch              retest what each save affects');
  script.say('mainline hook install       check every `git push` first');
}

function newFolder(): string {
  return mkdtempSync(join(tmpdir(), 'mainline-demo-'));
}

function emptyFolder(dir: string): string {
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

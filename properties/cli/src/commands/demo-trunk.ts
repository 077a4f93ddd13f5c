import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { SynthRepo } from '@mainline/tools';
import type { TrunkStatus } from '@mainline/trunk';
import { DemoOffScript, type DemoScript } from './demo-script.ts';
import { planTrunkDay, type TrunkCommit } from './demo-trunk-day.ts';

/** What the trunk half ended with, for the demo's summary. */
export interface TrunkStory {
  readonly culprit: { readonly sha: string; readonly subject: string };
  readonly confidence: number;
  readonly revert: { readonly sha: string; readonly ref: string };
  readonly flaky: { readonly target: string; readonly test: string; readonly rate: number };
}

// The trunk half skips type checks: its story is the loop, and the local half showed them.
const trunkOnce = ['trunk', '--once', '--no-typecheck'] as const;

/**
 * The trunk half of the demo: the sandbox gets a bare remote (`remote.git` in `folder`,
 * beside it), the trunk loop takes its baseline, a day of commits is pushed (one breaking a
 * lib, one planting a flaky test), and the loop finds the culprit, reverts it and tells the
 * flake apart; its next pass sees trunk green. Every step is the real `mainline` or git.
 */
export async function tellTrunkHalf(
  script: DemoScript,
  repo: SynthRepo,
  folder: string,
): Promise<TrunkStory> {
  const { say, step, run, git, dim } = script;
  const remote = join(folder, 'remote.git');
  const day = planTrunkDay(repo, join(folder, 'planted-flake.ran'));

  step("Trunk: the branch merged, pushed to a bare remote, and the trunk loop's baseline");
  git(['switch', '--quiet', 'main']);
  git(['merge', '--quiet', '--ff-only', 'feature']);
  git(['init', '--quiet', '--bare', '--initial-branch=main', remote]);
  git(['remote', 'add', 'origin', remote]);
  git(['push', '--quiet', '--no-verify', 'origin', 'main']);
  say(`main is pushed to ${remote}, the sandbox's origin: trunk.`);
  await run(0, ...trunkOnce);

  step(`A day on trunk: ${day.commits.length} commits pushed, one of them breaks ${day.broken}`);
  const before = git(['rev-parse', 'HEAD']).trim();
  const pushed = new Map<string, string>();
  for (const commit of day.commits) {
    const sha = commitAndPush(script, commit);
    pushed.set(sha, commit.subject);
    const role = commit.role === undefined ? '' : dim(`   <- ${commit.role}`);
    say(`pushed ${sha.slice(0, 10)} ${commit.subject} (${commit.author})${role}`);
  }
  await run(0, 'affected', '--base', before);

  step(
    'The trunk loop: it finds the culprit, with its confidence, reverts it, and tells the flake apart',
  );
  // Exit 0: the culprit's other red target is green with the revert (fixed by it).
  await run(0, ...trunkOnce);
  // Trunk as the remote holds it: the loop pushed its revert there.
  const beside = relative(script.sandbox, remote);
  say(dim(`$ git -C ${beside} log --oneline -3`));
  say(git(['-C', beside, 'log', '--oneline', '-3']).trimEnd());

  step('Its next pass tests the revert: trunk is green again');
  await run(0, ...trunkOnce);
  await run(0, 'trunk', 'status');
  const status = JSON.parse(await script.read('trunk', 'status', '--json')) as TrunkStatus;
  return storyOf(status, pushed, day.culpritSubject, day.flakyTest);
}

/** The commit made by its author, now (the loop reverts only recent culprits), and pushed. */
function commitAndPush(script: DemoScript, commit: TrunkCommit): string {
  for (const [path, change] of Object.entries(commit.changes)) {
    const file = join(script.sandbox, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, change(existsSync(file) ? readFileSync(file, 'utf8') : undefined));
  }
  const email = `${commit.author.toLowerCase()}@example.com`;
  const who = {
    GIT_AUTHOR_NAME: commit.author,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: commit.author,
    GIT_COMMITTER_EMAIL: email,
  };
  script.git(['add', '--all', '--', '.']);
  script.git(['commit', '--quiet', '--no-verify', '-m', commit.subject], who);
  script.git(['push', '--quiet', '--no-verify', 'origin', 'main']);
  return script.git(['rev-parse', 'HEAD']).trim();
}

/** The story as the store tells it: off script unless the loop did what the demo says. */
function storyOf(
  status: TrunkStatus,
  pushed: ReadonlyMap<string, string>,
  culpritSubject: string,
  flakyTest: string,
): TrunkStory {
  const revert = status.reverts.find((d) => d.culprit !== undefined && d.revertSha !== undefined);
  const subject = revert?.culprit === undefined ? undefined : pushed.get(revert.culprit);
  if (
    revert?.culprit === undefined ||
    revert.revertSha === undefined ||
    revert.confidence === undefined ||
    subject !== culpritSubject
  ) {
    throw new DemoOffScript(`the trunk loop reverted no commit, or not '${culpritSubject}'`);
  }
  const flaky = status.flaky.find((f) => f.test === flakyTest);
  if (flaky === undefined)
    throw new DemoOffScript(`the trunk loop did not record ${flakyTest} as flaky`);
  if (status.tip?.green !== true) throw new DemoOffScript('trunk is not green after the revert');
  return {
    culprit: { sha: revert.culprit, subject },
    confidence: revert.confidence,
    revert: { sha: revert.revertSha, ref: revert.revertRef ?? 'main' },
    flaky: { target: flaky.target, test: flaky.test, rate: flaky.rate },
  };
}

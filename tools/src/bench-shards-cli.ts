// `npm run bench:shards [-- --runs 5 --targets 1000 --json]`: how evenly `mainline plan`
// splits a generated repository whose store holds skewed (log-normal) durations, for 4 and 8
// shards: the largest shard's expected time over the mean (at most 1.15 is the bar); the
// same for the plan by counts (no history), judged by the durations the store holds; and how
// long `mainline plan` takes (median of the runs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dependencyClosure, type Target } from '@mainline/core';
import { findMainlineLauncher } from './bench/affected.ts';
import { median } from './bench/measure.ts';
import { recordDurations, typicalDurations } from './bench/shard-store.ts';
import { generateMonorepo } from './synth/generate.ts';
import { cleanGitEnv } from './synth/git.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    targets: { type: 'string', default: '1000' },
    json: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const size = Number(values.targets);
const dir = `/tmp/mainline-bench/shards-t${size}`;
const repoDir = join(dir, 'repo');
const state = join(dir, 'state');
const noHistory = join(dir, 'no-history');

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const repo = generateMonorepo({ dir: repoDir, targets: size, seed: 1 });
const typical = typicalDurations(
  repo.targets.map((target) => target.name),
  7,
);
recordDurations(state, typical, 5, 11);

// What a shard is expected to take by the store's typical durations: its targets' tests
// and, once each, the builds their closures need, as the plan counts them.
const targets = new Map<string, Target>(
  repo.targets.map((t) => [
    t.name,
    { name: t.name, kind: t.kind, srcs: t.srcs, tests: t.tests, deps: t.deps },
  ]),
);
const shardSeconds = (names: readonly string[]): number => {
  let seconds = 0;
  for (const name of names) {
    if ((targets.get(name)?.tests.length ?? 0) > 0) seconds += typical.get(name)?.test ?? 0;
  }
  for (const needed of dependencyClosure(targets, names))
    seconds += typical.get(needed)?.build ?? 0;
  return seconds;
};
const balance = (loads: readonly number[]): number =>
  Math.max(...loads) / (loads.reduce((sum, load) => sum + load, 0) / loads.length);

interface Plan {
  readonly shards: readonly {
    readonly targets: readonly string[];
    readonly expectedSeconds: number;
  }[];
}
const launcher = findMainlineLauncher();
function plan(shards: number, home: string): { plan: Plan; seconds: number } {
  const env: NodeJS.ProcessEnv = { ...cleanGitEnv(), MAINLINE_HOME: home };
  const started = performance.now();
  const stdout = execFileSync(launcher, ['plan', '--shards', String(shards), '--format', 'json'], {
    cwd: repoDir,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { plan: JSON.parse(stdout) as Plan, seconds: (performance.now() - started) / 1000 };
}

const rows = [4, 8].map((shards) => {
  plan(shards, state); // warm-up
  const timed = Array.from({ length: runs }, () => plan(shards, state));
  const first = timed[0]?.plan ?? { shards: [] };
  const counted = plan(shards, noHistory).plan;
  const real = (p: Plan): number[] => p.shards.map((s) => shardSeconds(s.targets));
  return {
    shards,
    planned: balance(first.shards.map((s) => s.expectedSeconds)),
    plannedByTypical: balance(real(first)),
    countsByTypical: balance(real(counted)),
    largestShardSeconds: Math.max(...real(first)),
    oneRunnerSeconds: shardSeconds([...targets.keys()]),
    planSeconds: median(timed.map((t) => t.seconds)),
    samePlanEveryRun: timed.every((t) => JSON.stringify(t.plan) === JSON.stringify(first)),
  };
});

if (values.json)
  process.stdout.write(`${JSON.stringify({ targets: size, runs, rows }, null, 2)}\n`);
else {
  process.stdout.write(
    `${size} targets, 5 recorded passes each (log-normal: build ~1 s, test ~3 s)\n`,
  );
  process.stdout.write(
    'shards  max/mean (plan)  max/mean (typical)  by counts (typical)  largest shard / one runner  plan time (median)\n',
  );
  for (const row of rows) {
    process.stdout.write(
      `${String(row.shards).padEnd(8)}${row.planned.toFixed(3).padEnd(17)}${row.plannedByTypical.toFixed(3).padEnd(20)}${row.countsByTypical.toFixed(3).padEnd(21)}${`${(row.largestShardSeconds / 60).toFixed(0)} / ${(row.oneRunnerSeconds / 60).toFixed(0)} min`.padEnd(28)}${row.planSeconds.toFixed(3)} s${row.samePlanEveryRun ? '' : '  (plans differed between runs!)'}\n`,
    );
  }
}
const worst = Math.max(...rows.map((row) => row.planned));
if (worst > 1.15) {
  process.stderr.write(
    `bench:shards: the largest shard is ${worst.toFixed(3)} x the mean, over 1.15\n`,
  );
  process.exitCode = 1;
}

// `npm run bench:fuzz [-- --count 1000 --start 0 --seed 1 --scale 10000]`: mutated BUILD.json files
// through the real CLI on a real repository (graph, affected across the commit that puts
// the mutation, build --no-typecheck), with the counts of every outcome. Exits 1 when a
// run broke a rule (see fuzz/verdict.ts); each such BUILD.json is kept to replay.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findMainlineLauncher } from './bench/affected.ts';
import { benchEnv } from './bench/compare-tools.ts';
import { mutateBuildFile } from './fuzz/mutations.ts';
import { type FuzzCommand, fuzzArgs, fuzzCommands, judgeRun } from './fuzz/verdict.ts';
import { generateMonorepo } from './synth/generate.ts';
import { cleanGitEnv } from './synth/git.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    start: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    scale: { type: 'string', default: '10000' },
    targets: { type: 'string', default: '12' },
    dir: { type: 'string', default: '/tmp/mainline-fuzz' },
  },
});
const count = Number(values.count);
const start = Number(values.start);
const seed = Number(values.seed);
const scale = Number(values.scale);
const env = benchEnv(cleanGitEnv());
const launcher = findMainlineLauncher();

const repo = generateMonorepo({
  dir: join(values.dir, `repo-s${seed}`),
  targets: Number(values.targets),
  seed: 1,
});
const git = (...args: string[]): string =>
  spawnSync('git', ['-c', 'user.name=fuzz', '-c', 'user.email=fuzz@localhost', ...args], {
    cwd: repo.dir,
    env,
    encoding: 'utf8',
  }).stdout.trim();
const base = git('rev-parse', 'HEAD');
const baseText = git('show', 'HEAD:BUILD.json');
const target = repo.targets[0]?.name ?? 'libs/none';
const failures = join(values.dir, 'failures');
process.stderr.write(
  `bench-fuzz: ${count} mutations (seed ${seed}, scale ${scale}) in ${repo.dir}, with ${launcher}\n`,
);

const outcomes = new Map<string, number>();
const slowest = new Map<FuzzCommand, { seconds: number; index: number }>();
const faults: string[] = [];
const started = Date.now();
for (let index = start; index < start + count; index++) {
  const mutation = mutateBuildFile(baseText, index, { seed, scale });
  writeFileSync(join(repo.dir, 'BUILD.json'), mutation.text);
  git('commit', '--quiet', '--no-verify', '--all', '--allow-empty', '--message', `fuzz ${index}`);
  for (const command of Object.keys(fuzzCommands) as FuzzCommand[]) {
    const began = process.hrtime.bigint();
    const result = spawnSync(launcher, fuzzArgs(command, base, target), {
      cwd: repo.dir,
      env,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
      timeout: 120_000,
      killSignal: 'SIGKILL',
    });
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    if (seconds > (slowest.get(command)?.seconds ?? 0)) slowest.set(command, { seconds, index });
    const verdict = judgeRun(command, {
      code: result.status ?? 128,
      stdout: result.stdout ?? '',
      stderr: result.stderr ?? '',
      seconds,
    });
    outcomes.set(verdict.outcome, (outcomes.get(verdict.outcome) ?? 0) + 1);
    if (verdict.fault !== undefined) {
      mkdirSync(failures, { recursive: true });
      const kept = join(failures, `s${seed}-${index}.json`);
      writeFileSync(kept, mutation.text);
      const stderr = (result.stderr ?? '').split('\n').slice(0, 4).join(' | ');
      faults.push(
        `#${index} ${command}: ${verdict.fault} (${mutation.description}) ${kept}: ${stderr}`,
      );
      process.stderr.write(`FAULT ${faults.at(-1)}\n`);
    }
  }
  const done = index + 1 - start;
  if (done % 50 === 0) {
    const minutes = ((Date.now() - started) / 60_000).toFixed(1);
    process.stderr.write(`  ${done}/${count} mutations, ${faults.length} faults, ${minutes} min\n`);
  }
}

const rows = [...outcomes].sort(([a], [b]) => (a < b ? -1 : 1));
process.stdout.write(
  `mutations: ${count} from #${start} (seed ${seed}, scale ${scale}); runs: ${count * 3}; faults: ${faults.length}\n\n| command, exit, error code | runs |\n|---|---:|\n`,
);
for (const [outcome, runs] of rows) process.stdout.write(`| ${outcome} | ${runs} |\n`);
for (const [command, { seconds, index }] of slowest) {
  process.stdout.write(`\nslowest ${command}: ${seconds.toFixed(2)} s (#${index})`);
}
process.stdout.write('\n');
for (const fault of faults) process.stdout.write(`\nFAULT ${fault}`);
process.exit(faults.length > 0 ? 1 : 0);

// `npm run bench:trunk [-- --runs 5 --targets 200]`: one real `mainline trunk --once` from a
// pushed breaking commit to the pushed revert, on a generated repository with real code and
// tests (10 a target), pushed to a bare remote. Each run breaks a target with no dependents
// (its module's arithmetic changes, so its tests fail), pushes, and times the pass that finds
// the culprit, checks its revert and pushes it; a pass then absorbs the revert, untimed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMainlineLauncher } from './bench/affected.ts';
import { runRepoBench } from './bench/run-repo-bench.ts';
import { median } from './bench/measure.ts';

const { runs, targets, cacheDir, env, git, repo } = runRepoBench(200);
const dir = join(cacheDir, `trunk-t${targets}`);
rmSync(dir, { recursive: true, force: true });
const remote = join(dir, 'remote.git');
const work = join(dir, 'work');
execFileSync('git', ['clone', '--quiet', '--bare', repo.dir, remote], { env });
execFileSync('git', ['clone', '--quiet', remote, work], { env });
const launcher = findMainlineLauncher();
const trunk = (): { seconds: number; stderr: string; code: number } => {
  const started = performance.now();
  try {
    execFileSync(launcher, ['trunk', '--once'], {
      cwd: work,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return { seconds: (performance.now() - started) / 1000, stderr: '', code: 0 };
  } catch (error) {
    const failure = error as { status: number; stderr: Buffer };
    return {
      seconds: (performance.now() - started) / 1000,
      stderr: failure.stderr.toString(),
      code: failure.status,
    };
  }
};

// A target nothing depends on: breaking it turns only it red.
const build = JSON.parse(readFileSync(join(work, 'BUILD.json'), 'utf8')) as {
  targets: Record<string, { srcs: string[]; deps?: string[] }>;
};
const depended = new Set(Object.values(build.targets).flatMap((t) => t.deps ?? []));
const victim = Object.keys(build.targets).find((name) => !depended.has(name)) as string;
const module = join(work, victim, 'src', 'm1.ts');
if (!existsSync(module)) throw new Error(`no module m1.ts in ${victim}`);

// The team's daily limit on reverts would hold the fifth one back: the bench lifts it.
writeFileSync(join(work, 'mainline.json'), `${JSON.stringify({ revert: { maxPerDay: 1000 } })}\n`);
git(work, 'add', 'mainline.json');
git(work, 'commit', '--quiet', '--message', 'bench: no daily limit on reverts');
git(work, 'push', '--quiet', 'origin', 'HEAD:main');
process.stderr.write(`baseline: mainline trunk --once on ${targets} targets (tests everything)\n`);
const baseline = trunk();
process.stderr.write(`  ${baseline.seconds.toFixed(1)} s\n`);
const times: number[] = [];
for (let run = 1; run <= runs; run++) {
  const original = readFileSync(module, 'utf8');
  writeFileSync(module, original.replace('% 1000', `% ${1000 - run}`));
  git(work, 'commit', '--quiet', '--all', '--message', `bench: break ${victim} (${run})`);
  git(work, 'push', '--quiet', 'origin', 'HEAD:main');
  const pass = trunk();
  const tip = git(remote, 'log', '-1', '--format=%s', 'main');
  if (pass.code !== 0 || !tip.startsWith('Revert "bench: break')) {
    process.stderr.write(
      `bench-trunk: run ${run} did not revert (exit ${pass.code}):\n${pass.stderr}\n`,
    );
    process.exit(1);
  }
  times.push(pass.seconds);
  process.stderr.write(`  run ${run}: ${pass.seconds.toFixed(1)} s to the pushed revert\n`);
  git(work, 'pull', '--quiet', '--ff-only', 'origin', 'main');
  trunk(); // tests the revert: the breakage closes
}
process.stdout.write(
  `| repo | case | median s | each run s |\n|---:|---|---:|---|\n| ${targets} targets | baseline \`mainline trunk --once\` (everything tested) | ${baseline.seconds.toFixed(1)} | |\n| ${targets} targets | \`mainline trunk --once\`: a pushed breaking commit to the pushed revert | ${median(times).toFixed(1)} | ${times.map((t) => t.toFixed(1)).join(', ')} |\n`,
);

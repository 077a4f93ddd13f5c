// `npm run bench:remote-cache [-- --targets 200 --runs 5 --cold-runs 3]`: the remote cache
// (nginx with WebDAV, on loopback) on bench:run's generated repository, each run in a fresh
// clone (its own .mainline):
// - a second clone after a first filled the remote: its time next to the first's, and the
//   hit rate (builds and tests taken from the remote over all of them);
// - a down cache (nothing listens at the URL) on a fully cached local run: the overhead
//   (target at most 0.2 s);
// - an up but empty remote on a cold run: the overhead over no remote (target at most 5%).
//   Cold runs take about 50 s each: `--cold-runs` of each side (default 3), interleaved.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findMainlineLauncher } from './bench/affected.ts';
import { benchEnv } from './bench/compare-tools.ts';
import { median } from './bench/measure.ts';
import { prepareRunRepo } from './bench/run-repo.ts';
import { linkRunNodeModules } from './bench/turbo-setup.ts';
import { startNginxCache } from './nginx/nginx-cache.ts';
import { cleanGitEnv } from './synth/git.ts';

const { values } = parseArgs({
  options: {
    targets: { type: 'string', default: '200' },
    runs: { type: 'string', default: '5' },
    'cold-runs': { type: 'string', default: '3' },
  },
});
const targets = Number(values.targets);
const runs = Number(values.runs);
const coldRuns = Number(values['cold-runs']);
const cacheDir = '/tmp/mainline-bench';
const work = join(cacheDir, `remote-cache-t${targets}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const repo = prepareRunRepo(cacheDir, targets, false);
const launcher = findMainlineLauncher();
const baseEnv = benchEnv(cleanGitEnv());
for (const name of Object.keys(baseEnv)) {
  if (name.startsWith('MAINLINE_')) delete baseEnv[name];
}
const log = (line: string) => process.stderr.write(`${line}\n`);

let clones = 0;
function freshClone(): string {
  const dir = join(work, `clone-${++clones}`);
  const cloned = spawnSync('git', ['clone', '--quiet', repo.dir, dir], { env: baseEnv });
  if (cloned.status !== 0) throw new Error(`git clone failed: ${cloned.stderr}`);
  // vitest and the packages, linked from this checkout, as bench:run does (no install).
  linkRunNodeModules(dir, repo.packages);
  return dir;
}

interface Timed {
  readonly seconds: number;
  readonly stdout: string;
  readonly stderr: string;
}
/** `mainline test --all` in `dir`, with the remote cache at `url` (none when undefined). */
function testAll(dir: string, url: string | undefined, json = false): Timed {
  const env = { ...baseEnv, ...(url === undefined ? {} : { MAINLINE_REMOTE_CACHE: url }) };
  const started = performance.now();
  const run = spawnSync(launcher, ['test', '--all', ...(json ? ['--json'] : [])], {
    cwd: dir,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`mainline test --all failed in ${dir}:\n${run.stderr}`);
  return { seconds, stdout: run.stdout, stderr: run.stderr };
}

const seconds = (values: readonly number[]) => values.map((v) => v.toFixed(2)).join(', ');

// 1. Cold runs, no remote and an empty remote, interleaved; the last empty remote stays.
const coldLocal: number[] = [];
const coldEmpty: number[] = [];
let nginx = await startNginxCache(join(work, 'nginx-0'));
// A failed run must not leave nginx behind (stop() does nothing the second time).
process.once('exit', () => nginx.stop());
for (let i = 1; i <= coldRuns; i++) {
  log(`cold run ${i}/${coldRuns} without a remote cache ...`);
  coldLocal.push(testAll(freshClone(), undefined).seconds);
  nginx.stop();
  nginx = await startNginxCache(join(work, `nginx-${i}`));
  log(`cold run ${i}/${coldRuns} with an empty remote cache ...`);
  coldEmpty.push(testAll(freshClone(), nginx.url).seconds);
}

// 2. Second clones, from the remote the last cold run filled.
const second: number[] = [];
let hitRate = 0;
for (let i = 1; i <= runs; i++) {
  log(`second clone ${i}/${runs} ...`);
  const run = testAll(freshClone(), nginx.url, true);
  second.push(run.seconds);
  const summary = JSON.parse(run.stdout) as {
    builds: { status: string }[];
    tests: { status: string }[];
  };
  const line = /remote cache: (\d+) builds? and (\d+) tests? from/.exec(run.stderr);
  const fromRemote = Number(line?.[1] ?? 0) + Number(line?.[2] ?? 0);
  const all =
    summary.builds.length + summary.tests.filter((test) => test.status !== 'no-tests').length;
  hitRate = fromRemote / all;
}
nginx.stop();

// 3. A fully cached local run, without a remote and with one that is down.
const cached = freshClone();
testAll(cached, undefined);
const downUrl = nginx.url; // stopped: nothing listens there any more
const cachedLocal: number[] = [];
const cachedDown: number[] = [];
for (let i = 1; i <= runs; i++) {
  cachedLocal.push(testAll(cached, undefined).seconds);
  cachedDown.push(testAll(cached, downUrl).seconds);
}

const row = (what: string, values: readonly number[]) =>
  `| ${what} | ${median(values).toFixed(2)} | ${seconds(values)} |\n`;
const overheadCold = median(coldEmpty) / median(coldLocal) - 1;
const overheadDown = median(cachedDown) - median(cachedLocal);
process.stdout.write(
  `${targets} targets (bench:run's repository), nginx WebDAV on loopback, each run a fresh clone\n\n| mainline test --all | median s | each run s |\n|---|---:|---|\n${row(`cold, no remote cache (${coldRuns} runs)`, coldLocal)}${row(`cold, empty remote cache: the first clone (${coldRuns} runs)`, coldEmpty)}${row(`second clone, from the remote cache (${runs} runs)`, second)}${row(`fully cached locally, no remote cache (${runs} runs)`, cachedLocal)}${row(`fully cached locally, remote cache down (${runs} runs)`, cachedDown)}\nsecond clone: ${(hitRate * 100).toFixed(1)}% of builds and tests from the remote cache\nempty remote on a cold run: ${(overheadCold * 100).toFixed(1)}% (target at most 5%)\ndown remote on a fully cached run: ${overheadDown.toFixed(3)} s (target at most 0.2 s)\n`,
);
rmSync(work, { recursive: true, force: true });

// Cold wall time of running the vitest files of N generated targets: in one vitest run
// through runVitest (each isolation mode) against `vitest run` in every package, P at a
// time, as `turbo run test` does. Prints a table (or --json).
//
//   node tools/build-tools.mjs
//   node libs/runner/scripts/bench-vitest.mjs [--targets 200] [--runs 1] [--jobs 2]
//     [--package-jobs N] [--modes thread,vm,none,process,per-package] [--dir DIR] [--json]
//
// --jobs: vitest workers of the one run; --package-jobs: packages tested at once by the
// per-package baseline (default --jobs; turbo's own default is 10).
//
// The generated repository (tools/dist/synth.mjs --code: real code, one vitest file of 10
// tests per target) is linked as an install would: node_modules/@synth/* point at the
// packages and node_modules/vitest at mainline's, so `vitest run` works in each package.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const mainline = fileURLToPath(new URL('../../../', import.meta.url));
const { values } = parseArgs({
  options: {
    targets: { type: 'string', default: '200' },
    runs: { type: 'string', default: '1' },
    jobs: { type: 'string', default: '2' },
    'package-jobs': { type: 'string' },
    modes: { type: 'string', default: 'thread,vm,none,process,per-package' },
    dir: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const targets = Number(values.targets);
const runs = Number(values.runs);
const jobs = Number(values.jobs);
const packageJobs = Number(values['package-jobs'] ?? values.jobs);
const modes = [...new Set(values.modes.split(','))];
const work = mkdtempSync(join(tmpdir(), 'mainline-bench-vitest-'));
const repo = values.dir ?? join(work, 'repo');

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => {
      resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

async function generate() {
  if (existsSync(join(repo, 'BUILD.json'))) return;
  const synth = join(mainline, 'tools/dist/synth.mjs');
  if (!existsSync(synth)) throw new Error('run `node tools/build-tools.mjs` first');
  const args = [synth, '--dir', repo, '--targets', String(targets), '--code', '--no-git'];
  const generated = await run(process.execPath, args);
  if (generated.code !== 0) throw new Error(`synth failed: ${generated.stderr}`);
  mkdirSync(join(repo, 'node_modules/@synth'), { recursive: true });
  for (const folder of ['libs', 'properties']) {
    for (const name of readdirSync(join(repo, folder))) {
      symlinkSync(join(repo, folder, name), join(repo, 'node_modules/@synth', name), 'dir');
    }
  }
  symlinkSync(join(mainline, 'node_modules/vitest'), join(repo, 'node_modules/vitest'), 'dir');
}

function packages() {
  return ['libs', 'properties'].flatMap((folder) =>
    readdirSync(join(repo, folder)).map((name) => `${folder}/${name}`),
  );
}

function testFiles() {
  return packages().flatMap((pkg) =>
    readdirSync(join(repo, pkg, 'test'))
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => ({ file: `${pkg}/test/${name}`, target: pkg })),
  );
}

/** The runner as the CLI uses it: one CommonJS bundle, vitest loaded from node_modules. */
async function bundleRunner() {
  const dir = join(work, 'runner');
  mkdirSync(dir);
  symlinkSync(join(mainline, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const entry = `import { runVitest } from './src/vitest/index.ts';
const request = JSON.parse(process.argv[2]);
runVitest(request).then((result) => {
  const tests = result.targets.flatMap((t) => t.files.flatMap((f) => f.tests));
  process.stdout.write(JSON.stringify({
    status: result.status,
    targets: result.targets.length,
    failedTargets: result.targets.filter((t) => t.status === 'failed').length,
    tests: tests.length,
    passed: tests.filter((t) => t.status === 'passed').length,
  }));
});`;
  await build({
    stdin: { contents: entry, resolveDir: join(mainline, 'libs/runner'), loader: 'ts' },
    outfile: join(dir, 'run.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return join(dir, 'run.cjs');
}

async function oneRun(runner, isolation) {
  const request = { root: repo, files: testFiles(), retries: 0, maxWorkers: jobs, isolation };
  const result = await run(process.execPath, [runner, JSON.stringify(request)]);
  const summary = JSON.parse(result.stdout || '{}');
  const ok = result.code === 0 && summary.status === 'passed';
  return { seconds: result.seconds, ok, detail: summary };
}

async function perPackage() {
  const vitest = join(mainline, 'node_modules/vitest/vitest.mjs');
  const queue = packages();
  const started = performance.now();
  let failures = 0;
  async function worker() {
    for (let pkg = queue.shift(); pkg; pkg = queue.shift()) {
      const result = await run(process.execPath, [vitest, 'run'], { cwd: join(repo, pkg) });
      if (result.code !== 0) failures++;
    }
  }
  await Promise.all(Array.from({ length: packageJobs }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { seconds, ok: failures === 0, detail: { packages: packages().length, failures } };
}

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

await generate();
const runner = await bundleRunner();
const samples = Object.fromEntries(modes.map((mode) => [mode, []]));
for (let i = 0; i < runs; i++) {
  for (const mode of modes) {
    const load = loadavg()[0];
    const sample = mode === 'per-package' ? await perPackage() : await oneRun(runner, mode);
    samples[mode].push({ ...sample, load });
    if (!values.json) {
      const note = sample.ok ? '' : ` FAILED ${JSON.stringify(sample.detail)}`;
      process.stderr.write(
        `${mode}: ${sample.seconds.toFixed(1)} s (load ${load.toFixed(1)})${note}\n`,
      );
    }
  }
}
const rows = modes.map((mode) => ({
  mode:
    mode === 'per-package'
      ? `vitest run per package, ${packageJobs} at a time`
      : `one run, isolation ${mode}`,
  seconds: Number(median(samples[mode].map((s) => s.seconds)).toFixed(2)),
  ok: samples[mode].every((s) => s.ok),
  loads: samples[mode].map((s) => Number(s.load.toFixed(1))),
}));
const baseline = rows.find((r) => r.mode.startsWith('vitest run per package'));
if (values.json) {
  process.stdout.write(`${JSON.stringify({ targets, jobs, runs, rows })}\n`);
} else {
  process.stdout.write(`${targets} targets, 10 tests each, ${jobs} workers, median of ${runs}\n`);
  for (const row of rows) {
    const ratio = baseline ? ` (${(row.seconds / baseline.seconds).toFixed(2)}x)` : '';
    process.stdout.write(
      `${row.mode.padEnd(42)} ${row.seconds.toFixed(2).padStart(8)} s${ratio}${row.ok ? '' : ' FAILED'}\n`,
    );
  }
}
rmSync(work, { recursive: true, force: true });

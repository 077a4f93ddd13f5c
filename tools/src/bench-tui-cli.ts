// `npm run bench:tui [-- --runs 5 --targets 1000 --days 365]`: how fast `mainline tui` shows
// a store holding a year of nightly and trunk history (tools/src/bench/tui-store.ts), in a
// pseudo-terminal (util-linux `script`): the time from starting it to its first frame, and
// the delay from a write by another process (this one) to the frame showing it.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { findMainlineLauncher } from './bench/affected.ts';
import { median } from './bench/measure.ts';
import { generateTuiStore } from './bench/tui-store.ts';
import { cleanGitEnv } from './synth/git.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    targets: { type: 'string', default: '1000' },
    days: { type: 'string', default: '365' },
  },
});
const runs = Number(values.runs);
const shape = { targets: Number(values.targets), days: Number(values.days) };
const dir = `/tmp/mainline-bench/tui-t${shape.targets}-d${shape.days}`;
const state = join(dir, 'state');
const repo = join(dir, 'repo');
const env: NodeJS.ProcessEnv = { ...cleanGitEnv(), MAINLINE_HOME: state, TERM: 'xterm-256color' };
delete env.CI;

rmSync(dir, { recursive: true, force: true });
mkdirSync(repo, { recursive: true });
execFileSync('git', ['init', '--quiet', '--initial-branch=main', repo], { env });
const started = performance.now();
generateTuiStore(state, shape, Date.now());
const size = statSync(join(state, 'mainline.db')).size;
process.stderr.write(
  `store: ${shape.days} days, ${shape.targets} targets, ${(size / 1e6).toFixed(0)} MB, made in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);

const BetterSqlite = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
const launcher = findMainlineLauncher();

/** One `mainline tui` in a pseudo-terminal: seconds to its first frame, then to a write's. */
async function once(run: number): Promise<{ firstFrame: number; update: number }> {
  const start = performance.now();
  // `script` runs its command through the shell: the launcher's path goes as "$0", never
  // inside the command text.
  const child = spawn('script', ['-qfec', 'exec "$MAINLINE_BENCH_BIN" tui', '/dev/null'], {
    cwd: repo,
    env: { ...env, MAINLINE_BENCH_BIN: launcher },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  const waiters: { text: string; resolve: (at: number) => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const at = performance.now();
    for (const waiter of [...waiters]) {
      if (output.includes(waiter.text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(at);
      }
    }
  });
  const shown = (text: string): Promise<number> =>
    new Promise((resolve, reject) => {
      if (output.includes(text)) return resolve(performance.now());
      waiters.push({ text, resolve });
      setTimeout(() => reject(new Error(`no frame showed ${text}:\n${output}`)), 30_000).unref();
    });
  const firstFrame = ((await shown('revert candidates')) - start) / 1000;
  await shown('q quit'); // reading keys: settled
  const target = `libs/written-by-bench-${run}`;
  const db = new BetterSqlite(join(state, 'mainline.db'));
  const wrote = performance.now();
  db.prepare(
    "INSERT INTO breakages (target, last_green, first_red, tests, state, opened_at) VALUES (?, ?, ?, '[]', 'open', ?)",
  ).run(target, 'a'.repeat(40), 'b'.repeat(40), Date.now());
  db.close();
  const update = ((await shown(target)) - wrote) / 1000;
  child.stdin.write('q');
  await new Promise((resolve) => child.once('exit', resolve));
  // The screen lists as many breakages as fit: the next run's must not fall below them.
  const cleanup = new BetterSqlite(join(state, 'mainline.db'));
  cleanup.prepare('DELETE FROM breakages WHERE target = ?').run(target);
  cleanup.close();
  return { firstFrame, update };
}

if (!existsSync(launcher)) throw new Error(`no ${launcher}`);
await once(0); // warm-up: file cache, the launcher's first start
const samples: { firstFrame: number; update: number }[] = [];
for (let run = 1; run <= runs; run++) {
  const sample = await once(run);
  samples.push(sample);
  process.stderr.write(
    `run ${run}: first frame ${sample.firstFrame.toFixed(3)} s, update ${sample.update.toFixed(3)} s\n`,
  );
}
const firstFrame = median(samples.map((s) => s.firstFrame));
const update = median(samples.map((s) => s.update));
process.stdout.write(
  `mainline tui on ${shape.days} days x ${shape.targets} targets (${(size / 1e6).toFixed(0)} MB store), median of ${runs}:\n` +
    `  first frame        ${firstFrame.toFixed(3)} s (target <= 0.5 s)\n` +
    `  update after write ${update.toFixed(3)} s (target <= 1 s)\n`,
);

// `npm run bench:prepush [-- --runs 5]`: how long the pre-push hook adds to `git push` on a
// 1,000-target repository when everything the push affects is already green (cached).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMainlineLauncher } from './bench/affected.ts';
import { runRepoBench } from './bench/run-repo-bench.ts';
import { measure, median } from './bench/measure.ts';

const { runs, targets, cacheDir, env, git, repo } = runRepoBench(1000);
// A clone of its own: one commit on top that changes one mid-graph source file.
const dir = join(cacheDir, `prepush-t${targets}`);
if (!existsSync(dir)) {
  execFileSync('git', ['clone', '--quiet', repo.dir, dir], { env });
  const file = join(dir, repo.changedFile);
  writeFileSync(file, `${readFileSync(file, 'utf8')}export const pushed = 1;\n`);
  git(dir, 'commit', '--quiet', '--all', '--message', `change ${repo.changedFile}`);
}
const launcher = findMainlineLauncher();
const head = git(dir, 'rev-parse', 'HEAD');
const parent = git(dir, 'rev-parse', 'HEAD~1');
process.stderr.write(`filling the cache: mainline test --base HEAD~1 in ${dir}\n`);
execFileSync(launcher, ['test', '--base', 'HEAD~1'], {
  cwd: dir,
  env,
  stdio: 'inherit',
});
const spec = {
  program: launcher,
  args: ['prepush', 'origin', 'url'],
  cwd: dir,
  env,
  input: `refs/heads/main ${head} refs/heads/main ${parent}\n`,
};
const result = measure(spec, runs);
if (!result.ok) {
  process.stderr.write(`bench-prepush: ${result.error}\n`);
  process.exit(1);
}
const walls = result.value.wallSeconds;
process.stdout.write(
  `| repo | command | median wall s | each run s |\n|---:|---|---:|---|\n| ${targets} | \`mainline prepush\` (a one-file push, all affected targets cached) | ${median(walls).toFixed(3)} | ${walls.map((w) => w.toFixed(2)).join(', ')} |\n`,
);

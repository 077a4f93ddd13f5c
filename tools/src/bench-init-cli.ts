// `npm run bench:init [-- --runs 5 --targets 1000]`: how long `mainline init` takes to write
// BUILD.json from the npm workspaces of a generated repository (issue 12: at most 1 s for
// 1,000 packages), and whether the graph it infers is the one the generator made.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findMainlineLauncher } from './bench/affected.ts';
import { benchEnv } from './bench/compare-tools.ts';
import { measure, median } from './bench/measure.ts';
import { cleanGitEnv } from './synth/git.ts';
import { generateMonorepo } from './synth/generate.ts';
import type { SynthTarget } from './synth/types.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, targets: { type: 'string', default: '1000' } },
});
const runs = Number(values.runs);
const targets = Number(values.targets);
const dir = join('/tmp/mainline-bench', `init-t${targets}`);
const env = benchEnv(cleanGitEnv());

// The generator's own BUILD.json is committed; init --force writes over it in the work tree.
const synthTargets = generated(dir);
const spec = { program: findMainlineLauncher(), args: ['init', '--force'], cwd: dir, env };
const wrote = `BUILD.json: ${synthTargets.length} targets`;
const result = measure(spec, runs, {
  check: (stdout) => (stdout.includes(wrote) ? null : `expected "${wrote}" in:\n${stdout}`),
});
if (!result.ok) {
  process.stderr.write(`bench-init: ${result.error}\n`);
  process.exit(1);
}
const problem = sameGraph(synthTargets, JSON.parse(readFileSync(join(dir, 'BUILD.json'), 'utf8')));
const walls = result.value.wallSeconds;
process.stdout.write(
  `| packages | command | median wall s | each run s | graph as generated |\n|---:|---|---:|---|---|\n| ${targets} | \`mainline init --force\` | ${median(walls).toFixed(3)} | ${walls.map((w) => w.toFixed(3)).join(', ')} | ${problem ?? 'yes'} |\n`,
);
if (problem !== null) process.exit(1);

/** The generated repository, made once and kept under the bench folder. */
function generated(folder: string): readonly SynthTarget[] {
  const options = { dir: folder, targets, seed: 1 };
  // The generated graph is kept beside the repository, outside its files.
  const graphFile = `${folder}.targets.json`;
  if (existsSync(graphFile)) return JSON.parse(readFileSync(graphFile, 'utf8'));
  process.stderr.write(`generating a ${targets}-package workspace in ${folder}\n`);
  const repo = generateMonorepo(options);
  writeFileSync(graphFile, JSON.stringify(repo.targets));
  return repo.targets;
}

/** null when every target has the generator's deps, else what differs first. */
function sameGraph(
  expected: readonly SynthTarget[],
  written: { targets: Record<string, { deps?: string[] }> },
): string | null {
  const names = Object.keys(written.targets);
  if (names.length !== expected.length) return `${names.length} targets, not ${expected.length}`;
  for (const target of expected) {
    const deps = [...(written.targets[target.name]?.deps ?? [])].sort().join(',');
    if (deps !== [...target.deps].sort().join(',')) return `${target.name}: deps ${deps}`;
  }
  return null;
}

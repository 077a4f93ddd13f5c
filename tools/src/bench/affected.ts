import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MainlineError } from '@mainline/core';
import { cleanGitEnv } from '../synth/git.ts';
import {
  type AffectedParser,
  checkAffected,
  parseMainline,
  parseNx,
  parseTurbo,
} from './affected-results.ts';
import { type BenchRepo, prepareBenchRepo } from './bench-repo.ts';
import {
  benchEnv,
  type CompareTools,
  ensureCompareTools,
  linkNodeModules,
} from './compare-tools.ts';
import { type CommandSpec, measure, median } from './measure.ts';
import type { BenchOptions } from './options.ts';

export interface CaseResult {
  readonly tool: string;
  readonly command: string;
  readonly medianWallSeconds: number | null;
  readonly peakRssMiB: number | null;
  readonly wallSeconds: readonly number[];
  readonly affectedCount: number | null;
  readonly affectedCorrect: boolean | null;
  /** How many targets a correct answer names (the source change's, or the lockfile bump's). */
  readonly expectedCount: number;
  /** False when the tool succeeded but its output held no affected list to check. */
  readonly outputReadable: boolean | null;
  readonly error: string | null;
}

export interface SizeResult {
  readonly targets: number;
  readonly lockfile: string;
  readonly files: number;
  readonly repoDir: string;
  readonly changedFile: string;
  readonly expectedAffected: number;
  readonly generationSeconds: number | null;
  readonly results: readonly CaseResult[];
}

export interface BenchReport {
  readonly node: string;
  readonly cpus: number;
  readonly runs: number;
  readonly mainline: string;
  readonly compared: Readonly<Record<string, string>>;
  readonly sizes: readonly SizeResult[];
}

interface BenchCase {
  readonly tool: string;
  readonly command: string;
  readonly program: string;
  readonly args: readonly string[];
  /** Added to the environment of this case. */
  readonly env?: Readonly<Record<string, string>>;
  readonly parse?: AffectedParser;
  /** What it must find: the source change (default) or the lockfile bump. */
  readonly expects?: 'lockfile';
}

/** Times `mainline affected` (and, with compare, turbo and nx) on generated repos. */
export function runAffectedBench(options: BenchOptions, log: (line: string) => void): BenchReport {
  const mainline = options.mainline ?? findMainlineLauncher();
  const tools = options.compare ? ensureCompareTools(options.cacheDir, log) : undefined;
  const env = benchEnv(cleanGitEnv());
  const sizes: SizeResult[] = [];
  for (const targets of options.sizes) {
    for (const lockfile of options.lockfiles) {
      log(`preparing the ${targets}-target repo (${lockfile} lockfile) ...`);
      const repo = prepareBenchRepo(options.cacheDir, targets, options.fresh, lockfile);
      if (repo.generationSeconds !== null)
        log(`  generated in ${repo.generationSeconds.toFixed(1)}s`);
      if (tools) linkNodeModules(repo.dir, tools.nodeModules);
      const results = benchCases(mainline, tools, env).map((benchCase) => {
        log(
          `  ${targets} targets, ${lockfile}: ${benchCase.tool} (${options.runs} runs + 1 warm-up)`,
        );
        const base = { program: '', args: [], cwd: repo.dir, env };
        return runCase(benchCase, base, repo, options.runs);
      });
      sizes.push(sizeResult(repo, results));
    }
  }
  const compared: Record<string, string> = {};
  if (tools) {
    compared.turbo = `${tools.turbo.version} (${tools.turbo.note})`;
    compared.nx = `${tools.nx.version} (${tools.nx.note})`;
  }
  return {
    node: process.version,
    cpus: cpus().length,
    runs: options.runs,
    mainline,
    compared,
    sizes,
  };
}

function benchCases(
  mainline: string,
  tools: CompareTools | undefined,
  env: NodeJS.ProcessEnv,
): BenchCase[] {
  const node = process.execPath;
  const range = ['--base', 'HEAD~1', '--head', 'HEAD'];
  const cases: BenchCase[] = [
    { tool: 'node -e 0 (baseline)', command: 'node -e 0', program: node, args: ['-e', '0'] },
  ];
  if (env.NODE_EXTRA_CA_CERTS) {
    // Node 20 parses that CA bundle at every start; mainline's quick commands start without it.
    cases.push({
      tool: 'node -e 0, NODE_EXTRA_CA_CERTS empty',
      command: 'NODE_EXTRA_CA_CERTS= node -e 0',
      program: node,
      args: ['-e', '0'],
      env: { NODE_EXTRA_CA_CERTS: '' },
    });
  }
  cases.push(
    {
      tool: 'mainline --version',
      command: 'mainline --version',
      program: mainline,
      args: ['--version'],
    },
    {
      tool: 'mainline affected',
      command: 'mainline affected --base HEAD~1 --head HEAD --json',
      program: mainline,
      args: ['affected', ...range, '--json'],
      parse: parseMainline,
    },
    {
      tool: 'mainline affected, lockfile bump',
      command: 'mainline affected --base HEAD~2 --head HEAD~1 --json (a package bumped)',
      program: mainline,
      args: ['affected', '--base', 'HEAD~2', '--head', 'HEAD~1', '--json'],
      parse: parseMainline,
      expects: 'lockfile',
    },
  );
  if (tools) {
    const [turbo = '', ...turboArgs] = tools.turbo.command;
    const [nx = '', ...nxArgs] = tools.nx.command;
    cases.push(
      {
        tool: `turbo ${tools.turbo.version}`,
        command: 'TURBO_SCM_BASE=HEAD~1 TURBO_SCM_HEAD=HEAD turbo ls --affected --output=json',
        program: turbo,
        args: [...turboArgs, 'ls', '--affected', '--output=json'],
        parse: parseTurbo,
      },
      {
        tool: `nx ${tools.nx.version}`,
        command: 'nx show projects --affected --base=HEAD~1 --head=HEAD --json',
        program: nx,
        args: [
          ...nxArgs,
          'show',
          'projects',
          '--affected',
          '--base=HEAD~1',
          '--head=HEAD',
          '--json',
        ],
        parse: parseNx,
      },
    );
  }
  return cases;
}

function runCase(
  benchCase: BenchCase,
  base: CommandSpec,
  repo: BenchRepo,
  runs: number,
): CaseResult {
  const spec: CommandSpec = {
    ...base,
    program: benchCase.program,
    args: benchCase.args,
    env: { ...base.env, ...benchCase.env },
  };
  const outcome = measure(spec, runs);
  const expected =
    benchCase.expects === 'lockfile' ? repo.lockfileExpectedNames : repo.expectedNames;
  const names = {
    tool: benchCase.tool,
    command: benchCase.command,
    expectedCount: expected.length,
  };
  if (!outcome.ok) {
    return {
      ...names,
      medianWallSeconds: null,
      peakRssMiB: null,
      wallSeconds: [],
      affectedCount: null,
      affectedCorrect: null,
      outputReadable: null,
      error: outcome.error,
    };
  }
  const { wallSeconds, peakKiB, stdout } = outcome.value;
  const check = benchCase.parse ? checkAffected(benchCase.parse(stdout), expected) : null;
  return {
    ...names,
    medianWallSeconds: median(wallSeconds),
    peakRssMiB: peakKiB.length > 0 ? Math.max(...peakKiB) / 1024 : null,
    wallSeconds,
    affectedCount: check?.count ?? null,
    affectedCorrect: check?.correct ?? null,
    outputReadable: benchCase.parse ? check !== null : null,
    error: null,
  };
}

function sizeResult(repo: BenchRepo, results: CaseResult[]): SizeResult {
  return {
    targets: repo.targets,
    lockfile: repo.lockfile,
    files: repo.files,
    repoDir: repo.dir,
    changedFile: repo.changedFile,
    expectedAffected: repo.expectedAffected,
    generationSeconds: repo.generationSeconds,
    results,
  };
}

/** This checkout's launcher, found upward from the running file (src/bench or dist). */
export function findMainlineLauncher(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'properties', 'cli', 'bin', 'mainline');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new MainlineError(
        'usage',
        'cannot find properties/cli/bin/mainline above the benchmark',
        {
          hint: 'pass --mainline FILE',
        },
      );
    }
    dir = parent;
  }
}

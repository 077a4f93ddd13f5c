import { parseArgs } from 'node:util';
import { benchGit } from './bench-git.ts';
import { benchEnv } from './compare-tools.ts';
import { prepareRunRepo, type RunRepo } from './run-repo.ts';
import { cleanGitEnv } from '../synth/git.ts';

/** What a benchmark on the generated run repository starts from. */
export interface RunRepoBench {
  readonly runs: number;
  readonly targets: number;
  readonly cacheDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly git: (cwd: string, ...args: string[]) => string;
  readonly repo: RunRepo;
}

/**
 * The common start of bench:prepush and bench:trunk: `--runs` and `--targets` from the
 * command line, the bench environment, and the generated repository (kept between runs
 * under /tmp/mainline-bench).
 */
export function runRepoBench(defaultTargets: number): RunRepoBench {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      targets: { type: 'string', default: String(defaultTargets) },
    },
  });
  const targets = Number(values.targets);
  const cacheDir = '/tmp/mainline-bench';
  const env = benchEnv(cleanGitEnv());
  return {
    runs: Number(values.runs),
    targets,
    cacheDir,
    env,
    git: benchGit(env),
    repo: prepareRunRepo(cacheDir, targets, false),
  };
}

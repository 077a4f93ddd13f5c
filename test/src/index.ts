export { type CliResult, type RunCliOptions, runCli } from './cli.ts';
export { type CloneOptions, cloneTemp } from './clone.ts';
export { gitSync, helperGitEnv } from './git-sync.ts';
export { applyRandomChange, type Rng } from './random-change.ts';
export { makeTempDir } from './temp-dirs.ts';
export {
  configureForTests,
  createTempRepo,
  type TempRepo,
  type TempRepoOptions,
  tempRepoAt,
} from './temp-repo.ts';

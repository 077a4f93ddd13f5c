export { type CliResult, type RunCliOptions, type RunningCli, runCli, startCli } from './cli.ts';
export { createWorkspaceRepo, tsconfigBase } from './workspace-repo.ts';
export { type JsonRun, runJson } from './run-json.ts';
export { type CloneOptions, cloneTemp } from './clone.ts';
export { gitPush, gitSync, helperGitEnv } from './git-sync.ts';
export { applyRandomChange, type Rng } from './random-change.ts';
export { libSource, libTest, type TrunkSandbox, trunkSandbox } from './trunk-sandbox.ts';
export { makeTempDir } from './temp-dirs.ts';
export { bundleTestHost } from './test-host-bundle.ts';
export {
  configureForTests,
  createChangedRepo,
  createTempRepo,
  type TempRepo,
  type TempRepoOptions,
  tempRepoAt,
} from './temp-repo.ts';
export { betterSqlitePrebuild, checkoutVersionOf, npmInstall, packCli } from './packed-cli.ts';
export { startTestNginxCache } from './nginx-cache.ts';
export { type CacheServer, selfSignedCert, startCacheServer } from './http-cache-server.ts';

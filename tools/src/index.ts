export { generateMonorepo, planMonorepo, renderRepository } from './synth/generate.ts';
export { commitAll, cleanGitEnv, repositorySettings } from './synth/git.ts';
export { dependentClosure, pickMidGraphLib } from './synth/graph-queries.ts';
export { type ResolvedSynthOptions, resolveSynthOptions } from './synth/options.ts';
export { createRng } from './synth/rng.ts';
export {
  type LockfileKind,
  lockfileKinds,
  type SynthOptions,
  type SynthRepo,
  type SynthTarget,
} from './synth/types.ts';
export {
  type BuildFileMutation,
  type MutationOptions,
  mutateBuildFile,
} from './fuzz/mutations.ts';
export {
  type FuzzCommand,
  type FuzzRun,
  fuzzArgs,
  fuzzCommands,
  fuzzTimeLimitSeconds,
  judgeRun,
  type Verdict,
} from './fuzz/verdict.ts';
export { type NginxCache, nginxCacheServer, startNginxCache } from './nginx/nginx-cache.ts';

export { generateMonorepo, planMonorepo, renderRepository } from './synth/generate.ts';
export { commitAll, cleanGitEnv } from './synth/git.ts';
export { dependentClosure, pickMidGraphLib } from './synth/graph-queries.ts';
export { type ResolvedSynthOptions, resolveSynthOptions } from './synth/options.ts';
export { createRng } from './synth/rng.ts';
export type { SynthOptions, SynthRepo, SynthTarget } from './synth/types.ts';

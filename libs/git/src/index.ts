export type { CommitSummary } from './commit-summaries.ts';
export { cleanGitEnv } from './env.ts';
export { type GitAnswer, GitAnswers } from './git-answers.ts';
export { type BlobText, GitRepo, type OpenOptions } from './git-repo.ts';
export type { TreeEntry } from './parse-ls-tree.ts';
export type { ProbedRange, RangeProbe } from './range-probe.ts';
export { startupCommands } from './startup-commands.ts';
export type { CommitInfo } from './history.ts';
export { OwnClone, type PushResult, type RevertResult } from './own-clone.ts';

export { cleanGitEnv } from './env.ts';
export { GitRepo, type OpenOptions } from './git-repo.ts';
export type { TreeEntry } from './parse-ls-tree.ts';

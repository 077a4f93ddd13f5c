/**
 * Variables that point git at a particular repository, index or object store. A git
 * hook runs with several of them set (GIT_DIR, GIT_INDEX_FILE, ...); inherited by a
 * child git they would silently redirect it to the hook's repository. The list is
 * git's own `git rev-parse --local-env-vars` plus the discovery variables.
 */
const repositoryLocationVariables: ReadonlySet<string> = new Set([
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_CONFIG',
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
  'GIT_OBJECT_DIRECTORY',
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_IMPLICIT_WORK_TREE',
  'GIT_GRAFT_FILE',
  'GIT_INDEX_FILE',
  'GIT_NO_REPLACE_OBJECTS',
  'GIT_REPLACE_REF_BASE',
  'GIT_PREFIX',
  'GIT_INTERNAL_SUPER_PREFIX',
  'GIT_SHALLOW_FILE',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_CEILING_DIRECTORIES',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
  'GIT_QUARANTINE_PATH',
]);

/** GIT_CONFIG_KEY_<n> / GIT_CONFIG_VALUE_<n> belong to GIT_CONFIG_COUNT. */
const configPairVariable = /^GIT_CONFIG_(KEY|VALUE)_\d+$/;

/**
 * `env` without the variables that tie git to a repository, so a child git finds its
 * repository from its working directory alone. Returns a new object.
 */
export function cleanGitEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (repositoryLocationVariables.has(key) || configPairVariable.test(key)) continue;
    clean[key] = value;
  }
  return clean;
}

/**
 * Variables simple-git 4 guards: every GIT_* one plus a few that name programs
 * (EDITOR, PAGER, ...). Passed explicitly without being allow-listed they make
 * simple-git refuse the command, so they are dropped here; none of them matter to the
 * read-only plumbing this adapter runs.
 */
const simpleGitGuardedVariables: ReadonlySet<string> = new Set([
  'editor',
  'pager',
  'prefix',
  'ssh_askpass',
  'visual',
]);

/** The variables this adapter sets itself, allow-listed in simple-git. */
export const ownGitVariables = ['GIT_TERMINAL_PROMPT', 'GIT_INDEX_FILE'] as const;

/**
 * The environment of every git child process: `cleanGitEnv(env)` without the variables
 * simple-git guards, with English messages (they are matched in a few places) and no
 * credential prompts (a prompt would hang a hook or a CI job).
 */
export function gitProcessEnv(
  env: NodeJS.ProcessEnv,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(cleanGitEnv(env))) {
    const lower = key.toLowerCase();
    if (value === undefined || lower.startsWith('git_') || simpleGitGuardedVariables.has(lower)) {
      continue;
    }
    result[key] = value;
  }
  return { ...result, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', ...extra };
}

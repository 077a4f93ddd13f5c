/**
 * The one registry of error codes. Every `MainlineError` carries one of these,
 * so callers (the CLI, reporters, tests) can branch on data instead of messages.
 */
export const errorCodes = {
  usage: 'bad command-line usage',
  buildFileInvalid: 'BUILD.json is invalid',
  buildFileMissing: 'BUILD.json not found',
  buildFileExists: 'BUILD.json exists and would be overwritten',
  noWorkspaces: 'the repository declares no npm, yarn or pnpm workspaces',
  workspaceDeclarationInvalid: 'the workspaces declaration cannot be read',
  settingsInvalid: 'mainline.json (the settings) is invalid',
  notGitRepo: 'not inside a git work tree',
  unknownRef: 'a git ref could not be resolved',
  shallowClone: 'the git history needed is missing from a shallow clone',
  noMergeBase: 'two refs have no common ancestor',
  unknownTarget: 'no such target',
  gitFailed: 'a git command failed',
  unsafePath: 'a path mainline derived from its input would leave its folder',
  cacheUnsafePath: 'a cached output path would leave its folder',
  cacheOutputMissing: 'a build output to cache is missing or not a regular file',
  cacheFailed: 'reading or writing the artifact cache failed',
  storeTooNew: 'the results database was written by a newer mainline',
  storeCorrupt: 'the results database is not a readable SQLite database',
  storeBusy: 'the results database stayed locked by another process',
  storeUnknownRun: 'no such run in the results database',
  storeFailed: 'reading or writing the results database failed',
  packageJsonInvalid: "a target's package.json cannot be read as a package manifest",
  checkerMissing: 'the type checker could not be found',
  checkerFailed: 'the type checker failed without reporting diagnostics',
  testRunFailed: 'vitest could not load or start the test run',
  hookConflict: 'a pre-push hook mainline will not overwrite',
  reportFailed: 'a report file (--junit) could not be written',
  trunkBusy: 'a trunk loop is already running for this state folder',
  installFailed: 'installing the dependencies of a commit failed',
  internal: 'internal error',
} as const;

export type ErrorCode = keyof typeof errorCodes;

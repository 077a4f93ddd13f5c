/**
 * The one registry of error codes. Every `MainlineError` carries one of these,
 * so callers (the CLI, reporters, tests) can branch on data instead of messages.
 */
export const errorCodes = {
  usage: 'bad command-line usage',
  buildFileInvalid: 'BUILD.json is invalid',
  buildFileMissing: 'BUILD.json not found',
  notGitRepo: 'not inside a git work tree',
  unknownRef: 'a git ref could not be resolved',
  shallowClone: 'the git history needed is missing from a shallow clone',
  noMergeBase: 'two refs have no common ancestor',
  unknownTarget: 'no such target',
  gitFailed: 'a git command failed',
  internal: 'internal error',
} as const;

export type ErrorCode = keyof typeof errorCodes;

import { MainlineError } from '@mainline/core';

const deleteHint = 'the cache only holds copies of build outputs: deleting its folder is safe';

export function invalidKey(key: string): MainlineError {
  return new MainlineError('internal', `'${key}' is not an action key (a lower-case hex SHA-256)`);
}

export function unsafeOutputPath(problem: string, where: string): MainlineError {
  return new MainlineError('cacheUnsafePath', `unsafe cache output path in ${where}: ${problem}`, {
    hint: 'output paths are relative to their folder, with / separators, and never use ..',
  });
}

export function unsafeRestoreFolder(folder: string, why: string): MainlineError {
  return new MainlineError('cacheUnsafePath', `cannot restore into ${folder}: ${why}`, {
    hint: 'restoring never follows a symbolic link out of the target folder; remove the link',
  });
}

export function invalidRequest(problem: string): MainlineError {
  return new MainlineError('internal', `invalid artifact cache request: ${problem}`);
}

export function outputMissing(path: string, rootDir: string, cause: unknown): MainlineError {
  const code = errorCode(cause);
  const why =
    cause === undefined
      ? 'not a regular file'
      : code === 'ENOENT' || code === 'ENOTDIR'
        ? 'no such file'
        : errorMessage(cause);
  return new MainlineError('cacheOutputMissing', `cannot cache ${path} in ${rootDir}: ${why}`, {
    hint: 'list only regular files the action wrote',
    cause,
  });
}

export function cacheFailed(action: string, location: string, cause: unknown): MainlineError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new MainlineError('cacheFailed', `could not ${action} (${location}): ${reason}`, {
    hint: `check free space and permissions; ${deleteHint}`,
    cause,
  });
}

/** The `code` of a Node system error (ENOENT, EEXIST...), if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

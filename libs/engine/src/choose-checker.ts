import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainlineError } from '@mainline/core';
import { type CheckerCommand, findChecker } from '@mainline/runner';

/**
 * The repository's own TypeScript when it has one (its version is what its code is
 * written for), else the one mainline is installed with.
 */
export function chooseChecker(root: string): CheckerCommand {
  try {
    return findChecker('tsc', root);
  } catch (error) {
    if (!isMainlineError(error) || error.code !== 'checkerMissing') throw error;
    try {
      return findChecker('tsc', dirname(fileURLToPath(import.meta.url)));
    } catch {
      // Neither: what the repository lacks is the useful message, not mainline's folder.
      throw error;
    }
  }
}

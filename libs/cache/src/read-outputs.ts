import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMainlineError } from '@mainline/core';
import { sha256Hex } from './digest.ts';
import { outputMissing, unsafeOutputPath } from './errors.ts';
import { outputPathsProblem } from './output-paths.ts';
import type { OutputFile } from './types.ts';

export interface ReadOutput {
  readonly file: OutputFile;
  readonly bytes: Buffer;
}

/**
 * Reads and hashes the files an action wrote, sorted by path. A symbolic link is stored
 * as the file it points to. The executable bit is the owner's, as in git.
 */
export function readOutputs(rootDir: string, paths: readonly string[]): ReadOutput[] {
  const problem = outputPathsProblem(paths);
  if (problem !== undefined) throw unsafeOutputPath(problem, 'the files to store');
  const root = resolve(rootDir);
  return [...paths].sort().map((path) => {
    let fd: number;
    try {
      fd = openSync(join(root, path), 'r');
    } catch (error) {
      throw outputMissing(path, root, error);
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) throw outputMissing(path, root, undefined);
      const bytes = readFileSync(fd);
      const executable = (stat.mode & 0o100) !== 0;
      return { file: { path, digest: sha256Hex(bytes), size: bytes.length, executable }, bytes };
    } catch (error) {
      throw isMainlineError(error) ? error : outputMissing(path, root, error);
    } finally {
      closeSync(fd);
    }
  });
}

import { closeSync, lstatSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { removeInside } from '@mainline/core';
import { tempName, writeAll } from './atomic-write.ts';
import { errorCode, unsafeOutputPath, unsafeRestoreFolder } from './errors.ts';
import { outputPathsProblem } from './output-paths.ts';

export interface OutputToWrite {
  /** Checked by outputPathsProblem. */
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly executable: boolean;
}

/**
 * Writes files under `intoDir`, each through a temp file renamed into place, so a
 * concurrent reader sees a whole file or none, and an existing symlink at the path is
 * replaced, not followed. An existing file is unlinked before the rename: ext4 flushes
 * a file renamed over another to disk (auto_da_alloc), which made restoring over old
 * outputs 5 to 7 times slower. Folders are created as needed; an existing symlink or
 * non-folder on the way is refused rather than followed, so nothing is ever written
 * outside intoDir. Modes are 0o666 or 0o777 less the umask, as git checks files out.
 */
export function writeOutputs(intoDir: string, outputs: readonly OutputToWrite[]): void {
  const problem = outputPathsProblem(outputs.map((output) => output.path));
  if (problem !== undefined) throw unsafeOutputPath(problem, 'a cached action');
  if (outputs.length === 0) return;
  const root = resolve(intoDir);
  mkdirSync(root, { recursive: true });
  // Folders known to exist, and whether this restore created them (then they are empty).
  const folders: Folders = new Map([['', 'existed']]);
  for (const output of outputs) {
    const slash = output.path.lastIndexOf('/');
    const folder = slash === -1 ? '' : output.path.slice(0, slash);
    ensureFolder(root, folder, folders);
    const temp = join(root, folder, tempName());
    const path = join(root, output.path);
    const fd = openSync(temp, 'wx', output.executable ? 0o777 : 0o666);
    try {
      try {
        writeAll(fd, output.bytes);
      } finally {
        closeSync(fd);
      }
      if (folders.get(folder) === 'existed') removeInside(root, path, { recursive: false });
      renameSync(temp, path);
    } catch (error) {
      removeInside(root, temp, { recursive: false });
      throw error;
    }
  }
}

type Folders = Map<string, 'created' | 'existed'>;

/** Creates `folder` (relative to root) one level at a time, refusing links on the way. */
function ensureFolder(root: string, folder: string, folders: Folders): void {
  if (folders.has(folder)) return;
  let at = 0;
  while (at !== -1) {
    const next = folder.indexOf('/', at);
    const prefix = next === -1 ? folder : folder.slice(0, next);
    at = next === -1 ? -1 : next + 1;
    if (!folders.has(prefix)) folders.set(prefix, makeFolder(root, prefix));
  }
}

function makeFolder(root: string, prefix: string): 'created' | 'existed' {
  const path = join(root, prefix);
  try {
    mkdirSync(path);
    return 'created';
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  }
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) throw unsafeRestoreFolder(root, `${prefix} is a symbolic link`);
  if (!stat.isDirectory()) throw unsafeRestoreFolder(root, `${prefix} is not a folder`);
  return 'existed';
}

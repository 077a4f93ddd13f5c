import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { removeInside } from '@mainline/core';
import { errorCode } from './errors.ts';

/** Temp files start with this; listings skip them and prune removes stale ones. */
export const tempPrefix = '.tmp-';

const processTag = `${process.pid}-${randomBytes(4).toString('hex')}`;
let counter = 0;

/** A name no other writer (process, thread, machine sharing the folder) uses. */
export function tempName(): string {
  counter += 1;
  return `${tempPrefix}${processTag}-${counter}`;
}

/**
 * Writes `bytes` to a temp file in the destination's folder, then renames it over `path`:
 * readers see the old file or the whole new one, never a part; concurrent writers of the
 * same path each succeed, the last rename wins. Creates the folder when missing (or not a
 * folder: `makeFolder` may move a file in the way aside), only once opening the file failed.
 * With `fsync`, the data reaches the disk before the rename, and the folder after it.
 */
export function writeFileAtomic(
  path: string,
  bytes: Uint8Array,
  fsync: boolean,
  mode = 0o666,
  makeFolder: (folder: string) => void = (folder) => mkdirSync(folder, { recursive: true }),
) {
  const folder = dirname(path);
  const temp = join(folder, tempName());
  let fd: number;
  try {
    fd = openSync(temp, 'wx', mode);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') throw error;
    makeFolder(folder);
    fd = openSync(temp, 'wx', mode);
  }
  try {
    try {
      writeAll(fd, bytes);
      if (fsync) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    removeInside(folder, temp, { recursive: false });
    throw error;
  }
  if (fsync) syncFolder(folder);
}

export function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.byteLength) {
    offset += writeSync(fd, bytes, offset, bytes.byteLength - offset);
  }
}

function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open or sync a folder; the data itself is synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

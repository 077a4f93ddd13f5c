import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeInside } from '@mainline/core';

/**
 * Runs `use` with the run's scratch folder: the one given (created if missing, left to
 * its owner), else a new temporary folder, deleted afterwards.
 */
export async function withScratch<T>(
  given: string | undefined,
  use: (dir: string) => Promise<T>,
): Promise<T> {
  if (given !== undefined) {
    mkdirSync(given, { recursive: true });
    return use(given);
  }
  const dir = mkdtempSync(join(tmpdir(), 'mainline-vitest-'));
  try {
    return await use(dir);
  } finally {
    removeInside(tmpdir(), dir);
  }
}

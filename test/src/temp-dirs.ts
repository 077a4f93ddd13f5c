import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

const prefix = 'mainline-test-';
const leftovers = new Set<string>();
let exitHookInstalled = false;

/**
 * A new empty directory under the OS temp folder, deleted when the current test ends
 * (or, when created outside a test, e.g. in beforeAll, when the process exits).
 * Set MAINLINE_KEEP_TEMP=1 to keep them for debugging.
 */
export function makeTempDir(label = 'dir'): string {
  // realpath: on macOS tmpdir() is a symlink, and git reports resolved paths.
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `${prefix}${label}-`)));
  if (process.env.MAINLINE_KEEP_TEMP === '1') return dir;
  try {
    onTestFinished(() => removeTempDir(dir));
  } catch {
    leftovers.add(dir);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.once('exit', () => {
        for (const leftover of leftovers) removeTempDir(leftover);
      });
    }
  }
  return dir;
}

function removeTempDir(dir: string): void {
  // Only ever delete what makeTempDir created.
  if (!dir.startsWith(join(realpathSync(tmpdir()), prefix))) return;
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  leftovers.delete(dir);
}

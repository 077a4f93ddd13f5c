import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MainlineError } from '@mainline/core';
import type { WorkTrees } from '@mainline/engine';
import type { OwnClone } from '@mainline/git';
import type { TrunkRecords } from '@mainline/store';

/**
 * The trunk loop's own clone as the engine's work trees: a commit is checked out there
 * (never in a person's checkout), and its dependencies installed (`npm ci`) when its
 * lockfile differs from the last install, which is reused while it is the same.
 * `installedKey`: where that install is remembered, one per clone (the nightly has its own).
 */
export function cloneWorkTrees(
  clone: OwnClone,
  records: TrunkRecords,
  env: NodeJS.ProcessEnv,
  installedKey = 'installed-lockfile',
): WorkTrees {
  return {
    async checkout(commit) {
      await clone.checkout(commit);
      const lockfile = join(clone.dir, 'package-lock.json');
      if (existsSync(lockfile)) {
        const hash = createHash('sha256').update(readFileSync(lockfile)).digest('hex');
        if (records.meta(installedKey) !== hash) {
          await npmCi(clone.dir, env);
          records.setMeta(installedKey, hash);
        }
      }
      return { dir: clone.dir, release: async () => undefined };
    },
  };
}

function npmCi(dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', (error) => reject(installFailed(dir, error.message)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(installFailed(dir, stderr.trim() || `npm ci exited with code ${code}`));
    });
  });
}

function installFailed(dir: string, why: string): MainlineError {
  return new MainlineError('installFailed', `npm ci failed in mainline's clone ${dir}`, {
    hint: why,
  });
}

import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { MainlineError } from '@mainline/core';
import type { GitRepo } from '@mainline/git';
import { detectHookManager, type HookManager, prepushCommand } from './hook-managers.ts';
import { chainedHookName, hookMarker, hookScript } from './hook-script.ts';

export type InstallOutcome =
  | { readonly kind: 'installed'; readonly path: string; readonly chained: boolean }
  | { readonly kind: 'updated'; readonly path: string }
  | { readonly kind: 'managed'; readonly manager: HookManager };

export type UninstallOutcome =
  | { readonly kind: 'removed'; readonly path: string; readonly restored: boolean }
  | { readonly kind: 'absent'; readonly path: string }
  | { readonly kind: 'foreign'; readonly path: string };

/** What the hook starts: this Node and this mainline, by absolute path. */
export interface HookTarget {
  readonly node: string;
  readonly cli: string;
}

/**
 * Installs mainline's pre-push hook where git runs hooks (`core.hooksPath` and linked
 * worktrees included). Someone else's hook is never overwritten: it is kept aside and
 * run first, with the same arguments and refs. A hook manager's folder is left to it.
 */
export async function installHook(repo: GitRepo, target: HookTarget): Promise<InstallOutcome> {
  const manager = detectHookManager(repo.root, await repo.configGet('core.hooksPath'));
  if (manager) return { kind: 'managed', manager };
  const dir = await repo.hooksDir();
  const path = join(dir, 'pre-push');
  const script = hookScript(target.node, target.cli);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(path)) {
    writeHook(path, script);
    return { kind: 'installed', path, chained: false };
  }
  if (isOurs(path)) {
    writeHook(path, script);
    return { kind: 'updated', path };
  }
  const chained = join(dir, chainedHookName);
  if (existsSync(chained)) {
    throw new MainlineError(
      'hookConflict',
      `${path} is not mainline's, and ${chained} exists too`,
      {
        hint: `merge them into one hook, or add \`${prepushCommand}\` to ${path} yourself`,
      },
    );
  }
  renameSync(path, chained);
  writeHook(path, script);
  return { kind: 'installed', path, chained: true };
}

/** Removes mainline's hook and puts back the one it was chained to; leaves others alone. */
export async function uninstallHook(repo: GitRepo): Promise<UninstallOutcome> {
  const dir = await repo.hooksDir();
  const path = join(dir, 'pre-push');
  if (!existsSync(path)) return { kind: 'absent', path };
  if (!isOurs(path)) return { kind: 'foreign', path };
  rmSync(path);
  const chained = join(dir, chainedHookName);
  const restored = existsSync(chained);
  if (restored) renameSync(chained, path);
  return { kind: 'removed', path, restored };
}

function isOurs(path: string): boolean {
  return readFileSync(path, 'utf8').includes(hookMarker);
}

function writeHook(path: string, script: string): void {
  writeFileSync(path, script);
  chmodSync(path, 0o755);
}

import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { childPath, makeFolder } from '@mainline/core';
import { reportMovedAside } from './state-repairs.ts';

/** Where mainline keeps its state: `MAINLINE_HOME`, else `.mainline/` at the repo root. */
export function stateDir(repoRoot: string, env: NodeJS.ProcessEnv): string {
  return env.MAINLINE_HOME || join(repoRoot, '.mainline');
}

/**
 * Creates a folder under the state dir (`parts` joined by `/`, checked to stay inside it),
 * or the state dir itself. The state dir ignores itself, so it never shows up as a change
 * (`--uncommitted` snapshots untracked files) even without a .gitignore rule.
 *
 * Damaged state heals here: when creating fails because the state dir or a folder on the
 * way is not a folder (a file, a dangling link), that is moved aside, kept, and the
 * folder made, with one warning (see state-repairs.ts). Nothing is checked up front.
 */
export function ensureStateFolder(state: string, ...parts: string[]): string {
  const folder = parts.length === 0 ? state : childPath(state, parts.join('/'), 'state folder');
  reportMovedAside(makeFolder(dirname(resolve(state)), folder));
  const ignore = join(state, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '*\n');
  return folder;
}

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where mainline keeps its state: `MAINLINE_HOME`, else `.mainline/` at the repo root. */
export function stateDir(repoRoot: string, env: NodeJS.ProcessEnv): string {
  return env.MAINLINE_HOME || join(repoRoot, '.mainline');
}

/**
 * Creates a folder under the state dir. The state dir ignores itself, so it never shows
 * up as a change (`--uncommitted` snapshots untracked files) even without a .gitignore rule.
 */
export function ensureStateFolder(state: string, ...parts: string[]): string {
  const folder = join(state, ...parts);
  mkdirSync(folder, { recursive: true });
  const ignore = join(state, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '*\n');
  return folder;
}

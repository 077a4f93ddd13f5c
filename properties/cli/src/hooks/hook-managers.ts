import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A hook manager that owns the repository's hooks, and how to add mainline to it. */
export interface HookManager {
  readonly name: string;
  readonly instruction: string;
}

/**
 * The line a hook manager's pre-push hook runs: the repository's own installed mainline, by
 * path (git runs hooks at the work tree's root). Never `npx mainline`: when mainline is not
 * installed, npx would fetch `mainline` from the registry, an unrelated package.
 */
export const prepushCommand = 'node_modules/.bin/mainline prepush "$@"';

/**
 * Husky, lefthook and simple-git-hooks rewrite the hooks folder themselves: mainline
 * does not write into it, it says which line to add to their config.
 */
export function detectHookManager(
  root: string,
  hooksPath: string | undefined,
): HookManager | undefined {
  if (hooksPath?.includes('.husky') || existsSync(join(root, '.husky'))) {
    return { name: 'husky', instruction: `add this line to .husky/pre-push:\n  ${prepushCommand}` };
  }
  for (const file of ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', 'lefthook.json']) {
    if (existsSync(join(root, file))) {
      return {
        name: 'lefthook',
        instruction: `add to ${file}:\n  pre-push:\n    commands:\n      mainline:\n        run: node_modules/.bin/mainline prepush {1} {2}\n        use_stdin: true`,
      };
    }
  }
  if (
    packageJsonHas(root, 'simple-git-hooks') ||
    existsSync(join(root, '.simple-git-hooks.json'))
  ) {
    return {
      name: 'simple-git-hooks',
      instruction: `add to "simple-git-hooks" in package.json, then run npx simple-git-hooks:\n  "pre-push": "${prepushCommand.replaceAll('"', '\\"')}"`,
    };
  }
  return undefined;
}

function packageJsonHas(root: string, key: string): boolean {
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return typeof manifest === 'object' && manifest !== null && key in manifest;
  } catch {
    return false;
  }
}

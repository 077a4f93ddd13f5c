import type { Diagnostic, FileChange } from '@mainline/core';
import { unreadableLockfiles } from './lockfile/index.ts';

/**
 * A changed lockfile of a package manager mainline cannot read (bun, deno) is said out
 * loud: its changes affect no target, which would otherwise pass unnoticed among the
 * unowned files. A global input that covers it (the user's choice) needs no warning.
 */
export function unreadableLockfileWarnings(
  changes: readonly FileChange[],
  isGlobalInput: (path: string) => boolean,
): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    for (const path of [change.path, change.oldPath]) {
      const manager = path === undefined ? undefined : unreadableLockfiles.get(path);
      if (path === undefined || manager === undefined || seen.has(path)) continue;
      seen.add(path);
      if (isGlobalInput(path)) continue;
      warnings.push({
        severity: 'warning',
        file: path,
        line: 1,
        column: 1,
        code: 'unreadableLockfile',
        message: `${path} changed, but mainline cannot read ${manager}'s lockfile: no target is affected by it`,
        hint: `list "${path}" in BUILD.json's globalInputs to affect every target when it changes, or use a package-lock.json, yarn.lock or pnpm-lock.yaml`,
      });
    }
  }
  return warnings;
}

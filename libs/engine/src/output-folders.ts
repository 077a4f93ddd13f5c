import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { childPath } from '@mainline/core';

/**
 * Where a target's build outputs are: `out/<target>` under the state dir. A name that
 * would leave `out/` or alias another (`..`, `/abs`, `.`, `a//b`) throws `unsafePath`,
 * whatever checked the name before: that folder is replaced, and the old one deleted.
 */
export function outputFolder(state: string, target: string): string {
  return childPath(join(state, 'out'), target, 'target');
}

/** The file in an output folder that names the build key its outputs were made with. */
export const keyMarker = '.mainline-key';

/** The build key of the outputs in `folder`; undefined when there are none (or no marker). */
export function readMarker(folder: string): string | undefined {
  try {
    return readFileSync(join(folder, keyMarker), 'utf8').trim();
  } catch {
    return undefined;
  }
}

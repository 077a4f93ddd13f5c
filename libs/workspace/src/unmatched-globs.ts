import type { Diagnostic } from '@mainline/core';
import type { BuildFile } from './build-file.ts';
import type { JsonPath } from './build-file-json.ts';
import { GlobIndex } from './glob-index.ts';

interface Listed {
  readonly path: JsonPath;
  readonly message: string;
  readonly hint: string;
  matched: boolean;
}

/**
 * Warnings for `srcs` globs and `globalInputs` that match none of `files` (the repository's
 * files, repo-relative): usually a typo or a moved folder. Tests globs are left alone:
 * a target without tests yet is normal. Sorted by position, like errors.
 */
export function findUnmatchedGlobs(buildFile: BuildFile, files: readonly string[]): Diagnostic[] {
  const index = new GlobIndex<Listed>();
  const listed: Listed[] = [];
  const add = (glob: string, entry: Omit<Listed, 'matched'>): void => {
    const item = { ...entry, matched: false };
    listed.push(item);
    index.add(glob, item);
  };
  buildFile.workspace.globalInputs.forEach((glob, i) => {
    add(glob, {
      path: ['globalInputs', i],
      message: `globalInputs entry '${glob}' matches no file`,
      hint: 'fix the path or remove it',
    });
  });
  for (const target of buildFile.workspace.targets.values()) {
    target.srcs.forEach((glob, i) => {
      add(glob, {
        path: ['targets', target.name, 'srcs', i],
        message: `srcs glob '${glob}' of target '${target.name}' matches no file`,
        hint: 'fix the glob (a moved folder?) or remove it',
      });
    });
  }
  for (const file of files) {
    index.forEachMatch(file, (item) => {
      item.matched = true;
      return false;
    });
  }
  return listed
    .filter((item) => !item.matched)
    .map((item) => ({
      severity: 'warning' as const,
      file: buildFile.file,
      ...buildFile.locate(item.path),
      message: item.message,
      hint: item.hint,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

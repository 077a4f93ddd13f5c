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
 * Warnings for the paths of BUILD.json that name nothing among `files` (the repository's
 * files, repo-relative): `srcs` globs and `globalInputs` that match no file, and an `entry`
 * that is not a file. Usually a typo or a moved folder. Tests globs are left alone: a
 * target without tests yet is normal. Sorted by position, like errors.
 */
export function findDanglingPaths(buildFile: BuildFile, files: readonly string[]): Diagnostic[] {
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
  const existing = new Set(files);
  for (const target of buildFile.workspace.targets.values()) {
    if (target.entry === undefined || existing.has(target.entry)) continue;
    listed.push({
      path: ['targets', target.name, 'entry'],
      message: `entry '${target.entry}' of target '${target.name}' is not a file`,
      hint: 'fix the path (a moved or renamed file?); its build fails until then',
      matched: false,
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

import type { Diagnostic } from '@mainline/core';
import type { BuildFile } from './build-file.ts';
import {
  boundedWarnings,
  defaultBudget,
  type FileCheckOptions,
  type Finding,
  skipped,
} from './file-checks.ts';
import { GlobIndex } from './glob-index.ts';
import { isNegated } from './glob-list.ts';
import { shown } from './problem.ts';

/** A glob as written once, however many lists hold it. */
interface Glob {
  matched: boolean;
}

/**
 * Warnings for the paths of BUILD.json that name nothing among `files` (the repository's
 * files, repo-relative): `srcs`, `tests` and `globalInputs` globs that match no file, and
 * an `entry` that is not a file. Usually a typo or a moved folder; a `tests` glob that
 * matches nothing means tests that never run (a target without tests lists none). Each
 * glob is tested until it matches one file, then
 * taken out of the index; the work is bounded (see file-checks.ts). Sorted by position.
 */
export function findDanglingPaths(
  buildFile: BuildFile,
  files: readonly string[],
  options: FileCheckOptions = {},
): Diagnostic[] {
  const globs = new Map<string, Glob>();
  // Every place a glob is written, in file order: what is reported if it matches nothing.
  const listed: { readonly glob: Glob; readonly finding: Finding }[] = [];
  const add = (glob: string, finding: Finding): void => {
    let known = globs.get(glob);
    if (known === undefined) {
      known = { matched: false };
      globs.set(glob, known);
    }
    listed.push({ glob: known, finding });
  };
  buildFile.workspace.globalInputs.forEach((glob, i) => {
    add(glob, {
      code: 'danglingPath',
      path: ['globalInputs', i],
      message: () => `globalInputs entry ${shown(glob)} matches no file`,
      hint: 'fix the path or remove it',
    });
  });
  for (const target of buildFile.workspace.targets.values()) {
    target.srcs.forEach((glob, i) => {
      if (isNegated(glob)) return; // taking back nothing harms nothing
      add(glob, {
        code: 'danglingPath',
        path: ['targets', target.name, 'srcs', i],
        message: () => `srcs glob ${shown(glob)} of target ${shown(target.name)} matches no file`,
        hint: 'fix the glob (a moved folder?) or remove it',
      });
    });
    target.tests.forEach((glob, i) => {
      if (isNegated(glob)) return;
      add(glob, {
        code: 'danglingPath',
        path: ['targets', target.name, 'tests', i],
        message: () => `tests glob ${shown(glob)} of target ${shown(target.name)} matches no file`,
        hint: 'fix the glob (tests moved, or named otherwise?), or remove it until the target has tests',
      });
    });
  }
  const index = new GlobIndex<Glob>();
  for (const [glob, known] of globs) index.add(glob, known);
  const budget = options.budget ?? defaultBudget;
  index.workLimit = budget; // a lookup stops mid-file, then the check does
  let unmatched = globs.size;
  const warnings: Diagnostic[] = [];
  for (let f = 0; f < files.length && unmatched > 0; f++) {
    index.takeMatches(files[f] as string, (known) => {
      known.matched = true;
      unmatched--;
    });
    if (index.work > budget) {
      const progress = { filesDone: f + 1, files: files.length, globs: globs.size };
      warnings.push(skipped(buildFile, 'the check for globs that match no file', progress));
      unmatched = 0;
      for (const known of globs.values()) known.matched = true; // unknown: say nothing
    }
  }
  const findings: Finding[] = [];
  for (const { glob, finding } of listed) if (!glob.matched) findings.push(finding);
  const existing = new Set(files);
  for (const target of buildFile.workspace.targets.values()) {
    const entry = target.entry;
    if (entry === undefined || existing.has(entry)) continue;
    findings.push({
      code: 'danglingPath',
      path: ['targets', target.name, 'entry'],
      message: () => `entry ${shown(entry)} of target ${shown(target.name)} is not a file`,
      hint: 'fix the path (a moved or renamed file?); its build fails until then',
    });
  }
  return [...warnings, ...boundedWarnings(buildFile, findings)];
}

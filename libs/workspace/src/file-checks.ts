import type { Diagnostic } from '@mainline/core';
import { byPosition, keepFewPerKind, omittedDiagnostic } from './bounded.ts';
import type { BuildFile } from './build-file.ts';
import type { JsonPath } from './build-file-json.ts';
import { type Lazy, text } from './problem.ts';
import type { ProblemKind } from './problem-kinds.ts';

/**
 * Checks of a valid BUILD.json against the repository's files (findDanglingPaths,
 * findOverlappingSrcs) test globs against files. Globs are filed under their literal folder,
 * so the work is usually about one test per file; but globs that can match anywhere
 * (starting with `**`) are tested against every file, and 10,000 of them against 70,000 files
 * would be 700 million tests. Past `budget` tests (and owner visits), a check stops and
 * says so in one warning rather than keep a command waiting.
 */
export interface FileCheckOptions {
  /** Work before the check gives up (GlobIndex's units; default 1,000,000: about 0.1 s). */
  readonly budget?: number;
}

export const defaultBudget = 1_000_000;

/** A warning before it has a position: located only when it is among those shown. */
export interface Finding {
  readonly code: ProblemKind;
  readonly path: JsonPath;
  readonly message: Lazy;
  readonly hint: string;
}

/** Warnings, the first few of each kind with their positions, the others counted. */
export function boundedWarnings(buildFile: BuildFile, findings: readonly Finding[]): Diagnostic[] {
  const { kept, overflow } = keepFewPerKind(findings);
  const at = (path: JsonPath) => ({
    severity: 'warning' as const,
    file: buildFile.file,
    ...buildFile.locate(path),
  });
  const diagnostics: Diagnostic[] = kept.map((finding) => ({
    ...at(finding.path),
    code: finding.code,
    message: text(finding.message),
    hint: finding.hint,
  }));
  for (const more of overflow) diagnostics.push(omittedDiagnostic(more, at(more.first.path)));
  return byPosition(diagnostics);
}

/** The one warning of a check that stopped at its budget: what it was matching, and how far it got. */
export function skipped(
  buildFile: BuildFile,
  check: string,
  progress: {
    readonly filesDone: number;
    readonly files: number;
    readonly globs: number;
  },
): Diagnostic {
  const count = (n: number) => n.toLocaleString('en-US');
  return {
    severity: 'warning',
    file: buildFile.file,
    line: 1,
    column: 1,
    code: 'checkSkipped',
    message: `${check} was skipped: matching ${count(progress.globs)} globs against ${count(progress.files)} files takes more than the work allowed (it stopped after ${count(progress.filesDone)} of them)`,
    hint: "globs that start with a wildcard ('**/x') are tested against every file: start them with their folder ('libs/a/**/x') so each is tested only against the files under it",
  };
}

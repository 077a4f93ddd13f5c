import { listHolds } from './glob-list.ts';
import { compileGlob } from './glob-matcher.ts';
import { globFault } from './glob-rules.ts';
import { type Problem, shown } from './problem.ts';

/** A bundle entry must be one of the target's own sources, or its build could not see it. */
export function entryProblems(
  target: string,
  entry: unknown,
  srcs: unknown,
  problems: Problem[],
): void {
  if (typeof entry !== 'string' || !Array.isArray(srcs)) return;
  const globs = srcs.filter((glob: unknown): glob is string => typeof glob === 'string');
  const matched = listHolds(
    globs,
    // A faulty glob is reported on its own (and may be too costly to compile).
    (glob) => globFault(glob) === undefined && compileGlob(glob)(entry),
  );
  if (matched) return;
  problems.push({
    code: 'entryNotInSrcs',
    at: { path: ['targets', target, 'entry'] },
    message: () => `entry ${shown(entry)} of target ${shown(target)} is not matched by its srcs`,
    hint: 'fix the path, or add a srcs glob that covers it',
  });
}

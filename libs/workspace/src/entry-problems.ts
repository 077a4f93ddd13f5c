import { compileGlob } from './glob-matcher.ts';
import type { Problem } from './problem.ts';

/** A bundle entry must be one of the target's own sources, or its build could not see it. */
export function entryProblems(
  target: string,
  entry: unknown,
  srcs: unknown,
  problems: Problem[],
): void {
  if (typeof entry !== 'string' || !Array.isArray(srcs)) return;
  const matched = srcs.some(
    (glob: unknown) => typeof glob === 'string' && compileGlob(glob)(entry),
  );
  if (matched) return;
  problems.push({
    at: { path: ['targets', target, 'entry'] },
    message: `entry '${entry}' of target '${target}' is not matched by its srcs`,
    hint: 'fix the path, or add a srcs glob that covers it',
  });
}

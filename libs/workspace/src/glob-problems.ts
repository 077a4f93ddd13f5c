import type { JsonPath } from './build-file-json.ts';
import { globFault, isPlainPath, maxGlobLength, suspiciousGlob } from './glob-rules.ts';
import { isNegated } from './glob-list.ts';
import { compileGlob } from './glob-matcher.ts';
import { describePath, type Problem, shown } from './problem.ts';

/** The npm lockfile is diffed package by package; as a plain global input it would affect everything. */
export const lockfilePath = 'package-lock.json';

/**
 * Problems of the globs in one list: a target's `srcs` or `tests`, or (no target)
 * `globalInputs`. Paths are only built for faulty globs: this runs on every glob.
 */
export function globListProblems(
  list: unknown,
  target: string | undefined,
  field: string,
  problems: Problem[],
): void {
  if (!Array.isArray(list)) return;
  // srcs and tests are read in order: a negation takes back what globs before it matched.
  const negation = target !== undefined;
  let positiveSeen = false;
  for (let i = 0; i < list.length; i++) {
    const glob: unknown = list[i];
    // The regex inline, not globFault: this runs for every glob, in cold code.
    if (typeof glob !== 'string') continue;
    if (glob.length <= maxGlobLength && !suspiciousGlob.test(glob)) {
      positiveSeen = true;
      continue;
    }
    const negated = isNegated(glob);
    const fault =
      negation && negated && !positiveSeen
        ? {
            fault: 'negates nothing: no glob before it matches a file to take back',
            hint: "put it after the globs it narrows, e.g. ['src/**', '!src/**/*.test.ts']",
          }
        : globFault(glob, { negation });
    if (!negated) positiveSeen = true;
    if (fault !== undefined) {
      const itemPath: JsonPath = target === undefined ? [field, i] : ['targets', target, field, i];
      problems.push({
        code: 'badGlob',
        at: { path: itemPath },
        message: () => `${describePath(itemPath)} ${shown(glob)} ${fault.fault}`,
        hint: fault.hint,
      });
    }
  }
}

export function lockfileProblems(globalInputs: unknown, problems: Problem[]): void {
  if (!Array.isArray(globalInputs)) return;
  globalInputs.forEach((glob: unknown, i) => {
    if (typeof glob !== 'string' || globFault(glob) !== undefined) return;
    const exact = glob === lockfilePath;
    if (!exact && (isPlainPath(glob) || !compileGlob(glob)(lockfilePath))) return;
    problems.push({
      code: 'lockfileInput',
      at: { path: ['globalInputs', i] },
      message: exact
        ? `${lockfilePath} cannot be a global input: mainline diffs the lockfile semantically`
        : `globalInputs glob ${shown(glob)} matches ${lockfilePath}, which mainline diffs semantically`,
      hint: exact
        ? `remove it: a lockfile change already affects exactly the targets using a changed package`
        : `narrow the glob so it leaves out ${lockfilePath} (list the files you mean)`,
    });
  });
}

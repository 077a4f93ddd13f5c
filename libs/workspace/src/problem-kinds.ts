/**
 * Every kind of BUILD.json problem, with how a count of them reads: output shows a few of
 * each kind, then "N more <kind>" (see bounded.ts). Each Diagnostic carries its kind as
 * `code`, so scripts reading `--json` can group them too.
 */
export const problemKinds = {
  // errors
  syntax: 'JSON syntax errors',
  tooLarge: 'files too large',
  tooDeep: 'values nested too deep',
  unknownField: 'unknown fields',
  missingField: 'missing required fields',
  wrongType: 'values of the wrong type',
  wrongVersion: 'unsupported versions',
  unknownKind: 'unknown kinds',
  schema: 'problems against the schema',
  duplicateKey: 'repeated keys',
  badName: 'invalid target names',
  nestedName: "target names inside another target's",
  unknownDep: 'deps on unknown targets',
  selfDep: 'targets depending on themselves',
  repeatedDep: 'deps listed twice',
  cycle: 'dependency cycles',
  badGlob: 'invalid globs',
  lockfileInput: 'global inputs taking in the lockfile',
  entryNotInSrcs: 'entries their srcs do not match',
  // warnings
  overlappingSrcs: 'targets whose srcs claim files of earlier targets',
  danglingPath: 'paths that match no file',
  checkSkipped: 'checks skipped',
} as const satisfies Record<string, string>;

export type ProblemKind = keyof typeof problemKinds;

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
import { isNegated, listHolds } from './glob-list.ts';
import { shown } from './problem.ts';

/** A srcs glob as written once, with the targets that list it (positions, ascending). */
interface Glob {
  readonly id: number;
  readonly owners: number[];
  /** A negation (`!x`, indexed by its pattern): it claims nothing, it takes back. */
  readonly negated: boolean;
}

/** Files matched by exactly the same globs: they have the same owners. */
interface Group {
  readonly globs: readonly Glob[];
  readonly example: string;
  files: number;
}

/** What one target's srcs share with earlier targets'. */
interface Overlap {
  files: number;
  readonly example: string;
  /** The earliest target claiming `example`. */
  readonly earlier: number;
}

/**
 * Warnings for files that the `srcs` of two targets both claim: each such file is built
 * into both, and a change to it affects both, which is rarely meant (a glob reaching into
 * a neighbour's folder). One warning per target whose srcs claim files an earlier target
 * claims, at its `srcs`, with how many and one of them.
 *
 * Linear in files and globs, whatever the overlap: globs are deduplicated (1,000 targets
 * all claiming `libs/**` are one glob), files matched by the same globs form one group, and
 * owners are merged once per group, never per pair of targets. The work is bounded (see
 * file-checks.ts).
 */
export function findOverlappingSrcs(
  buildFile: BuildFile,
  files: readonly string[],
  options: FileCheckOptions = {},
): Diagnostic[] {
  const targets = [...buildFile.workspace.targets.values()];
  const globs = new Map<string, Glob>();
  // Targets whose srcs take files back (`!x`): a match of their positive globs is not enough.
  const negating = new Uint8Array(targets.length);
  for (let t = 0; t < targets.length; t++) {
    for (const text of (targets[t] as (typeof targets)[number]).srcs) {
      let glob = globs.get(text);
      if (glob === undefined) {
        glob = { id: globs.size, owners: [], negated: isNegated(text) };
        globs.set(text, glob);
      }
      if (glob.negated) negating[t] = 1;
      if (glob.owners[glob.owners.length - 1] !== t) glob.owners.push(t);
    }
  }
  const index = new GlobIndex<Glob>();
  for (const [text, glob] of globs) index.add(glob.negated ? text.slice(1) : text, glob);
  /** Whether target `t`'s srcs hold the files of a group, read in order (glob-list.ts). */
  const holds = (t: number, group: Group): boolean => {
    const matched = new Set(group.globs);
    const srcs = (targets[t] as (typeof targets)[number]).srcs;
    return listHolds(srcs, (_, text) => matched.has(globs.get(text) as Glob));
  };

  const budget = options.budget ?? defaultBudget;
  index.workLimit = budget; // a lookup stops mid-file, then the check does
  let work = 0;
  const stop = (filesDone: number): Diagnostic[] => [
    skipped(buildFile, 'the check for files claimed by two targets', {
      filesDone,
      globs: globs.size,
      files: files.length,
    }),
  ];
  const groups = new Map<string, Group>();
  for (let f = 0; f < files.length; f++) {
    const file = files[f] as string;
    const matched: Glob[] = [];
    index.forEachMatch(file, (glob) => {
      matched.push(glob);
      return false;
    });
    if (index.work + work > budget) return stop(f + 1);
    if (matched.length === 0) continue;
    if (matched.length === 1 && matched[0]?.owners.length === 1 && !matched[0].negated) continue;
    matched.sort((a, b) => a.id - b.id);
    work += matched.length;
    const key = matched.map((glob) => glob.id).join(',');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { globs: matched, example: file, files: 1 });
    else group.files++;
  }

  const overlaps = new Map<number, Overlap>();
  const seen = new Int32Array(targets.length);
  let stamp = 0;
  for (const group of groups.values()) {
    stamp++;
    const owners: number[] = [];
    for (const glob of group.globs) {
      if (glob.negated) continue;
      work += glob.owners.length;
      for (const owner of glob.owners) {
        if (seen[owner] === stamp) continue;
        seen[owner] = stamp;
        if (negating[owner] === 1 && !holds(owner, group)) continue;
        owners.push(owner);
      }
    }
    if (index.work + work > budget) return stop(files.length);
    if (owners.length < 2) continue;
    let earliest = owners[0] as number;
    for (const owner of owners) if (owner < earliest) earliest = owner;
    for (const owner of owners) {
      if (owner === earliest) continue;
      const overlap = overlaps.get(owner);
      if (overlap !== undefined) overlap.files += group.files;
      else overlaps.set(owner, { files: group.files, example: group.example, earlier: earliest });
    }
  }

  const findings: Finding[] = [...overlaps]
    .sort(([a], [b]) => a - b)
    .map(([owner, { files: count, example, earlier }]) => {
      const name = (targets[owner] as (typeof targets)[number]).name;
      const other = (targets[earlier] as (typeof targets)[number]).name;
      return {
        code: 'overlappingSrcs',
        path: ['targets', name, 'srcs'],
        message: () =>
          count === 1
            ? `the srcs of ${shown(name)} also claim ${shown(example)}, which ${shown(other)} claims`
            : `the srcs of ${shown(name)} also claim ${count.toLocaleString('en-US')} files that earlier targets claim (${shown(example)}, which ${shown(other)} claims, ...)`,
        hint: 'give each file one owner: narrow one of the globs, or move the shared files into a target both depend on',
      };
    });
  return boundedWarnings(buildFile, findings);
}

import type { Diagnostic } from '@mainline/core';
import type { BuildFile } from './build-file.ts';
import { GlobIndex } from './glob-index.ts';

/**
 * Warnings for files that the `srcs` of two targets both claim: each such file is built
 * into both, and a change to it affects both, which is rarely meant (a glob reaching into
 * a neighbour's folder). One warning per pair of targets, at the later one's `srcs`, with
 * how many files and one of them.
 */
export function findOverlappingSrcs(buildFile: BuildFile, files: readonly string[]): Diagnostic[] {
  const index = new GlobIndex<string>();
  const order = new Map<string, number>();
  for (const target of buildFile.workspace.targets.values()) {
    order.set(target.name, order.size);
    for (const glob of target.srcs) index.add(glob, target.name);
  }
  const pairs = new Map<
    string,
    { earlier: string; later: string; count: number; example: string }
  >();
  for (const file of files) {
    const owners = new Set<string>();
    index.forEachMatch(file, (target) => {
      owners.add(target);
      return false;
    });
    if (owners.size < 2) continue;
    const sorted = [...owners].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const [earlier, later] = [sorted[i] as string, sorted[j] as string];
        const key = `${earlier}\0${later}`;
        const pair = pairs.get(key);
        if (pair) pair.count++;
        else pairs.set(key, { earlier, later, count: 1, example: file });
      }
    }
  }
  return [...pairs.values()]
    .map(({ earlier, later, count, example }) => ({
      severity: 'warning' as const,
      file: buildFile.file,
      ...buildFile.locate(['targets', later, 'srcs']),
      message: `the srcs of '${later}' and '${earlier}' both claim ${count === 1 ? example : `${count} files (${example}, ...)`}`,
      hint: 'give each file one owner: narrow one of the globs, or move the shared files into a target both depend on',
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

import type { Workspace } from '@mainline/core';
import { dependencyClosure, unknownTarget } from '@mainline/core';

/** Which targets a build or test run is about. */
export type Selection =
  | { readonly kind: 'names'; readonly names: readonly string[] }
  | { readonly kind: 'all' }
  | { readonly kind: 'affected'; readonly affected: readonly string[] };

export interface SelectedTargets {
  /** The targets asked for, in BUILD.json order. */
  readonly asked: readonly string[];
  /**
   * The asked targets and every transitive dep and test dep: what must build first. Test
   * deps are in even when only building, since every target's keys (its test key too)
   * are computed, and a test key covers the builds of its test deps.
   */
  readonly builds: readonly string[];
}

/** The asked targets and their build closure; an unknown name fails with a suggestion. */
export function selectTargets(workspace: Workspace, selection: Selection): SelectedTargets {
  const { targets } = workspace;
  let wanted: Set<string>;
  if (selection.kind === 'all') wanted = new Set(targets.keys());
  else if (selection.kind === 'affected') wanted = new Set(selection.affected);
  else {
    for (const name of selection.names) {
      if (!targets.has(name)) throw unknownTarget(name, targets.keys());
    }
    wanted = new Set(selection.names);
  }
  const builds = dependencyClosure(targets, wanted, { testDeps: true });
  const inFileOrder = (set: ReadonlySet<string>): string[] =>
    [...targets.keys()].filter((name) => set.has(name));
  return { asked: inFileOrder(wanted), builds: inFileOrder(builds) };
}

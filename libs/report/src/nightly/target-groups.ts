import type { NightlyTarget } from '@mainline/nightly';

export type TargetStatus = NightlyTarget['status'];

/** The statuses in the order a person reads them: what needs attention first. */
export const statusOrder: readonly TargetStatus[] = [
  'red',
  'flaky',
  'skipped',
  'green',
  'no-tests',
];

/** Targets that share a folder, drawn together as one block of the graph picture. */
export interface TargetGroup {
  readonly folder: string;
  readonly targets: readonly NightlyTarget[];
  readonly counts: Readonly<Record<TargetStatus, number>>;
}

/** Above this many groups, targets are grouped by their first folder only. */
const mostGroups = 40;

/**
 * Targets grouped by folder: the first two segments of the folder holding a target
 * (`libs/payments/api` and `libs/payments/ui` in `libs/payments`, `libs/a` in `libs`), or only
 * the first when that makes too many groups to scan. Targets at the top level (`tools`) form
 * one group. Groups are in folder order, targets in BUILD.json order within each.
 */
export function groupTargets(targets: readonly NightlyTarget[]): TargetGroup[] {
  const byTwo = groupByDepth(targets, 2);
  return byTwo.size <= mostGroups ? toGroups(byTwo) : toGroups(groupByDepth(targets, 1));
}

export const topLevel = '(top level)';

function groupByDepth(targets: readonly NightlyTarget[], depth: number) {
  const groups = new Map<string, NightlyTarget[]>();
  for (const target of targets) {
    const folders = target.name.split('/').slice(0, -1);
    const folder = folders.length === 0 ? topLevel : folders.slice(0, depth).join('/');
    const group = groups.get(folder);
    if (group) group.push(target);
    else groups.set(folder, [target]);
  }
  return groups;
}

function toGroups(groups: Map<string, NightlyTarget[]>): TargetGroup[] {
  return [...groups]
    .sort(([a], [b]) => (a === topLevel ? 1 : b === topLevel ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([folder, members]) => ({ folder, targets: members, counts: countStatuses(members) }));
}

export function countStatuses(targets: readonly NightlyTarget[]): Record<TargetStatus, number> {
  const counts: Record<TargetStatus, number> = {
    red: 0,
    flaky: 0,
    skipped: 0,
    green: 0,
    'no-tests': 0,
  };
  for (const target of targets) counts[target.status]++;
  return counts;
}

import { MainlineError } from '@mainline/core';
import { loadChange } from '@mainline/change';
import type { Selection } from './select-targets.ts';

export interface SelectionRequest {
  readonly names: readonly string[];
  readonly all?: boolean;
  readonly affected?: boolean;
  readonly base?: string;
}

/** Where a selection is resolved: the request, and where --affected reads the change. */
export interface SelectionSource {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly selection: SelectionRequest;
}

/**
 * Target names, --all or --affected (the default) as a Selection; --affected compares the
 * working tree with the trunk's merge-base, or with --base.
 */
export async function selectionOf(request: SelectionSource): Promise<Selection> {
  const { names, all, affected, base } = request.selection;
  if (all && (names.length > 0 || affected)) {
    throw new MainlineError('usage', '--all cannot be used with target names or --affected', {
      hint: 'choose one: target names, --affected (the default) or --all',
    });
  }
  // --base only moves the change --affected compares: never silently ignored.
  if (base !== undefined && (all || names.length > 0)) {
    const other = all ? '--all' : 'target names';
    throw new MainlineError(
      'usage',
      `--base cannot be used with ${other}: it chooses the affected targets`,
      {
        hint: `drop --base to run ${all ? 'every target' : 'the targets named'}, or drop ${other} to run what changed since the merge-base with --base`,
      },
    );
  }
  if (all) return { kind: 'all' };
  if (names.length > 0) {
    if (affected) {
      throw new MainlineError('usage', 'target names and --affected cannot be used together', {
        hint: 'name the targets to run, or let --affected choose them',
      });
    }
    return { kind: 'names', names };
  }
  const change = await loadChange({
    cwd: request.cwd,
    env: request.env,
    uncommitted: true,
    uncommittedFromTrunk: true,
    ...(base === undefined ? {} : { base }),
  });
  return { kind: 'affected', affected: change.report.affected.map((target) => target.name) };
}

import { type LoadedChange, loadChange } from '@mainline/change';
import { undeclaredImports } from '@mainline/engine';
import { type ErrorCode, isMainlineError, type Workspace } from '@mainline/core';
import { OwnershipIndex } from '@mainline/workspace';
import { auditCandidates, auditFinding } from './audit.ts';
import type { AuditFinding, NightlyTarget } from './nightly-report.ts';
import type { PreviousNight } from './previous-night.ts';
import { unownedReads } from './unowned-reads.ts';

const unreachable: ReadonlySet<ErrorCode> = new Set(['unknownRef', 'noMergeBase', 'shallowClone']);

export interface AuditPlace {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly state: string;
  readonly commit: string;
}

/**
 * The audit: each target red tonight, green at the previous nightly and not affected by
 * the change between the two nightlies' commits, with the evidence git and the sources
 * give, and the files its tests read tonight (`reads`, by target, recorded by the test
 * host) that no target owns.
 */
export async function gatherAudit(
  place: AuditPlace,
  workspace: Workspace,
  targets: readonly NightlyTarget[],
  previous: PreviousNight,
  reads: ReadonlyMap<string, readonly string[]>,
): Promise<AuditFinding[]> {
  let change: LoadedChange | undefined;
  try {
    if (previous.commit !== place.commit) {
      change = await loadChange({
        cwd: place.dir,
        env: place.env,
        base: previous.commit,
        head: place.commit,
      });
    }
  } catch (error) {
    // The previous nightly's commit is gone (history rewritten, another clone, a shallow
    // one): no change can be computed, so nothing can be said to be unexplained.
    if (isMainlineError(error) && unreachable.has(error.code)) return [];
    throw error;
  }
  const affected = new Set(change?.report.affected.map((target) => target.name) ?? []);
  const candidates = auditCandidates(targets, previous, affected);
  if (candidates.length === 0) return [];
  const changedFiles = (change?.report.changedFiles ?? []).map(({ path }) => ({
    path,
    owners: [...new Set(change?.head.owners.owners(path).map((owner) => owner.target) ?? [])],
  }));
  const imports = await undeclaredImports(
    { cwd: place.dir, env: place.env, state: place.state },
    candidates,
  );
  const deps = new Map([...workspace.targets].map(([name, target]) => [name, target.deps]));
  const ownership = OwnershipIndex.build(workspace);
  return candidates.map((name) =>
    auditFinding(name, deps, {
      changedFiles,
      undeclaredImports: (imports.get(name) ?? []).map((v) => ({
        file: `${v.file}:${v.line}:${v.column}`,
        imported: v.specifier,
        owner: v.owner,
      })),
      unownedReads: unownedReads(reads.get(name) ?? [], ownership),
    }),
  );
}

import { undirectedDistances } from './graph-distance.ts';
import type { AuditFinding, NightlyTarget } from './nightly-report.ts';
import type { PreviousNight } from './previous-night.ts';

/** Green enough last night: a red target now is a change the audit must explain. */
const greenBefore: ReadonlySet<string> = new Set(['green', 'flaky', 'no-tests']);

/**
 * The targets the graph cannot explain: red tonight, green at the previous nightly, and
 * not affected by the change between the two nightlies' commits.
 */
export function auditCandidates(
  targets: readonly NightlyTarget[],
  previous: PreviousNight,
  affected: ReadonlySet<string>,
): string[] {
  return targets
    .filter((target) => target.status === 'red' && !affected.has(target.name))
    .filter((target) => greenBefore.has(previous.targets.get(target.name)?.status ?? ''))
    .map((target) => target.name);
}

export interface AuditEvidence {
  /** Files changed between the two nightlies' commits, with the targets owning them. */
  readonly changedFiles: readonly { readonly path: string; readonly owners: readonly string[] }[];
  readonly undeclaredImports: AuditFinding['undeclaredImports'];
  readonly unownedReads: readonly string[];
}

/**
 * One audited target's finding: the changed files nearest to it in the graph first (an
 * unowned file, or one whose owners it cannot reach, last), and the suspicion. An import
 * of an undeclared target, or a changed file that a target owns, points at a missing
 * edge; only files no target owns point at an input no key covers (non-hermetic).
 */
export function auditFinding(
  target: string,
  deps: ReadonlyMap<string, readonly string[]>,
  evidence: AuditEvidence,
): AuditFinding {
  const distances = undirectedDistances(deps, target);
  const changedFiles = evidence.changedFiles
    .map(({ path, owners }) => {
      const reached = owners
        .map((owner) => distances.get(owner))
        .filter((d): d is number => d !== undefined);
      return {
        path,
        owners: [...owners],
        distance: reached.length > 0 ? Math.min(...reached) : null,
      };
    })
    .sort(
      (a, b) =>
        (a.distance ?? Number.POSITIVE_INFINITY) - (b.distance ?? Number.POSITIVE_INFINITY) ||
        a.path.localeCompare(b.path),
    );
  const missingEdge =
    evidence.undeclaredImports.length > 0 ||
    evidence.changedFiles.some((file) => file.owners.some((owner) => owner !== target));
  return {
    target,
    suspicion: missingEdge ? 'missing-edge' : 'non-hermetic',
    changedFiles,
    undeclaredImports: [...evidence.undeclaredImports],
    unownedReads: [...evidence.unownedReads],
  };
}

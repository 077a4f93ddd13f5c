import type { AffectedReport, Target, TargetKind } from '@mainline/core';
import type { Io } from '../io.ts';
import { describeReason, mainReason } from '../output/describe-reason.ts';
import { printWarnings } from '../output/diagnostics.ts';
import { styleFor } from '../output/style.ts';
import { formatTable } from '../output/table.ts';
import { loadChange } from '@mainline/change';
import type { RangeRequest } from '@mainline/change';

export interface AffectedOptions extends RangeRequest {
  readonly json?: boolean;
  readonly kind?: TargetKind;
}

/** `mainline affected`: the affected targets and the shortest reason for each. */
export async function affectedCommand(options: AffectedOptions, io: Io): Promise<number> {
  const change = await loadChange({ ...options, cwd: io.cwd, env: io.env, answers: io.gitAnswers });
  const report = filterKind(change.report, options.kind);
  if (options.json) {
    io.stdout(`${JSON.stringify({ ...report, warnings: change.warnings }, null, 2)}\n`);
    return 0;
  }
  printWarnings(io, change.warnings);
  const style = styleFor(io);
  if (report.affected.length > 0) {
    const rows = report.affected.map((target) => {
      const reason = mainReason(target.reasons);
      const more = target.reasons.length > 1 ? style.dim(` (+${target.reasons.length - 1})`) : '';
      return [
        style.bold(target.name),
        target.kind,
        `${reason ? describeReason(reason) : ''}${more}`,
      ];
    });
    io.stdout(formatTable([['TARGET', 'KIND', 'REASON'].map((h) => style.dim(h)), ...rows]));
  }
  const total = countTargets(change.head.workspace.targets, options.kind);
  const noun = options.kind === undefined ? 'targets' : `${options.kind} targets`;
  const files = report.changedFiles.length;
  io.stderr(
    `${report.affected.length} of ${total} ${noun} affected by ${files} changed file${files === 1 ? '' : 's'}` +
      ` (${short(report.base)}..${short(report.head)})\n`,
  );
  if (report.unowned.length > 0) {
    io.stderr(`unowned, affecting nothing: ${report.unowned.join(', ')}\n`);
  }
  return 0;
}

/** How many targets (of a kind); without one, the size alone, which creates no Target. */
function countTargets(targets: ReadonlyMap<string, Target>, kind: TargetKind | undefined): number {
  if (kind === undefined) return targets.size;
  let count = 0;
  for (const target of targets.values()) if (target.kind === kind) count++;
  return count;
}

function filterKind(report: AffectedReport, kind: TargetKind | undefined): AffectedReport {
  if (kind === undefined) return report;
  return { ...report, affected: report.affected.filter((target) => target.kind === kind) };
}

function short(id: string): string {
  return /^[0-9a-f]{40,64}$/.test(id) ? id.slice(0, 10) : id;
}

import { median } from './measure.ts';
import type { NightlyBenchReport } from './nightly-bench.ts';
import {
  casesTable,
  loads,
  medianOf,
  ratioVerdict,
  secondsVerdict,
  type Verdict,
  verdictsTable,
} from './run-report.ts';

/** Issue 13's speed targets: the nightly at most 0.3x turbo's build and test; reports in 2 s. */
export function nightlyVerdicts(report: NightlyBenchReport): Verdict[] {
  const small = report.repos[0]?.targets ?? 0;
  const large = report.repos[1]?.targets;
  const verdicts = [
    ratioVerdict(
      `full nightly, ${small} targets: mainline nightly / turbo run build test`,
      medianOf(report.cases, 'mainline-nightly', small),
      medianOf(report.cases, 'turbo-build-test', small),
      0.3,
    ),
  ];
  if (large !== undefined) {
    verdicts.push(
      secondsVerdict(`producing the reports, ${large} targets`, reportsMedian(report, large), 2),
    );
  }
  return verdicts;
}

function reportsMedian(report: NightlyBenchReport, targets: number): number | null {
  const seconds = report.reportTimes.find((times) => times.targets === targets)?.seconds ?? [];
  return seconds.length > 0 ? median(seconds) : null;
}

/** The header, the timed cases, the reports' times, the verdicts, and failures below. */
export function formatNightlyMarkdown(report: NightlyBenchReport): string {
  const lines: string[] = [
    `node ${report.node}, ${report.cpus} cores; turbo ${report.turbo ?? 'skipped'}`,
    `load average (1/5/15 min): ${loads(report.loadBefore)} before, ${loads(report.loadAfter)} after`,
    ...report.repos.map((repo) => `- ${repo.targets} targets: ${repo.dir}`),
  ];
  const failures: string[] = [];
  lines.push(...casesTable(report.cases, failures), '');
  for (const times of report.reportTimes) {
    if (times.seconds.length === 0) continue;
    lines.push(
      `reports, ${times.targets} targets (from the run's end to the 4 files written): median ` +
        `${(reportsMedian(report, times.targets) ?? 0).toFixed(3)} s ` +
        `(${times.seconds.map((s) => s.toFixed(3)).join(', ')})`,
    );
  }
  lines.push(...verdictsTable(nightlyVerdicts(report)));
  if (failures.length > 0) lines.push('', 'failed (no time reported):', ...failures);
  lines.push(
    '',
    'runs: measured runs (+1: after an untimed warm-up, the first nightly of the repository ' +
      'when its state is new). The nightly reads no cached result; turbo runs with its caches ' +
      'deleted. peak MiB: max RSS of the largest process of a run (GNU time %M; turbo runs ' +
      'up to 10 vitest or tsc processes at once, each counted alone).',
  );
  return `${lines.join('\n')}\n`;
}

import type { NightlyReport } from '@mainline/nightly';
import type { Style } from './style.ts';

/** Items listed per line at most; the reports have them all. */
const listed = 10;

/**
 * What the night found, in plain lines after the run's summary: the verdict and counts,
 * the comparison with the previous nightly, flaky tests, cache contradictions, the audit,
 * and where the reports are.
 */
export function nightlyLines(report: NightlyReport, dir: string, style: Style): string {
  const { counts, comparison } = report;
  const verdict = report.status === 'passed' ? style.green('green') : style.red('red');
  const lines = [
    `nightly: ${verdict} at ${report.commit.slice(0, 12)} (run ${report.runId}): ${counts.red} red, ${counts.flaky} flaky, ${counts.green} green, ${counts.skipped} skipped, ${counts.noTests} without tests`,
  ];
  if (report.previous) {
    lines.push(
      `since the nightly of ${report.previous.startedAt} (run ${report.previous.runId}): newly red ${names(comparison.newlyRed)}; fixed ${names(comparison.fixed)}; still red ${names(comparison.stillRed)}; newly flaky ${names(comparison.newlyFlaky.map((t) => `${t.target}: ${t.name}`))}`,
    );
  } else lines.push('first nightly: nothing to compare with');
  for (const test of report.flakyTests.slice(0, listed)) {
    const plural = test.results === 1 ? 'result' : 'results';
    const notes = [
      ...(test.flakyTonight ? ['flaky tonight'] : []),
      ...(test.quarantine
        ? [style.red(`quarantine (above ${percent(report.flakeThreshold)})`)]
        : []),
    ];
    lines.push(
      `flaky: ${test.target}: ${test.file} > ${test.name}: ${percent(test.rate)} of ${test.results} ${plural}${notes.length > 0 ? `, ${notes.join(', ')}` : ''}`,
    );
  }
  for (const finding of report.cacheHonesty.slice(0, listed)) {
    lines.push(
      `cache: ${finding.target} ${finding.phase} ${finding.cached.status} in run ${finding.cached.runId}, ${finding.fresh.status} tonight with the same key: ${finding.hint}`,
    );
  }
  for (const finding of report.audit.slice(0, listed)) {
    const evidence = [
      ...finding.undeclaredImports.map(
        (i) => `${i.file} imports '${i.imported}', owned by ${i.owner}, not a dep`,
      ),
      ...finding.changedFiles
        .slice(0, 5)
        .map(
          (f) =>
            `changed ${f.path} (${f.owners.length > 0 ? f.owners.join(', ') : 'no target'}, ${f.distance === null ? 'not connected' : `${f.distance} away`})`,
        ),
      ...finding.unownedReads
        .slice(0, 5)
        .map((path) => `its tests read ${path}, owned by no target`),
    ];
    lines.push(
      `audit: ${finding.target} is red and no change explains it: suspected ${finding.suspicion.replace('-', ' ')}${evidence.length > 0 ? `; ${evidence.join('; ')}` : ''}`,
    );
  }
  lines.push(`reports: ${dir}`);
  return `${lines.join('\n')}\n`;
}

function names(list: readonly string[]): string {
  if (list.length === 0) return 'none';
  const more = list.length > listed ? ` and ${list.length - listed} more` : '';
  return `${list.slice(0, listed).join(', ')}${more}`;
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

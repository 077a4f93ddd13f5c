import type { NightlyReport, NightlyTarget } from './nightly-report.ts';

/** Lines listed per section at most: a job summary is read in a minute, not scrolled. */
const listed = 20;

/**
 * The night in GitHub-flavoured Markdown, fit for a CI job summary ($GITHUB_STEP_SUMMARY):
 * the verdict and counts, what changed since the previous nightly, the red targets with
 * their first errors, flaky tests, cache contradictions and the audit.
 */
export function nightlyMarkdown(report: NightlyReport): string {
  const { counts, comparison } = report;
  const out: string[] = [];
  const verdict = report.status === 'passed' ? 'green' : 'red';
  out.push(`## mainline nightly: ${verdict} at \`${report.commit.slice(0, 12)}\``, '');
  out.push(
    `${report.targets.length} targets: ${counts.red} red, ${counts.flaky} flaky, ${counts.green} green, ${counts.skipped} skipped, ${counts.noTests} without tests, in ${seconds(report.durationMs)} (run ${report.runId}, ${report.startedAt}).`,
    '',
  );
  if (report.previous) {
    out.push(
      `Compared with the nightly of ${report.previous.startedAt} at \`${report.previous.commit.slice(0, 12)}\` (run ${report.previous.runId}):`,
      '',
      `- newly red: ${names(comparison.newlyRed)}`,
      `- fixed: ${names(comparison.fixed)}`,
      `- still red: ${names(comparison.stillRed)}`,
      `- newly flaky: ${names(comparison.newlyFlaky.map((t) => `${t.target}: ${t.name}`))}`,
      '',
    );
  } else out.push('This is the first nightly: nothing to compare with.', '');

  const red = report.targets.filter((target) => target.status === 'red');
  if (red.length > 0) {
    out.push('### Red targets', '');
    for (const target of red.slice(0, listed)) out.push(...redLines(target));
    if (red.length > listed) out.push(`- ... and ${red.length - listed} more`);
    out.push('');
  }
  if (report.flakyTests.length > 0) {
    out.push(
      `### Flaky tests (quarantine above ${percent(report.flakeThreshold)})`,
      '',
      '| target | test | rate | results | tonight | quarantine |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const test of report.flakyTests.slice(0, listed)) {
      out.push(
        `| ${cell(test.target)} | ${cell(`${test.file} > ${test.name}`)} | ${percent(test.rate)} | ${test.results} | ${test.flakyTonight ? 'flaky' : ''} | ${test.quarantine ? 'yes' : ''} |`,
      );
    }
    out.push('');
  }
  if (report.cacheHonesty.length > 0) {
    out.push('### Cache honesty: fresh results that contradict the cache', '');
    for (const finding of report.cacheHonesty.slice(0, listed)) {
      out.push(
        `- \`${finding.target}\` ${finding.phase}: ${finding.cached.status} in run ${finding.cached.runId}, ${finding.fresh.status} tonight, same key: ${finding.hint}`,
      );
    }
    out.push('');
  }
  if (report.audit.length > 0) {
    out.push('### Audit: red, and no change explains it', '');
    for (const finding of report.audit.slice(0, listed)) {
      out.push(`- \`${finding.target}\`: suspected ${finding.suspicion.replace('-', ' ')}`);
      for (const imported of finding.undeclaredImports.slice(0, 5)) {
        out.push(
          `  - \`${imported.file}\` imports \`${imported.imported}\`, owned by \`${imported.owner}\`, not a dep`,
        );
      }
      for (const file of finding.changedFiles.slice(0, 5)) {
        const owners = file.owners.length > 0 ? file.owners.join(', ') : 'no target';
        const distance = file.distance === null ? 'not connected' : `${file.distance} away`;
        out.push(`  - changed: \`${file.path}\` (${owners}; ${distance})`);
      }
      for (const read of finding.unownedReads.slice(0, 5))
        out.push(`  - read, unowned: \`${read}\``);
    }
    out.push('');
  }
  if (comparison.slowest.length > 0) {
    out.push('### Slowest targets', '', '| target | tonight | previous |', '| --- | --- | --- |');
    for (const slow of comparison.slowest) {
      const before = slow.previousMs === undefined ? '' : seconds(slow.previousMs);
      out.push(`| ${cell(slow.target)} | ${seconds(slow.durationMs)} | ${before} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function redLines(target: NightlyTarget): string[] {
  const lines = [`- \`${target.name}\``];
  const why = [
    ...target.build.messages,
    ...(target.test?.tests ?? [])
      .filter((test) => test.status === 'failed')
      .map((test) => `${test.file} > ${test.name}${test.message ? `: ${test.message}` : ''}`),
    ...(target.test?.fileErrors ?? []).map((error) => `${error.file}: ${error.message}`),
  ];
  for (const line of why.slice(0, 3)) lines.push(`  - ${firstLine(line)}`);
  return lines;
}

function names(list: readonly string[]): string {
  if (list.length === 0) return 'none';
  const shown = list.slice(0, listed).map((name) => `\`${name}\``);
  return list.length > listed
    ? `${shown.join(', ')} and ${list.length - listed} more`
    : shown.join(', ');
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 300);
}

/** A table cell: pipes and line breaks would end it. */
function cell(text: string): string {
  return firstLine(text).replace(/\|/g, '\\|');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

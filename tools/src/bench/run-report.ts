import type { RunBenchReport } from './run-bench.ts';
import type { CaseId, TimedCase } from './timed-case.ts';

export interface Verdict {
  readonly label: string;
  readonly value: string;
  readonly target: string;
  /** null when an operand is missing (a failed case, or turbo skipped). */
  readonly met: boolean | null;
}

/** `a / b`, wanted at most `max`. */
export function ratioVerdict(
  label: string,
  a: number | null,
  b: number | null,
  max: number,
): Verdict {
  const value = a !== null && b !== null && b > 0 ? a / b : null;
  return {
    label,
    value: value === null ? 'n/a' : `${value.toFixed(3)}x`,
    target: `<= ${max}x`,
    met: value === null ? null : value <= max,
  };
}

/** A time in seconds, wanted at most `max`. */
export function secondsVerdict(label: string, value: number | null, max: number): Verdict {
  return {
    label,
    value: value === null ? 'n/a' : `${value.toFixed(3)} s`,
    target: `<= ${max} s`,
    met: value === null ? null : value <= max,
  };
}

/** The median of case `id` on the repository of `targets`, or null. */
export function medianOf(cases: readonly TimedCase[], id: CaseId, targets: number): number | null {
  return cases.find((c) => c.id === id && c.repoTargets === targets)?.medianWallSeconds ?? null;
}

/** The speed targets, from the measured medians. */
export function runVerdicts(report: RunBenchReport): Verdict[] {
  const small = report.repos[0]?.targets ?? 0;
  const large = report.repos[1]?.targets ?? 0;
  const at = (id: CaseId, targets: number): number | null => medianOf(report.cases, id, targets);
  const { change } = report;
  return [
    ratioVerdict(
      `cold test --all, ${small} targets: mainline / turbo`,
      at('mainline-cold', small),
      at('turbo-cold', small),
      0.25,
    ),
    secondsVerdict(`fully cached test --all, ${small} targets`, at('mainline-cached', small), 1),
    secondsVerdict(`fully cached test --all, ${large} targets`, at('mainline-cached', large), 2),
    ratioVerdict(
      `fully cached, ${small} targets: mainline / turbo replay`,
      at('mainline-cached', small),
      at('turbo-cached', small),
      0.5,
    ),
    {
      label: `one-file change, ${small} targets: reran / affected / expected`,
      value: `${change.rerun ?? 'n/a'} / ${change.affected ?? 'n/a'} / ${change.expected}`,
      target: 'equal sets',
      met: change.error === null ? change.equal && change.rerunStable : null,
    },
  ];
}

/** The header, one table of timed cases, the verdicts, and failures below. */
export function formatRunMarkdown(report: RunBenchReport): string {
  const lines: string[] = [
    `node ${report.node}, ${report.cpus} cores, median of ${report.runs} runs after 1 warm-up` +
      ` (unless runs says otherwise); turbo ${report.turbo ?? 'skipped'}`,
    `load average (1/5/15 min): ${loads(report.loadBefore)} before, ${loads(report.loadAfter)} after`,
  ];
  for (const repo of report.repos) {
    lines.push(
      `- ${repo.targets} targets: ${repo.dir}` +
        (repo.generationSeconds === null
          ? ''
          : ` (generated in ${repo.generationSeconds.toFixed(1)}s)`),
    );
  }
  const failures: string[] = [];
  lines.push(...casesTable(report.cases, failures), ...verdictsTable(runVerdicts(report)));
  const { change } = report;
  lines.push(
    '',
    `one-file change: ${change.changedFile}; targets not cached: ${change.rerun ?? 'n/a'}` +
      `${change.rerunStable ? ' (same set every run)' : ' (NOT the same set every run)'}; ` +
      `mainline affected --uncommitted: ${change.affected ?? 'n/a'}; ` +
      `changed lib + dependents: ${change.expected}; equal: ${change.equal ? 'yes' : 'NO'}`,
  );
  if (report.coldSums) {
    lines.push(
      `last cold test --all run, per-target durations summed: builds ` +
        `${report.coldSums.buildSeconds.toFixed(1)} s, tests ${report.coldSums.testSeconds.toFixed(1)} s`,
    );
  }
  if (change.error) failures.push(`- one-file change: ${oneBlock(change.error)}`);
  if (failures.length > 0) lines.push('', 'failed (no time reported):', ...failures);
  lines.push(
    '',
    'runs: measured runs (+1: after an untimed warm-up). peak MiB: max RSS of the largest ' +
      'process of a run (GNU time %M), max over runs.',
  );
  return `${lines.join('\n')}\n`;
}

/** The table of timed cases (after a blank line); each failed case's error goes to `failures`. */
export function casesTable(cases: readonly TimedCase[], failures: string[]): string[] {
  const lines = [
    '',
    '| repo | tool | command | runs | median wall s | each run s | peak MiB | load after | verified |',
    '|---:|---|---|---:|---:|---|---:|---|---|',
  ];
  for (const c of cases) {
    lines.push(
      `| ${c.repoTargets} | ${c.tool} | \`${c.command}\` | ${c.runs}${c.warmUp ? '+1' : ''} | ` +
        `${wall(c)} | ${c.wallSeconds.map((s) => s.toFixed(2)).join(', ')} | ${peak(c)} | ` +
        `${loads(c.loadAfter)} | ${c.error ? 'FAILED' : c.verified} |`,
    );
    if (c.error) failures.push(`- ${c.repoTargets} / ${c.command}: ${oneBlock(c.error)}`);
  }
  return lines;
}

/** The targets and whether each is met (after a blank line). */
export function verdictsTable(verdicts: readonly Verdict[]): string[] {
  const lines = ['', '| target | measured | wanted | met |', '|---|---:|---|---|'];
  for (const verdict of verdicts) {
    const met = verdict.met === null ? 'n/a' : verdict.met ? 'yes' : 'NO';
    lines.push(`| ${verdict.label} | ${verdict.value} | ${verdict.target} | ${met} |`);
  }
  return lines;
}

function wall(c: TimedCase): string {
  if (c.error) return 'failed';
  return c.medianWallSeconds === null ? 'n/a' : c.medianWallSeconds.toFixed(3);
}

function peak(c: TimedCase): string {
  if (c.error) return '';
  return c.peakRssMiB === null ? 'n/a' : c.peakRssMiB.toFixed(0);
}

export function loads(values: readonly number[]): string {
  return values.map((value) => value.toFixed(2)).join(' ');
}

export function oneBlock(text: string): string {
  return text.replaceAll('\n', '\n  ');
}

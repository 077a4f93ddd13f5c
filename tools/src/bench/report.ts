import type { BenchReport, CaseResult } from './affected.ts';

/** The markdown table, with a header naming the machine and a list of failures below. */
export function formatMarkdown(report: BenchReport): string {
  const lines: string[] = [];
  const compared = Object.entries(report.compared).map(([tool, version]) => `${tool} ${version}`);
  lines.push(
    `node ${report.node}, ${report.cpus} cores, median of ${report.runs} runs after 1 warm-up` +
      (compared.length > 0 ? `; compared: ${compared.join(', ')}` : ''),
  );
  for (const size of report.sizes) {
    lines.push(
      `- ${size.targets} targets, ${size.lockfile} lockfile: ${size.files} files; HEAD changes ${size.changedFile}, HEAD~1 bumps a package in the lockfile; ` +
        `expected affected: ${size.expectedAffected}` +
        (size.generationSeconds === null
          ? ''
          : `; generated in ${size.generationSeconds.toFixed(1)}s`),
    );
  }
  lines.push(
    '',
    '| repo size | tool | median wall s | peak MiB | affected |',
    '|---:|---|---:|---:|---|',
  );
  const failures: string[] = [];
  for (const size of report.sizes) {
    for (const result of size.results) {
      lines.push(
        `| ${size.targets} ${size.lockfile} | ${result.tool} | ${wall(result)} | ${peak(result)} | ${affected(result, result.expectedCount)} |`,
      );
      if (result.error)
        failures.push(
          `- ${size.targets} / ${result.tool}: ${result.error.replaceAll('\n', '\n  ')}`,
        );
    }
  }
  if (failures.length > 0) lines.push('', 'failed commands (no time reported):', ...failures);
  lines.push(
    '',
    'peak MiB: max RSS of the largest process of the run (GNU time %M), max over runs.',
  );
  return `${lines.join('\n')}\n`;
}

function wall(result: CaseResult): string {
  if (result.error) return 'failed';
  return result.medianWallSeconds === null ? 'n/a' : result.medianWallSeconds.toFixed(3);
}

function peak(result: CaseResult): string {
  if (result.error) return '';
  return result.peakRssMiB === null ? 'n/a' : result.peakRssMiB.toFixed(0);
}

function affected(result: CaseResult, expected: number): string {
  if (result.outputReadable === false) return 'no affected list in output';
  if (result.error || result.affectedCorrect === null) return '';
  return result.affectedCorrect
    ? `${result.affectedCount} (correct)`
    : `${result.affectedCount} (WRONG, expected ${expected})`;
}

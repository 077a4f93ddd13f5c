import type { RunSummary } from '@mainline/core';
import { formatDuration } from './durations.ts';
import { untested } from './nothing-tested.ts';

/**
 * GitHub Actions workflow commands, one `::error` per failure: build diagnostics and
 * failed tests, with file and line so they show on the pull request's diff.
 */
export function githubAnnotations(summary: RunSummary): string {
  const lines: string[] = [];
  for (const build of summary.builds) {
    if (build.status !== 'failed') continue;
    for (const d of build.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')) {
      lines.push(
        command(
          'error',
          { file: d.file, line: d.line, col: d.column, title: `${build.target} build` },
          d.message,
        ),
      );
    }
  }
  for (const test of summary.tests) {
    for (const error of test.fileErrors) {
      lines.push(
        command('error', { file: error.file, title: `${test.target} tests` }, error.message),
      );
    }
    for (const failed of test.tests.filter((t) => t.status === 'failed')) {
      const where = failed.location ?? { file: failed.file, line: 1 };
      const title = `${test.target}: ${failed.name}`;
      lines.push(
        command('error', { file: where.file, line: where.line, title }, failed.message ?? 'failed'),
      );
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** The job summary (`$GITHUB_STEP_SUMMARY`): a table of targets and what failed. */
export function githubJobSummary(summary: RunSummary): string {
  const rows = summary.command === 'test' ? summary.tests : summary.builds;
  const status = untested(summary).all ? 'nothing tested' : summary.status;
  const lines = [
    `### mainline ${summary.command}: ${status} in ${formatDuration(summary.durationMs)}`,
    '',
    '| target | status |',
    '| --- | --- |',
    ...rows.map((row) => `| \`${row.target}\` | ${row.status} |`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

type Properties = Record<string, string | number | undefined>;

// Escaping from the runner's own rules: data escapes % CR LF; properties also : and ,.
function command(name: string, properties: Properties, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

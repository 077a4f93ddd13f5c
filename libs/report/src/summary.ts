import { formatDiagnostic, type RunSummary, type TestCaseResult } from '@mainline/core';
import { formatDuration } from './durations.ts';
import { untested } from './nothing-tested.ts';
import { plural } from './progress-reporter.ts';
import type { TextStyle } from './text-style.ts';

/**
 * What a person needs after a run: each failure with where and why (diagnostics with
 * file:line:col; tests with their name, assertion message and file:line), the flaky
 * tests, then one line of counts.
 */
export function formatSummary(summary: RunSummary, style: TextStyle): string {
  const lines: string[] = [];
  for (const build of summary.builds) {
    if (build.status !== 'failed') continue;
    lines.push(`${style.red(style.bold('FAILED'))} ${style.bold(build.target)} (build)`);
    for (const diagnostic of build.diagnostics) lines.push(`  ${formatDiagnostic(diagnostic)}`);
  }
  for (const test of summary.tests) {
    if (test.status !== 'failed') continue;
    lines.push(`${style.red(style.bold('FAILED'))} ${style.bold(test.target)} (tests)`);
    for (const error of test.fileErrors) {
      // A file that did not load says why over a few lines (esbuild: the error, then where).
      const [head = '', ...rest] = messageLines(error.message);
      lines.push(`  ${error.file}: ${head}`);
      for (const line of rest) lines.push(`    ${style.dim(line)}`);
      if (error.reason === 'timeout') lines.push(`    ${style.dim(timeoutHint)}`);
    }
    for (const failure of test.tests.filter((t) => t.status === 'failed')) {
      lines.push(`  ${where(failure)}  ${failure.name}`);
      if (failure.message) lines.push(`    ${style.dim(firstLine(failure.message))}`);
    }
  }
  for (const build of summary.builds) {
    if (build.status === 'failed') continue;
    for (const warning of build.diagnostics.filter((d) => d.severity === 'warning')) {
      lines.push(`${style.yellow('WARNING')} ${build.target}: ${formatDiagnostic(warning)}`);
    }
  }
  for (const test of summary.tests) {
    for (const warning of test.warnings ?? []) {
      lines.push(`${style.yellow('WARNING')} ${test.target}: ${warning.file}: ${warning.message}`);
    }
  }
  for (const test of summary.tests) {
    for (const flaky of test.tests.filter((t) => t.status === 'flaky')) {
      lines.push(
        `${style.yellow('FLAKY')}  ${test.target}: ${flaky.name} failed, then passed (${plural(flaky.attempts, 'attempt')})`,
      );
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(countsLine(summary, style));
  return `${lines.join('\n')}\n`;
}

const timeoutHint =
  'hint: if it needs longer, raise its limit: "timeouts": { "file": MS } in BUILD.json, or --file-timeout MS';

function countsLine(summary: RunSummary, style: TextStyle): string {
  const duration = formatDuration(summary.durationMs);
  const withoutTests = untested(summary);
  if (withoutTests.all) {
    const have = withoutTests.count === 1 ? 'has' : 'have';
    return `${style.yellow('nothing tested')}: ${plural(withoutTests.count, 'target')} ${have} no tests in ${duration}`;
  }
  // A tested target whose own build failed counts as failed, not as skipped. A target
  // without tests is not tested, and never counted as passed.
  const statuses =
    summary.command === 'test'
      ? summary.tests
          .filter((test) => test.status !== 'no-tests')
          .map((test) => (test.failedDep === test.target ? 'failed' : test.status))
      : summary.builds.map((build) => build.status);
  const count = (status: string): number => statuses.filter((s) => s === status).length;
  const parts = [`${count('passed') + count('cached')} passed`];
  if (count('cached') > 0) parts[0] += ` (${count('cached')} cached)`;
  if (count('flaky') > 0) parts.push(style.yellow(`${count('flaky')} flaky`));
  const failed = count('failed');
  if (failed > 0) parts.push(style.red(`${failed} failed`));
  if (count('skipped') > 0) parts.push(`${count('skipped')} skipped`);
  if (count('not-run') > 0) parts.push(`${count('not-run')} not run`);
  if (withoutTests.count > 0) parts.push(`${withoutTests.count} without tests`);
  const verdict =
    summary.status === 'passed'
      ? style.green('passed')
      : summary.status === 'interrupted'
        ? style.yellow('interrupted')
        : style.red('failed');
  const noun = summary.command === 'test' ? 'tested' : 'built';
  return `${verdict}: ${plural(statuses.length, 'target')} ${noun}, ${parts.join(', ')} in ${duration}`;
}

function where(test: TestCaseResult): string {
  return test.location ? `${test.location.file}:${test.location.line}` : test.file;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** The first lines of a message that say something, at most 5. */
function messageLines(message: string): string[] {
  return message
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .slice(0, 5);
}

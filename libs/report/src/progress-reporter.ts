import type { RunEvent, TargetBuildResult, TargetTestResult } from '@mainline/core';
import { formatDuration } from './durations.ts';
import { statusWord } from './status-words.ts';
import type { TextStyle } from './text-style.ts';

/**
 * Plain progress lines, one per build and per target's tests that ran: the same in a
 * terminal and in a CI log, since nothing is redrawn. Cached results are counted, not
 * listed: a fully cached 1,000-target run would otherwise print 2,000 lines to say nothing
 * happened, and every `watch` cycle would scroll its news away.
 */
export function progressReporter(
  write: (text: string) => void,
  style: TextStyle,
): (event: RunEvent) => void {
  let width = 0;
  const cached = { build: 0, test: 0 };
  // Targets without test files pass with nothing to run, on every run: counted too.
  let withoutTests = 0;
  const flush = (phase: 'build' | 'test'): void => {
    if (cached[phase] > 0)
      write(`  ${phase.padEnd(5)} ${style.dim(`${plural(cached[phase], 'target')} cached`)}\n`);
    cached[phase] = 0;
    if (phase === 'test' && withoutTests > 0)
      write(`  test  ${style.dim(`${plural(withoutTests, 'target')} without tests`)}\n`);
    if (phase === 'test') withoutTests = 0;
  };
  return (event) => {
    switch (event.type) {
      case 'run-started': {
        width = event.builds.reduce((widest, name) => Math.max(widest, name.length), 0);
        const extra = event.builds.length - event.targets.length;
        const deps = extra > 0 ? ` and ${plural(extra, 'dep')}` : '';
        write(
          `mainline ${event.command}: ${plural(event.targets.length, 'target')}${deps}, ${plural(event.concurrency, 'job')}\n`,
        );
        return;
      }
      case 'build-finished':
        if (event.result.status === 'cached') {
          cached.build++;
          return;
        }
        write(`  build ${event.result.target.padEnd(width)}  ${buildLine(event.result, style)}\n`);
        return;
      case 'tests-started':
        flush('build');
        write(
          `  test  ${testsStartedLine(event.targets.length, event.files, event.commands ?? [])}\n`,
        );
        return;
      case 'test-finished':
        flush('build');
        if (event.result.status === 'cached') {
          cached.test++;
          return;
        }
        if (hasNoTests(event.result)) {
          withoutTests++;
          return;
        }
        write(`  test  ${event.result.target.padEnd(width)}  ${testLine(event.result, style)}\n`);
        return;
      case 'run-finished':
        flush('build');
        flush('test');
        return;
      default:
        return;
    }
  };
}

/** `3 files of 2 targets in one vitest run, 1 target by its test command` */
function testsStartedLine(targets: number, files: number, commands: readonly string[]): string {
  const byVitest = targets - commands.length;
  const vitest =
    byVitest > 0
      ? `${plural(files, 'file')} of ${plural(byVitest, 'target')} in one vitest run`
      : '';
  const own =
    commands.length > 0
      ? `${plural(commands.length, 'target')} by ${commands.length === 1 ? 'its' : 'their'} test command`
      : '';
  return [vitest, own].filter((part) => part !== '').join(', ');
}

function hasNoTests(result: TargetTestResult): boolean {
  return result.status === 'no-tests';
}

function buildLine(result: TargetBuildResult, style: TextStyle): string {
  const word = statusWord(result.status, style);
  if (result.status === 'skipped') return `${word} ${style.dim(`(${result.failedDep} failed)`)}`;
  if (result.status === 'cached' || result.status === 'not-run') return word.trimEnd();
  const problems = result.diagnostics.filter((d) => d.severity === 'error').length;
  const detail = problems > 0 ? `  ${plural(problems, 'problem')}` : '';
  return `${word} ${style.dim(formatDuration(result.durationMs))}${detail}`;
}

function testLine(result: TargetTestResult, style: TextStyle): string {
  const word = statusWord(result.status, style);
  if (result.status === 'skipped') {
    const why =
      result.failedDep === undefined || result.failedDep === result.target
        ? 'its build failed'
        : `${result.failedDep} failed`;
    return `${word} ${style.dim(`(${why})`)}`;
  }
  if (result.status === 'not-run') return word.trimEnd();
  const failed = result.tests.filter((test) => test.status === 'failed').length;
  const counts = [plural(result.tests.length, 'test')];
  if (failed > 0) counts.push(`${failed} failed`);
  if (result.fileErrors.length > 0) counts.push(plural(result.fileErrors.length, 'file error'));
  const duration =
    result.status === 'cached' ? '' : ` ${style.dim(formatDuration(result.durationMs))}`;
  return `${word}${duration}  ${counts.join(', ')}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

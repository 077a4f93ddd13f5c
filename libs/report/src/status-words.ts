import type { BuildStatus, TestStatus } from '@mainline/core';
import type { TextStyle } from './text-style.ts';

/** A status as a fixed-width word, coloured by what it means for the run. */
export function statusWord(status: BuildStatus | TestStatus, style: TextStyle): string {
  const word = status === 'not-run' ? 'not run' : status === 'no-tests' ? 'no tests' : status;
  const padded = word.padEnd(7);
  switch (status) {
    case 'failed':
      return style.red(style.bold('FAILED '));
    case 'flaky':
      return style.yellow(padded);
    case 'passed':
      return style.green(padded);
    default:
      return style.dim(padded);
  }
}

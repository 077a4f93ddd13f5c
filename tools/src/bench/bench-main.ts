import { isMainlineError } from '@mainline/core';

/**
 * A benchmark's command-line entry: `main` runs it (progress on stderr) and returns what to
 * print on stdout. A bad flag or a MainlineError exits 2 with one message (and its hint),
 * never a stack trace; anything else is a bug and throws.
 */
export function benchMain(name: string, main: () => string): void {
  try {
    process.stdout.write(main());
  } catch (error) {
    if (isMainlineError(error)) {
      process.stderr.write(
        `${name}: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`,
      );
      process.exit(2);
    }
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`${name}: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** Progress lines of a benchmark, on stderr. */
export function logLine(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** A report as JSON, without the runs' kept stdout (`lastStdout`, for checks only). */
export function benchJson(report: unknown): string {
  return `${JSON.stringify(report, (key, value: unknown) => (key === 'lastStdout' ? undefined : value), 2)}\n`;
}

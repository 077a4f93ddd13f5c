/** One diagnostic as the checker printed it; `file` as printed, undefined for global ones. */
export interface CheckerMessage {
  readonly file: string | undefined;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  /** `TS2322`. */
  readonly code: string;
  /** The message with its indented elaboration lines, joined by newlines. */
  readonly message: string;
}

const located = /^(.+)\((\d+),(\d+)\): (error|warning) (TS\d+): (.*)$/;
const global = /^(error|warning) (TS\d+): (.*)$/;

/**
 * Parses `tsc --pretty false` output (TypeScript 5 and the native TypeScript 7 print the
 * same): `file(line,col): error TSxxxx: message`, `error TSxxxx: message` for problems
 * with no file, each followed by indented elaboration lines. Anything else is skipped.
 */
export function parseCheckerOutput(output: string): CheckerMessage[] {
  const messages: CheckerMessage[] = [];
  let last: { -readonly [K in keyof CheckerMessage]: CheckerMessage[K] } | undefined;
  for (const raw of output.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const at = located.exec(line);
    const free = at === null ? global.exec(line) : null;
    if (at !== null) {
      last = {
        file: at[1] as string,
        line: Number(at[2]),
        column: Number(at[3]),
        severity: at[4] as 'error' | 'warning',
        code: at[5] as string,
        message: at[6] as string,
      };
      messages.push(last);
    } else if (free !== null) {
      last = {
        file: undefined,
        line: 1,
        column: 1,
        severity: free[1] as 'error' | 'warning',
        code: free[2] as string,
        message: free[3] as string,
      };
      messages.push(last);
    } else if (last !== undefined && /^\s+\S/.test(line)) {
      last.message += `\n${line.trimEnd()}`;
    } else {
      last = undefined;
    }
  }
  return messages;
}

import type { ErrorCode } from './codes.ts';

/** A problem located in a file, 1-based line and column as editors show them. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint?: string;
  /** The kind of problem (`unknownDep`, `overlappingSrcs`...), for grouping and counting. */
  readonly code?: string;
  /**
   * Set on the one line that stands for the problems of its `code` not listed: how many.
   * Output is bounded: a few examples per kind, then this count (see libs/workspace).
   */
  readonly omitted?: number;
}

export interface MainlineErrorInit {
  readonly hint?: string;
  readonly diagnostics?: readonly Diagnostic[];
  readonly cause?: unknown;
}

/**
 * An expected failure: bad input, an unknown ref, a broken repository. It is data
 * (code, message, hint, diagnostics) and never printed where it is raised; the CLI
 * entry alone turns it into output and exit code 2.
 */
export class MainlineError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly diagnostics: readonly Diagnostic[];

  constructor(code: ErrorCode, message: string, init: MainlineErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'MainlineError';
    this.code = code;
    this.hint = init.hint;
    this.diagnostics = init.diagnostics ?? [];
  }
}

export function isMainlineError(value: unknown): value is MainlineError {
  return value instanceof MainlineError;
}

/** `file:line:col: message` as compilers print it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const hint = d.hint ? `\n  hint: ${d.hint}` : '';
  return `${where}: ${d.severity}: ${d.message}${hint}`;
}

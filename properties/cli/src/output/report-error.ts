import { type Diagnostic, formatDiagnostic, isMainlineError } from '@mainline/core';
import type { Io } from '../io.ts';

/**
 * One clear message and a hint on stderr. Expected failures never show a stack trace;
 * unexpected ones show it only with --debug.
 */
export function reportError(io: Io, error: unknown, debug: boolean): void {
  if (isMainlineError(error)) {
    for (const diagnostic of error.diagnostics) io.stderr(`${formatDiagnostic(diagnostic)}\n`);
    io.stderr(`mainline: ${error.message}\n`);
    if (error.hint) io.stderr(`  hint: ${error.hint}\n`);
    if (debug && error.cause instanceof Error && error.cause.stack)
      io.stderr(`${error.cause.stack}\n`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`mainline: internal error: ${message}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  else io.stderr('  hint: rerun with --debug for the stack trace, and report it as a bug.\n');
}

/** What `--json` prints on stdout when a command fails with exit code 2. */
export interface ErrorDocument {
  readonly error: {
    /** A MainlineError's code (`unknownRef`, `buildFileInvalid`...), `usage` or `internal`. */
    readonly code: string;
    readonly message: string;
    readonly hint?: string;
    readonly diagnostics?: readonly Diagnostic[];
  };
}

export function errorDocument(error: unknown): ErrorDocument {
  if (isMainlineError(error)) {
    const { code, message, hint, diagnostics } = error;
    return {
      error: {
        code,
        message,
        ...(hint ? { hint } : {}),
        ...(diagnostics.length > 0 ? { diagnostics } : {}),
      },
    };
  }
  return {
    error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
  };
}

import type { Diagnostic } from '@mainline/core';
import type { Message } from 'esbuild';

/**
 * esbuild's messages as diagnostics: file relative to the build's working folder (the
 * repository root), 1-based column. A message without a location is put on `fallbackFile`.
 */
export function esbuildDiagnostics(
  messages: readonly Message[],
  severity: Diagnostic['severity'],
  fallbackFile: string,
): Diagnostic[] {
  return messages.map((message) => {
    const { location } = message;
    const notes = message.notes.map((note) => note.text).filter((text) => text !== '');
    const base = {
      severity,
      file: location?.file || fallbackFile,
      line: location?.line ?? 1,
      column: (location?.column ?? 0) + 1,
      message: message.text,
    };
    return notes.length > 0 ? { ...base, hint: notes.join('; ') } : base;
  });
}

/** The messages of a failed esbuild call, or undefined when it threw something else. */
export function failureMessages(
  error: unknown,
): { errors: Message[]; warnings: Message[] } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { errors, warnings } = error as { errors?: unknown; warnings?: unknown };
  if (!Array.isArray(errors)) return undefined;
  return {
    errors: errors as Message[],
    warnings: Array.isArray(warnings) ? (warnings as Message[]) : [],
  };
}
